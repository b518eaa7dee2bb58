import type { DashboardData } from '@cw/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildUser, type TestUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import {
  ACADEMIA,
  anchorFor,
  buildThreadWorld,
  CIVIL,
  COMPANY,
  STATE,
  type ThreadWorld,
} from '../../test/thread-fixtures.js';

const INTERNATIONAL = 'International organisation';
const OTHER = 'Other';
const GROUP_ORDER = [STATE, CIVIL, COMPANY, ACADEMIA, INTERNATIONAL, OTHER];

const none = { threads: 0, comments: 0, endorsements: 0, suggestions: 0, charsEdited: 0, participants: 0 };

const withheld = { atLeast: 0 };
const allWithheld = {
  threads: withheld,
  comments: withheld,
  endorsements: withheld,
  suggestions: withheld,
  charsEdited: withheld,
  participants: withheld,
};

describe.each(BACKENDS)('dashboard on %s', (backend) => {
  let testApp: TestApp;
  let world: ThreadWorld;
  let civil: TestUser[];
  let state: TestUser[];
  let company: TestUser;
  let stranger: TestUser;
  let question2: string;
  let section2: string;
  let sessionId: string;
  const group = (name: string) => world.consultation.groups[name]!;
  const row = (name: string) => GROUP_ORDER.indexOf(name);
  const dashboard = async (user: TestUser, query = '') => {
    const response = await user.api.get(`${world.base}/dashboard${query}`);
    return response as { status: number; body: DashboardData & { code?: string } };
  };

  beforeAll(async () => {
    testApp = await startTestApp(backend, { COMMENT_RATE_LIMIT: '1000' });
    // Drafting: the admin asks a question before the round opens.
    world = await buildThreadWorld(testApp, { phase: 'draft' });
    const { sql } = testApp.db;
    civil = [world.reviewer, await buildUser(testApp), await buildUser(testApp)];
    state = [await buildUser(testApp), await buildUser(testApp)];
    company = world.otherReviewer;
    stranger = await buildUser(testApp);
    for (const user of civil.slice(1))
      await addMember(testApp, world.consultation.id, user, 'reviewer', group(CIVIL));
    for (const user of state) await addMember(testApp, world.consultation.id, user, 'reviewer', group(STATE));
    // Other holds an observer only; International the admin and Academia the editor, organisers.
    await addMember(testApp, world.consultation.id, await buildUser(testApp), 'observer', group(OTHER));

    const [q2] = await sql<{ id: string }[]>`
      INSERT INTO guiding_questions (consultation_id, number, text)
      VALUES (${world.consultation.id}, 2, 'Who should monitor?') RETURNING id`;
    question2 = q2!.id;
    const [s2] = await sql<{ id: string }[]>`
      INSERT INTO sections (consultation_id, number, title, position) VALUES (${world.consultation.id}, '2', 'Remedy', 1)
      RETURNING id`;
    section2 = s2!.id;
    const [session] = await sql<{ id: string }[]>`
      INSERT INTO agenda_sessions (consultation_id, title, starts_at, ends_at)
      VALUES (${world.consultation.id}, 'Remedy session', now(), now() + interval '1 hour') RETURNING id`;
    sessionId = session!.id;
    await sql`UPDATE guiding_questions SET session_id = ${sessionId} WHERE id = ${question2}`;
    await sql`INSERT INTO agenda_session_sections (session_id, section_id) VALUES (${sessionId}, ${section2})`;

    const post = async (user: TestUser, path: string, body: unknown) => {
      const response = await user.api.post(`${world.base}${path}`, body);
      if (response.status !== 201) throw new Error(`${path}: ${JSON.stringify(response.body)}`);
      return response.body as { id: string; comments: { id: string }[] };
    };
    // Input keeps the label scope its group had when it was made, so k is set first.
    await sql`UPDATE consultations SET k_threshold = 2 WHERE id = ${world.consultation.id}`;
    await post(world.admin, '/threads', { questionId: world.questionId, body: 'Draft framing question' });
    expect((await world.admin.api.post(`${world.base}/phase`, { phase: 'open' })).status).toBe(200);

    // Question 1: Civil opens two threads and writes most; Company replies once; State twice.
    const t1 = await post(civil[0]!, '/threads', { questionId: world.questionId, body: 'Civil one' });
    await post(civil[1]!, `/threads/${t1.id}/comments`, { body: 'Civil two' });
    const withdrawn = await post(civil[2]!, `/threads/${t1.id}/comments`, { body: 'Civil three, withdrawn' });
    await post(company, `/threads/${t1.id}/comments`, { body: 'Company one' });
    const t2 = await post(civil[0]!, '/threads', { questionId: world.questionId, body: 'Civil four' });
    await post(civil[1]!, `/threads/${t2.id}/comments`, { body: 'Civil five' });
    await post(civil[0]!, `/threads/${t2.id}/comments`, { body: 'Civil six' });
    await post(civil[1]!, `/threads/${t2.id}/comments`, { body: 'Civil seven' });
    const deleted = withdrawn.comments.at(-1)!.id;
    expect((await civil[2]!.api.delete(`${world.base}/comments/${deleted}`)).status).toBe(204);
    const civilFirst = t1.comments[0]!.id;
    for (const user of [company, civil[1]!])
      expect((await user.api.put(`${world.base}/comments/${civilFirst}/endorsement`, {})).status).toBe(200);
    // Section 1: State opens an anchored thread without a question, and State edits the paper.
    const anchor = await anchorFor(testApp, world, 0, 6);
    const t3 = await post(state[0]!, '/threads', { questionId: null, anchor, body: 'State one' });
    await post(state[1]!, `/threads/${t3.id}/comments`, { body: 'State two' });
    await sql`
      INSERT INTO paper_contributions (consultation_id, user_id, group_id, section_id, day, chars_inserted, chars_deleted)
      VALUES (${world.consultation.id}, ${company.id}, ${group(COMPANY)}, ${world.sectionId}, current_date, 10, 5)`;

    // Invitations: two for Company, one revoked.
    const invite = () =>
      world.admin.api.post(`${world.base}/invitations`, { role: 'reviewer', groupId: group(COMPANY) });
    await invite();
    const revoked = await invite();
    await world.admin.api.delete(`${world.base}/invitations/${revoked.body.id}`);
  });
  afterAll(() => testApp.close());

  it('counts exactly the input created, per group and question, for admins', async () => {
    const { status, body } = await dashboard(world.admin);
    expect(status).toBe(200);
    expect(body.view).toBe('exact');
    expect(body.rows.map((r) => r.label)).toEqual(GROUP_ORDER);
    expect(body.questions.map((q) => q.number)).toEqual([1, 2]);
    const q1 = (name: string) => body.byQuestion.cells[row(name)]![0];
    // Civil: threads t1, t2; comments 1, 2, 4, 5, 6, 7 (3 deleted); endorsement by civil[1].
    expect(q1(CIVIL)).toEqual({
      threads: 2,
      comments: 6,
      endorsements: 1,
      suggestions: 0,
      charsEdited: 0,
      participants: 2,
    });
    // Company: one reply and one endorsement on question 1, and 15 characters in its section.
    expect(q1(COMPANY)).toEqual({
      threads: 0,
      comments: 1,
      endorsements: 1,
      suggestions: 0,
      charsEdited: 15,
      participants: 1,
    });
    expect(q1(INTERNATIONAL)).toEqual({ ...none, threads: 1, comments: 1, participants: 1 });
    expect(q1(STATE)).toEqual(none);
    expect(body.byQuestion.columnTotals[0]).toEqual({
      threads: 3,
      comments: 8,
      endorsements: 2,
      suggestions: 0,
      charsEdited: 15,
      participants: 4,
    });
    expect(body.byQuestion.columnTotals[1]).toEqual(none);
    expect(body.byQuestion.rowTotals[row(CIVIL)]).toEqual(q1(CIVIL));
  });

  it('counts input per section: anchored threads and paper edits', async () => {
    const { body } = await dashboard(world.admin);
    expect(body.sections.map((s) => s.number)).toEqual(['1', '2']);
    const s1 = (name: string) => body.bySection.cells[row(name)]![0];
    expect(s1(STATE)).toEqual({
      threads: 1,
      comments: 2,
      endorsements: 0,
      suggestions: 0,
      charsEdited: 0,
      participants: 2,
    });
    expect(s1(COMPANY)).toEqual({ ...none, charsEdited: 15, participants: 1 });
    expect(s1(CIVIL)).toEqual(none);
    expect(body.bySection.grandTotal).toEqual({
      threads: 1,
      comments: 2,
      endorsements: 0,
      suggestions: 0,
      charsEdited: 15,
      participants: 3,
    });
  });

  it('reports participation and activity per group', async () => {
    const { body } = await dashboard(world.admin);
    expect(body.participation.rows[row(CIVIL)]).toEqual({ invited: 0, joined: 3, active: 2 });
    expect(body.participation.rows[row(COMPANY)]).toEqual({ invited: 1, joined: 1, active: 1 });
    expect(body.participation.rows[row(STATE)]).toEqual({ invited: 0, joined: 3, active: 2 });
    expect(body.participation.total.active).toBe(6);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich' }).format(new Date());
    expect(body.days).toContain(today);
    const comments = body.byDay.rowTotals.map((figures) => figures.comments);
    expect(comments[row(CIVIL)]).toBe(6);
    expect(body.byDay.grandTotal.comments).toBe(10);
  });

  it('names the gaps: nobody on question 2, groups without input, a dominant group', async () => {
    const { body } = await dashboard(world.admin);
    expect(body.gaps).toContainEqual({
      kind: 'noInput',
      rowKey: null,
      target: { kind: 'question', id: question2, number: 2 },
    });
    expect(body.gaps).toContainEqual({
      kind: 'noInput',
      rowKey: group(STATE),
      target: { kind: 'question', id: world.questionId, number: 1 },
    });
    expect(body.gaps).toContainEqual({
      kind: 'dominant',
      rowKey: group(CIVIL),
      target: { kind: 'question', id: world.questionId, number: 1 },
      share: 0.7,
    });
    expect(body.gaps).toContainEqual({
      kind: 'dominant',
      rowKey: group(STATE),
      target: { kind: 'section', id: world.sectionId, number: '1' },
      share: 0.7,
    });
    expect(body.gaps.filter((g) => g.rowKey === group(CIVIL) && g.kind === 'noInput')).toEqual([
      {
        kind: 'noInput',
        rowKey: group(CIVIL),
        target: { kind: 'section', id: world.sectionId, number: '1' },
      },
    ]);
  });

  it('reports no gap for groups that cannot give input: the organisers, observers alone', async () => {
    const cannotGiveInput = [INTERNATIONAL, ACADEMIA, OTHER].map(group);
    const { body } = await dashboard(world.admin);
    // None of them gave input on section 1, nor Academia and Other on question 1.
    for (const name of [INTERNATIONAL, ACADEMIA, OTHER])
      expect(body.bySection.cells[row(name)]![0]).toEqual(none);
    expect(body.gaps.filter((gap) => cannotGiveInput.includes(gap.rowKey ?? ''))).toEqual([]);
    expect(body.gaps.filter((gap) => gap.kind === 'noInput' && gap.rowKey !== null)).toEqual([
      {
        kind: 'noInput',
        rowKey: group(STATE),
        target: { kind: 'question', id: world.questionId, number: 1 },
      },
      {
        kind: 'noInput',
        rowKey: group(CIVIL),
        target: { kind: 'section', id: world.sectionId, number: '1' },
      },
    ]);
  });

  it('reports the gaps of a group invited to give input that has not joined yet', async () => {
    const invitation = await world.admin.api.post(`${world.base}/invitations`, {
      role: 'reviewer',
      groupId: group(ACADEMIA),
    });
    expect(invitation.status).toBe(201);
    const invited = await dashboard(world.admin);
    expect(invited.body.gaps).toContainEqual({
      kind: 'noInput',
      rowKey: group(ACADEMIA),
      target: { kind: 'question', id: world.questionId, number: 1 },
    });
    await world.admin.api.delete(`${world.base}/invitations/${invitation.body.id}`);
    const revoked = await dashboard(world.admin);
    expect(revoked.body.gaps.some((gap) => gap.rowKey === group(ACADEMIA))).toBe(false);
  });

  describe('published figures (k = 2, set before any input was made)', () => {
    // Members: Civil 3, State 3 (two reviewers and the observer); Company, Academia,
    // International and Other one each, pooled as "Other stakeholders" (4 together).
    const published = ['State / public authority', 'Civil society organisation', 'Other stakeholders'];
    const at = (body: DashboardData, label: string) => body.rows.findIndex((r) => r.label === label);
    it('gives editors rows by k-anonymous label, and admins the same preview on request', async () => {
      const editor = await dashboard(world.editor);
      expect(editor.status).toBe(200);
      expect(editor.body.view).toBe('published');
      expect(editor.body.kThreshold).toBe(2);
      expect(editor.body.rows).toEqual([
        { key: group(STATE), groupId: group(STATE), scope: 'group', label: STATE },
        { key: group(CIVIL), groupId: group(CIVIL), scope: 'group', label: CIVIL },
        { key: 'pool', groupId: null, scope: 'pool', label: 'Other stakeholders' },
      ]);
      expect(editor.body.rows.map((r) => r.label)).toEqual(published);
      const preview = await dashboard(world.admin, '?view=published');
      expect(preview.body).toEqual(editor.body);
    });

    it('counts only input of cells drawn from at least k people, and says where some was left out', async () => {
      const { body } = await dashboard(world.editor);
      const q1 = (label: string) => body.byQuestion.cells[at(body, label)]![0]!;
      // Two Civil people on question 1, all on one day in one phase: published whole.
      expect(q1(CIVIL)).toEqual({
        threads: 2,
        comments: 6,
        endorsements: 1,
        suggestions: 0,
        charsEdited: 0,
        participants: 2,
      });
      // Company's reply and the admin's draft question: one person each, left out of every figure.
      expect(q1('Other stakeholders')).toEqual(allWithheld);
      expect(body.byQuestion.columnTotals[0]).toEqual({
        threads: { atLeast: 2 },
        comments: { atLeast: 6 },
        endorsements: { atLeast: 1 },
        suggestions: { atLeast: 0 },
        charsEdited: { atLeast: 0 },
        participants: { atLeast: 2 },
      });
      // Question 2 has no input at all: zeros stay shown.
      expect(body.byQuestion.columnTotals[1]).toEqual(none);
      const s1 = (label: string) => body.bySection.cells[at(body, label)]![0]!;
      expect(s1(STATE)).toEqual({
        threads: 1,
        comments: 2,
        endorsements: 0,
        suggestions: 0,
        charsEdited: 0,
        participants: 2,
      });
      expect(s1('Other stakeholders')).toEqual(allWithheld);
      for (const table of [body.byQuestion, body.bySection, body.byDay]) {
        const all = [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.grandTotal];
        for (const figures of all) {
          const people = figures.participants;
          const count = typeof people === 'number' ? people : people.atLeast;
          expect(count === 0 || count >= 2).toBe(true);
        }
      }
    });

    it('names only gaps that exact figures support', async () => {
      const { body } = await dashboard(world.editor);
      expect(body.gaps.some((gap) => gap.rowKey === 'pool')).toBe(false);
      expect(body.gaps).toContainEqual({
        kind: 'noInput',
        rowKey: null,
        target: { kind: 'question', id: question2, number: 2 },
      });
    });

    it('withholds small participation figures and totals only the rows shown', async () => {
      const { body } = await dashboard(world.editor);
      const pool = body.participation.rows[at(body, 'Other stakeholders')]!;
      // One invitation for Company: withheld; four members pooled: shown.
      expect(pool).toEqual({ invited: withheld, joined: 4, active: withheld });
      expect(body.participation.total).toEqual({ invited: withheld, joined: 10, active: { atLeast: 4 } });
      expect(body.participation.rows[at(body, CIVIL)]!.joined).toBe(3);
    });
  });

  it('filters by agenda session and by phase', async () => {
    const session = await dashboard(world.admin, `?sessionId=${sessionId}`);
    expect(session.status).toBe(200);
    expect(session.body.questions.map((q) => q.id)).toEqual([question2]);
    expect(session.body.sections.map((s) => s.id)).toEqual([section2]);
    expect(session.body.byDay.grandTotal).toEqual(none);
    expect(session.body.gaps).toContainEqual({
      kind: 'noInput',
      rowKey: null,
      target: { kind: 'section', id: section2, number: '2' },
    });

    const draft = await dashboard(world.admin, '?phase=draft');
    expect(draft.body.byQuestion.columnTotals[0]).toEqual({
      ...none,
      threads: 1,
      comments: 1,
      participants: 1,
    });
    expect(draft.body.byDay.grandTotal.participants).toBe(1);
    const open = await dashboard(world.admin, '?phase=open');
    expect(open.body.byQuestion.columnTotals[0]!.comments).toBe(7);
    expect(open.body.bySection.grandTotal.charsEdited).toBe(15);
    const closed = await dashboard(world.admin, '?phase=closed');
    expect(closed.body.byDay.grandTotal).toEqual(none);
    expect(closed.body.days).toEqual([]);
  });

  it('answers 400 with a message for unknown sessions, phases and parameters', async () => {
    const unknownSession = await dashboard(world.admin, `?sessionId=${crypto.randomUUID()}`);
    expect(unknownSession.status).toBe(400);
    expect(unknownSession.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(unknownSession.body)).toContain('query.sessionId');
    for (const query of [
      '?sessionId=abc',
      '?phase=archived',
      '?day=2026-13-01',
      '?view=raw',
      '?groupBy=name',
    ]) {
      const response = await dashboard(world.admin, query);
      expect(response.status, query).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('refuses reviewers, observers, strangers and editors asking for exact counts', async () => {
    expect((await dashboard(world.reviewer)).status).toBe(403);
    expect((await dashboard(world.observer)).status).toBe(403);
    expect((await dashboard(stranger)).status).toBe(404);
    const exact = await dashboard(world.editor, '?view=exact');
    expect(exact.status).toBe(403);
    expect(exact.body.code).toBe('FORBIDDEN');
  });

  it('documents the route and its query in OpenAPI', async () => {
    const response = await world.admin.api.get('/api/docs-json');
    const route = response.body.paths['/api/consultations/{consultationId}/dashboard'];
    expect(route.get.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
      expect.arrayContaining(['sessionId', 'phase', 'day', 'view']),
    );
  });

  it('names no person in any answer', async () => {
    for (const view of ['?view=exact', '?view=published']) {
      const text = JSON.stringify((await dashboard(world.admin, view)).body);
      for (const user of [...civil, ...state, company, world.admin, world.editor]) {
        expect(text).not.toContain(user.id);
        expect(text).not.toContain(user.email);
        expect(text).not.toContain(user.name);
      }
    }
  });
});

describe.each(BACKENDS)('dashboard: suggested changes on %s', (backend) => {
  let testApp: TestApp;
  let world: ThreadWorld;

  beforeAll(async () => {
    testApp = await startTestApp(backend);
    world = await buildThreadWorld(testApp, { phase: 'open' });
    const { sql } = testApp.db;
    const id = world.consultation.id;
    await sql`UPDATE consultations SET k_threshold = 2 WHERE id = ${id}`;
    const civil = [world.reviewer, await buildUser(testApp)];
    await addMember(testApp, id, civil[1]!, 'reviewer', world.consultation.groups[CIVIL]!);
    const state = await buildUser(testApp);
    await addMember(testApp, id, state, 'reviewer', world.consultation.groups[STATE]!);
    // Civil: both members had one suggestion accepted and have one open; State one rejected;
    // Company one withdrawn. Label scopes as the rule gave them (k = 2): Civil and State named.
    let n = 0;
    const suggest = async (user: TestUser, groupName: string, outcome: string | null, scope = 'group') => {
      n += 1;
      await sql`
        INSERT INTO paper_suggestions (consultation_id, suggestion_id, author_id, group_id, attribution_mode,
          label_scope, section_id, question_id, outcome, decided_at)
        VALUES (${id}, ${`suggestion${String(n).padStart(13, '0')}`}, ${user.id},
          ${world.consultation.groups[groupName]!}, 'chatham', ${scope}, ${world.sectionId},
          ${groupName === CIVIL ? world.questionId : null}, ${outcome},
          ${outcome ? new Date() : null})`;
    };
    for (const user of civil) {
      await suggest(user, CIVIL, 'accepted');
      await suggest(user, CIVIL, null);
    }
    await suggest(state, STATE, 'rejected');
    await suggest(world.otherReviewer, COMPANY, 'withdrawn', 'pool');
  });
  afterAll(() => testApp.close());

  const read = async (user: TestUser, query = '') =>
    (await user.api.get(`${world.base}/dashboard${query}`)) as { status: number; body: DashboardData };
  const suggestions = (body: DashboardData, label: string) =>
    body.bySuggestionState.cells[body.rows.findIndex((r) => r.label === label)]!.map((f) => f.suggestions);

  it('counts suggestions by group and how they stand, exactly for admins', async () => {
    const { body } = await read(world.admin);
    expect(suggestions(body, CIVIL)).toEqual([2, 0, 0, 2]);
    expect(suggestions(body, STATE)).toEqual([0, 1, 0, 0]);
    expect(suggestions(body, COMPANY)).toEqual([0, 0, 1, 0]);
    expect(body.bySuggestionState.columnTotals.map((f) => f.suggestions)).toEqual([2, 1, 1, 2]);
    expect(body.bySuggestionState.grandTotal).toMatchObject({ suggestions: 6, participants: 4 });
    // They are input of their section, and their suggesters are active.
    const section = body.bySection.cells[body.rows.findIndex((r) => r.label === CIVIL)]![0]!;
    expect(section).toMatchObject({ suggestions: 4, participants: 2 });
    // Civil's authors tied theirs to question 1; the others' are on no question.
    expect(body.byQuestion.cells.map((cells) => cells[0]!.suggestions)).toEqual(
      body.rows.map((r) => (r.label === CIVIL ? 4 : 0)),
    );
    expect(body.participation.total.active).toBe(4);
    expect(body.gaps).not.toContainEqual(
      expect.objectContaining({ kind: 'noInput', rowKey: world.consultation.groups[CIVIL] }),
    );
  });

  it('publishes only the suggestion counts of cells of at least k people', async () => {
    const { body } = await read(world.editor);
    // Two Civil people in each of their cells: published whole.
    expect(suggestions(body, CIVIL)).toEqual([2, 0, 0, 2]);
    // One State person rejected, one Company person withdrew: left out of every figure.
    expect(body.bySuggestionState.columnTotals.map((f) => f.suggestions)).toEqual([
      2,
      { atLeast: 0 },
      { atLeast: 0 },
      2,
    ]);
    expect(body.bySuggestionState.grandTotal.suggestions).toEqual({ atLeast: 4 });
    const text = JSON.stringify(body);
    for (const user of [world.reviewer, world.otherReviewer]) {
      expect(text).not.toContain(user.id);
      expect(text).not.toContain(user.name);
    }
  });
});
