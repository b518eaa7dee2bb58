import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedActions } from '@cw/shared';
import { addMember, buildConsultation, buildUser, type TestUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';

const countRows = async (testApp: TestApp) => {
  const [row] = await testApp.db.sql<{ consultations: number; groups: number; members: number }[]>`
    SELECT (SELECT count(*) FROM consultations) AS consultations,
           (SELECT count(*) FROM stakeholder_groups) AS groups,
           (SELECT count(*) FROM members) AS members`;
  return row!;
};

describe.each(BACKENDS)('consultations on %s', (backend) => {
  let testApp: TestApp;
  let organiser: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp(backend);
    organiser = await buildUser(testApp, { isOrganiser: true });
    stranger = await buildUser(testApp);
  });
  afterAll(() => testApp.close());

  describe('creating', () => {
    it('creates a consultation with the default groups and the creator as admin in the last one', async () => {
      const response = await organiser.api.post('/api/consultations', { title: 'Smart mix review' });
      expect(response.status).toBe(201);
      const detail = response.body;
      expect(detail).toMatchObject({
        title: 'Smart mix review',
        description: '',
        phase: 'draft',
        attributionMode: 'chatham',
        textChanges: 'suggest',
        timezone: 'Europe/Zurich',
        opensOn: null,
        closesOn: null,
        kThreshold: 5,
        role: 'admin',
        groupName: 'Other',
        sections: [],
        sessions: [],
        questions: [],
        checklist: [],
      });
      expect(detail.groups.map((group: { name: string }) => group.name)).toEqual([
        'State / public authority',
        'Civil society organisation',
        'Company / business',
        'Academia / research',
        'International organisation',
        'Other',
      ]);
      expect(detail.groups.map((group: { position: number }) => group.position)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(detail.allowedActions).toEqual(allowedActions('admin', 'draft'));
      const list = await organiser.api.get('/api/consultations');
      expect(list.body.map((summary: { id: string }) => summary.id)).toContain(detail.id);
      expect(list.body.find((summary: { id: string }) => summary.id === detail.id)).toEqual({
        id: detail.id,
        title: 'Smart mix review',
        phase: 'draft',
        attributionMode: 'chatham',
        timezone: 'Europe/Zurich',
        opensOn: null,
        closesOn: null,
        role: 'admin',
        groupId: detail.groupId,
        groupName: 'Other',
      });
    });

    it('takes custom groups, the organiser group and settings', async () => {
      const response = await organiser.api.post('/api/consultations', {
        title: 'Regional round',
        description: 'Line one\nLine two',
        timezone: 'America/New_York',
        attributionMode: 'named',
        opensOn: '2026-05-01',
        closesOn: '2026-05-31',
        groups: ['States', 'Companies', 'Organisers'],
        organiserGroup: 'States',
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        timezone: 'America/New_York',
        attributionMode: 'named',
        opensOn: '2026-05-01',
        closesOn: '2026-05-31',
        groupName: 'States',
      });
      expect(response.body.groups.map((group: { name: string }) => group.name)).toEqual([
        'States',
        'Companies',
        'Organisers',
      ]);
    });

    it('refuses users who are not organisers with 403 and creates nothing', async () => {
      const before = await countRows(testApp);
      const response = await stranger.api.post('/api/consultations', { title: 'Mine' });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
      expect(await countRows(testApp)).toEqual(before);
    });

    it('refuses anonymous callers with 401', async () => {
      const response = await organiser.api.withToken(undefined).post('/api/consultations', { title: 'x' });
      expect(response.status).toBe(401);
    });

    it.each([
      ['an unknown template', { title: 'T', templateId: 'no-such-template' }, 'body.templateId'],
      [
        'an organiser group not in the list',
        { title: 'T', groups: ['A'], organiserGroup: 'B' },
        'body.organiserGroup',
      ],
      ['repeated group names', { title: 'T', groups: ['A', 'A'] }, 'body.groups'],
      [
        'closing before opening',
        { title: 'T', opensOn: '2026-05-02', closesOn: '2026-05-01' },
        'body.closesOn',
      ],
      ['an agenda date without template', { title: 'T', agendaDate: '2026-05-01' }, 'body.agendaDate'],
      ['a NUL byte in the title', { title: 'a\u0000b' }, 'body.title'],
      ['a huge title', { title: 'x'.repeat(100_000) }, 'body.title'],
      ['a title of the wrong type', { title: 42 }, 'body.title'],
      ['an unknown field', { title: 'T', isAdmin: true }, 'body'],
      ['an invalid time zone', { title: 'T', timezone: 'Mars/Olympus' }, 'body.timezone'],
      ['an invalid date', { title: 'T', opensOn: '2026-02-30' }, 'body.opensOn'],
    ])('refuses %s with 400 and creates nothing', async (_, body, path) => {
      const before = await countRows(testApp);
      const response = await organiser.api.post('/api/consultations', body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.issues.map((issue: { path: string }) => issue.path)).toContain(path);
      expect(await countRows(testApp)).toEqual(before);
    });
  });

  describe('templates', () => {
    it('lists the shipped templates to signed-in users only', async () => {
      const response = await stranger.api.get('/api/templates');
      expect(response.status).toBe(200);
      expect(response.body.map((template: { id: string }) => template.id).sort()).toEqual([
        'foundational-paper',
        'ungps-compass',
      ]);
      expect(response.body[0]).toEqual({
        id: expect.any(String),
        name: expect.any(String),
        description: expect.any(String),
      });
      expect((await stranger.api.withToken(undefined).get('/api/templates')).status).toBe(401);
    });

    it('builds the foundational paper agenda at CET wall-clock times with its links', async () => {
      const response = await organiser.api.post('/api/consultations', {
        title: 'Foundational paper',
        templateId: 'foundational-paper',
        agendaDate: '2026-01-20',
      });
      expect(response.status).toBe(201);
      const detail = response.body;
      expect(detail.sections.map((section: { number: string }) => section.number)).toEqual([
        '1',
        '2',
        '3',
        '4',
        '5',
      ]);
      expect(detail.sections[3].title).toBe('The State-business nexus');
      expect(detail.sections[4].title).toBe('Policy coherence');
      expect(
        detail.sessions.map((session: { kind: string; startsAt: string; endsAt: string }) => [
          session.kind,
          session.startsAt,
          session.endsAt,
        ]),
      ).toEqual([
        ['programme', '2026-01-20T14:45:00.000Z', '2026-01-20T15:00:00.000Z'],
        ['programme', '2026-01-20T15:00:00.000Z', '2026-01-20T15:10:00.000Z'],
        ['programme', '2026-01-20T15:10:00.000Z', '2026-01-20T15:15:00.000Z'],
        ['review', '2026-01-20T15:15:00.000Z', '2026-01-20T15:45:00.000Z'],
        ['review', '2026-01-20T15:50:00.000Z', '2026-01-20T16:20:00.000Z'],
        ['review', '2026-01-20T16:20:00.000Z', '2026-01-20T16:50:00.000Z'],
        ['programme', '2026-01-20T16:50:00.000Z', '2026-01-20T17:00:00.000Z'],
      ]);
      expect(detail.sessions[1]).toMatchObject({
        title: 'Opening remarks, welcome and introductions',
        speakers: [expect.stringMatching(/^Lene Wendland/), expect.stringMatching(/^Felix Kirchmeier/)],
        sectionIds: [],
      });
      const reviews = detail.sessions.filter((session: { kind: string }) => session.kind === 'review');
      const sectionId = (number: string) =>
        detail.sections.find((section: { number: string }) => section.number === number).id;
      expect(reviews.map((session: { sectionIds: string[] }) => session.sectionIds)).toEqual([
        [sectionId('1'), sectionId('2'), sectionId('3')],
        [sectionId('4')],
        [sectionId('5')],
      ]);
      expect(reviews[1].title).toBe('The state-business nexus');
      expect(detail.questions.map((question: { number: number }) => question.number)).toEqual([
        1, 2, 3, 4, 5, 6,
      ]);
      expect(detail.questions[0].text).toBe(
        'What would you add, or adjust, to the list of factors that States should consider when developing regulatory responses?',
      );
      const sessionIds = reviews.map((session: { id: string }) => session.id);
      expect(detail.questions.map((question: { sessionId: string }) => question.sessionId)).toEqual([
        sessionIds[0],
        sessionIds[0],
        sessionIds[1],
        sessionIds[1],
        sessionIds[2],
        sessionIds[2],
      ]);
      expect(detail.questions[2].sectionIds).toEqual([sectionId('4')]);
      expect(detail.questions[5].sectionIds).toEqual([sectionId('5')]);
      const [body] = await testApp.db.sql<{ initial_body: string }[]>`
        SELECT initial_body FROM sections WHERE id = ${sectionId('4')}`;
      expect(body!.initial_body).toMatch(/State-owned enterprises/);
    });

    it('places the agenda on the opening day in the consultation zone when no date is given', async () => {
      const response = await organiser.api.post('/api/consultations', {
        title: 'Summer round',
        templateId: 'foundational-paper',
        opensOn: '2026-07-01',
      });
      // The dial-in at 15:45 in Zurich's summer time.
      expect(response.body.sessions[0].startsAt).toBe('2026-07-01T13:45:00.000Z');
    });

    it('builds the UNGPs Compass review with its questions and design-feature checklist', async () => {
      const response = await organiser.api.post('/api/consultations', {
        title: 'Compass',
        templateId: 'ungps-compass',
      });
      expect(response.status).toBe(201);
      const detail = response.body;
      expect(detail.sections.map((section: { title: string }) => section.title)).toEqual([
        'Scoping and identification of objective',
        'Regulatory gap analysis',
        'Process – identification of avenues for regulation',
        'Design – enforcement, monitoring and assessment',
      ]);
      expect(detail.sessions).toEqual([]);
      expect(detail.questions).toHaveLength(19);
      const perSection = detail.sections.map(
        (section: { id: string }) =>
          detail.questions.filter((question: { sectionIds: string[] }) =>
            question.sectionIds.includes(section.id),
          ).length,
      );
      expect(perSection).toEqual([4, 5, 5, 5]);
      expect(detail.questions[9].text).toMatch(
        /^What should be the nature of the legal obligations\? \(e\.g\./,
      );
      expect(detail.checklist).toHaveLength(7);
      expect(detail.checklist[0]).toMatchObject({
        label: 'A broad view on human rights',
        position: 0,
        isChecked: false,
        note: '',
        updatedAt: null,
      });
    });
  });

  describe('reading', () => {
    it('shows each member their own role and group and what they may do', async () => {
      const admin = await buildUser(testApp);
      const consultation = await buildConsultation(testApp, admin, { phase: 'open' });
      const reviewer = await buildUser(testApp);
      await addMember(
        testApp,
        consultation.id,
        reviewer,
        'reviewer',
        consultation.groups['Company / business']!,
      );
      const response = await reviewer.api.get(`/api/consultations/${consultation.id}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        role: 'reviewer',
        groupId: consultation.groups['Company / business'],
        groupName: 'Company / business',
        allowedActions: allowedActions('reviewer', 'open'),
      });
      const list = await reviewer.api.get('/api/consultations');
      expect(list.body).toHaveLength(1);
    });

    it('hides consultations from non-members with 404 and lists nothing of theirs', async () => {
      const admin = await buildUser(testApp);
      const consultation = await buildConsultation(testApp, admin);
      const outsider = await buildUser(testApp);
      const response = await outsider.api.get(`/api/consultations/${consultation.id}`);
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('CONSULTATION_NOT_FOUND');
      expect((await outsider.api.get('/api/consultations')).body).toEqual([]);
      expect((await outsider.api.get('/api/consultations/not-a-uuid')).status).toBe(400);
    });
  });

  describe('settings', () => {
    it('lets the admin change settings', async () => {
      const admin = await buildUser(testApp);
      const consultation = await buildConsultation(testApp, admin, { phase: 'draft' });
      const response = await admin.api.patch(`/api/consultations/${consultation.id}`, {
        title: 'Renamed',
        attributionMode: 'anonymous',
        kThreshold: 7,
        opensOn: '2026-03-01',
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        title: 'Renamed',
        attributionMode: 'anonymous',
        kThreshold: 7,
        opensOn: '2026-03-01',
      });
    });

    it('refuses editors and reviewers with 403, non-members with 404, published with 409', async () => {
      const admin = await buildUser(testApp);
      const consultation = await buildConsultation(testApp, admin, { phase: 'open' });
      const editor = await buildUser(testApp);
      const reviewer = await buildUser(testApp);
      await addMember(testApp, consultation.id, editor, 'editor', consultation.groups['Other']!);
      await addMember(testApp, consultation.id, reviewer, 'reviewer', consultation.groups['Other']!);
      const path = `/api/consultations/${consultation.id}`;
      expect((await editor.api.patch(path, { title: 'Mine' })).status).toBe(403);
      expect((await reviewer.api.patch(path, { title: 'Mine' })).status).toBe(403);
      expect((await stranger.api.patch(path, { title: 'Mine' })).status).toBe(404);
      await testApp.db.sql`UPDATE consultations SET phase = 'published' WHERE id = ${consultation.id}`;
      const published = await admin.api.patch(path, { title: 'Late' });
      expect(published.status).toBe(409);
      expect(published.body.code).toBe('PHASE_FORBIDS');
      expect((await admin.api.get(path)).body.title).toBe('Test consultation');
    });

    it('refuses bad settings with 400 and keeps the old ones', async () => {
      const admin = await buildUser(testApp);
      const consultation = await buildConsultation(testApp, admin, { phase: 'draft' });
      const path = `/api/consultations/${consultation.id}`;
      await admin.api.patch(path, { opensOn: '2026-03-10' });
      for (const body of [
        {},
        { closesOn: '2026-03-01' },
        { kThreshold: 1 },
        { phase: 'open' },
        { title: '' },
        { timezone: 'Nowhere' },
      ]) {
        const response = await admin.api.patch(path, body);
        expect(response.status, JSON.stringify(body)).toBe(400);
      }
      const after = (await admin.api.get(path)).body;
      expect(after).toMatchObject({
        title: 'Test consultation',
        closesOn: null,
        kThreshold: 5,
        phase: 'draft',
      });
    });
  });

  describe('phases', () => {
    it('walks draft → open → closed → open → closed → published', async () => {
      const admin = await buildUser(testApp);
      const consultation = await buildConsultation(testApp, admin, { phase: 'draft' });
      const path = `/api/consultations/${consultation.id}/phase`;
      for (const phase of ['open', 'closed', 'open', 'closed', 'published']) {
        const response = await admin.api.post(path, { phase });
        expect(response.status).toBe(200);
        expect(response.body.phase).toBe(phase);
        expect(response.body.allowedActions).toEqual(allowedActions('admin', phase as 'open'));
      }
    });

    it('refuses moves the transition table does not allow with 409 and says which are', async () => {
      const admin = await buildUser(testApp);
      const consultation = await buildConsultation(testApp, admin, { phase: 'draft' });
      const path = `/api/consultations/${consultation.id}/phase`;
      const skip = await admin.api.post(path, { phase: 'published' });
      expect(skip.status).toBe(409);
      expect(skip.body.code).toBe('INVALID_TRANSITION');
      expect(skip.body.message).toMatch(/can move to: open/);
      const same = await admin.api.post(path, { phase: 'draft' });
      expect(same.status).toBe(409);
      await testApp.db.sql`UPDATE consultations SET phase = 'published' WHERE id = ${consultation.id}`;
      const final = await admin.api.post(path, { phase: 'closed' });
      expect(final.status).toBe(409);
      expect(final.body.message).toMatch(/published is final/);
    });

    it('lets only admins change the phase and validates the body', async () => {
      const admin = await buildUser(testApp);
      const consultation = await buildConsultation(testApp, admin, { phase: 'draft' });
      const editor = await buildUser(testApp);
      await addMember(testApp, consultation.id, editor, 'editor', consultation.groups['Other']!);
      const path = `/api/consultations/${consultation.id}/phase`;
      expect((await editor.api.post(path, { phase: 'open' })).status).toBe(403);
      expect((await stranger.api.post(path, { phase: 'open' })).status).toBe(404);
      expect((await admin.api.post(path, { phase: 'archived' })).status).toBe(400);
      expect((await admin.api.post(path, { phase: 'open', force: true })).status).toBe(400);
      expect((await admin.api.get(`/api/consultations/${consultation.id}`)).body.phase).toBe('draft');
    });
  });
});
