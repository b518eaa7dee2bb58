import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantToZoned } from '@cw/shared';
import { ApiClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { loadTemplates } from '../templates/index.js';
import { DEMO_PASSWORD, DEMO_TEMPLATE_ID } from './demo-accounts.js';

describe.each(BACKENDS)('demo mode on %s', (backend) => {
  let testApp: TestApp;
  let anonymous: ApiClient;

  beforeAll(async () => {
    testApp = await startTestApp(backend, { DEMO_MODE: 'true' });
    anonymous = new ApiClient(testApp.url);
  });
  afterAll(() => testApp.close());

  it('lists demo accounts for every role across several stakeholder groups', async () => {
    const response = await anonymous.get('/api/demo/accounts');
    expect(response.status).toBe(200);
    const accounts = response.body as { email: string; role: string; group: string; password: string }[];
    expect(new Set(accounts.map((account) => account.role))).toEqual(
      new Set(['admin', 'editor', 'reviewer', 'observer']),
    );
    const reviewers = accounts.filter((account) => account.role === 'reviewer');
    expect(reviewers.length).toBeGreaterThanOrEqual(4);
    expect(new Set(reviewers.map((account) => account.group)).size).toBeGreaterThanOrEqual(3);
    expect(accounts.every((account) => account.email.endsWith('@demo.example'))).toBe(true);
    expect(accounts.every((account) => account.password === DEMO_PASSWORD)).toBe(true);
  });

  it('seeds an open Chatham House consultation from its template, agenda on today in its zone', async () => {
    const template = (await loadTemplates()).find((candidate) => candidate.id === DEMO_TEMPLATE_ID)!;
    const accounts = (await anonymous.get('/api/demo/accounts')).body as {
      email: string;
      role: string;
      group: string;
    }[];
    for (const account of accounts) {
      const login = await anonymous.post('/api/auth/login', {
        email: account.email,
        password: DEMO_PASSWORD,
      });
      expect(login.status, account.email).toBe(200);
      expect(login.body.user.isOrganiser).toBe(account.role === 'admin');
      const api = anonymous.withToken(login.body.token);
      const [summary] = (await api.get('/api/consultations')).body;
      expect(summary).toMatchObject({ phase: 'open', attributionMode: 'chatham', role: account.role });
      expect(summary.groupName).toBe(account.group);
      if (account.role !== 'admin') continue;
      const detail = (await api.get(`/api/consultations/${summary.id}`)).body;
      expect(detail.timezone).toBe(template.timezone);
      expect(detail.sections.map((section: { title: string }) => section.title)).toEqual(
        template.sections.map((section) => section.title),
      );
      expect(detail.questions).toHaveLength(template.questions.length);
      const today = instantToZoned(new Date(), template.timezone).slice(0, 10);
      expect(
        detail.sessions.map((session: { startsAt: string }) =>
          instantToZoned(session.startsAt, template.timezone),
        ),
      ).toEqual(template.sessions.map((session) => `${today}T${session.startsAt}`));
    }
  });

  it('lets the demo facilitators run its agenda live, from the opening remarks to a review session', async () => {
    const token = async (role: string) => {
      const accounts = (await anonymous.get('/api/demo/accounts')).body as { email: string; role: string }[];
      const { email } = accounts.find((account) => account.role === role)!;
      return (await anonymous.post('/api/auth/login', { email, password: DEMO_PASSWORD })).body.token;
    };
    const editor = anonymous.withToken(await token('editor'));
    const [summary] = (await editor.get('/api/consultations')).body;
    const base = `/api/consultations/${summary.id}`;
    const detail = (await editor.get(base)).body as {
      sessions: { id: string; kind: string; title: string; speakers: string[] }[];
      questions: { id: string; number: number; sessionId: string | null }[];
    };
    const opening = detail.sessions.find((session) => session.title.startsWith('Opening remarks'))!;
    expect(opening).toMatchObject({ kind: 'programme' });
    expect(opening.speakers).toHaveLength(2);
    expect(detail.sessions.filter((session) => session.kind === 'programme')).toHaveLength(4);

    const remarks = await editor.post(`${base}/live/start`, { sessionId: opening.id });
    expect(remarks.status).toBe(200);
    expect(remarks.body.session).toMatchObject({ sessionId: opening.id, focus: null });
    expect((await editor.post(`${base}/live/end`)).status).toBe(200);
    const review = detail.sessions.find((session) => session.kind === 'review')!;
    const first = detail.questions.find(
      (question) => question.sessionId === review.id && question.number === 1,
    )!;
    const started = await editor.post(`${base}/live/start`, { sessionId: review.id });
    expect(started.body.session.focus).toEqual({ kind: 'question', id: first.id });
    const reviewer = anonymous.withToken(await token('reviewer'));
    expect((await reviewer.put(`${base}/live/hand`, {})).body.hands.yours).toMatchObject({ position: 1 });
    expect((await editor.post(`${base}/live/end`)).status).toBe(200);
  });

  it('names the demo rapporteurs: the editor for every review session, the academic reviewer for one', async () => {
    const signIn = async (email: string) =>
      anonymous.withToken(
        (await anonymous.post('/api/auth/login', { email, password: DEMO_PASSWORD })).body.token,
      );
    const admin = await signIn('admin@demo.example');
    const [summary] = (await admin.get('/api/consultations')).body;
    const base = `/api/consultations/${summary.id}`;
    type Detail = {
      sessions: { id: string; kind: string; title: string }[];
      sessionNotes: { sessionId: string; rapporteurs: { name: string; isYou: boolean }[] }[];
    };
    const detail = (await admin.get(base)).body as Detail;
    const titleOf = (id: string) => detail.sessions.find((session) => session.id === id)!;
    const named = detail.sessionNotes
      .filter((state) => state.rapporteurs.length > 0)
      .map((state) => ({
        title: titleOf(state.sessionId).title,
        rapporteurs: state.rapporteurs.map((rapporteur) => rapporteur.name).sort(),
      }));
    expect(named).toEqual([
      {
        title: 'The Smart Mix of Measures and elements of regulatory approaches',
        rapporteurs: ['Jonas Lindqvist'],
      },
      { title: 'The state-business nexus', rapporteurs: ['Elena Petrova', 'Jonas Lindqvist'] },
      { title: 'Policy coherence', rapporteurs: ['Jonas Lindqvist'] },
    ]);

    const academic = await signIn('academia@demo.example');
    const own = (await academic.get(base)).body as Detail;
    const nexus = detail.sessions.find((session) => session.title === 'The state-business nexus')!;
    expect(own.sessionNotes.find((state) => state.sessionId === nexus.id)!.rapporteurs).toEqual([
      expect.objectContaining({ isYou: true }),
    ]);
    expect((await academic.get(`${base}/sessions/${nexus.id}/notes/check`)).status).toBe(200);
    const smartMix = detail.sessions.find((session) => session.kind === 'review')!;
    expect((await academic.get(`${base}/sessions/${smartMix.id}/notes/check`)).status).toBe(403);
  });
});

describe('outside demo mode', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp('pglite', { DEMO_MODE: 'false' });
  });
  afterAll(() => testApp.close());

  it('hides the demo accounts with 404 and seeds nothing', async () => {
    const response = await new ApiClient(testApp.url).get('/api/demo/accounts');
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
    const [row] = await testApp.db.sql<{ users: number; seeds: number }[]>`
      SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM seeds) AS seeds`;
    expect(row).toEqual({ users: 0, seeds: 0 });
  });
});

describe('start-up data on a persistent database', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cw-demo-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('seeds the demo once across restarts and creates the bootstrap organiser only once', async () => {
    const env = {
      DATA_DIR: dataDir,
      DEMO_MODE: 'true',
      BOOTSTRAP_ADMIN_EMAIL: 'Chair@Example.org',
      BOOTSTRAP_ADMIN_PASSWORD: 'first-password-1',
    };
    const first = await startTestApp('pglite', env);
    await first.close();
    const second = await startTestApp('pglite', { ...env, BOOTSTRAP_ADMIN_PASSWORD: 'second-password-2' });
    try {
      const [row] = await second.db.sql<{ consultations: number; seeds: number; demo_users: number }[]>`
        SELECT (SELECT count(*) FROM consultations) AS consultations,
               (SELECT count(*) FROM seeds) AS seeds,
               (SELECT count(*) FROM users WHERE email LIKE '%@demo.example') AS demo_users`;
      expect(row).toEqual({ consultations: 1, seeds: 1, demo_users: 7 });
      const api = new ApiClient(second.url);
      const login = await api.post('/api/auth/login', {
        email: 'chair@example.org',
        password: 'first-password-1',
      });
      expect(login.status).toBe(200);
      expect(login.body.user).toMatchObject({
        email: 'chair@example.org',
        name: 'Organiser',
        isOrganiser: true,
      });
      const replaced = await api.post('/api/auth/login', {
        email: 'chair@example.org',
        password: 'second-password-2',
      });
      expect(replaced.status).toBe(401);
    } finally {
      await second.close();
    }
  });
});
