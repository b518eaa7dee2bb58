import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  buildConsultation,
  buildUser,
  type TestConsultation,
  type TestUser,
} from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';

describe.each(BACKENDS)('agenda sessions and guiding questions on %s', (backend) => {
  let testApp: TestApp;
  let admin: TestUser;
  let reviewer: TestUser;
  let stranger: TestUser;
  let consultation: TestConsultation;
  let sectionIds: string[];
  let base: string;

  const detail = async (id = consultation.id) => (await admin.api.get(`/api/consultations/${id}`)).body;

  beforeAll(async () => {
    testApp = await startTestApp(backend);
    [admin, reviewer, stranger] = (await Promise.all([
      buildUser(testApp),
      buildUser(testApp),
      buildUser(testApp),
    ])) as [TestUser, TestUser, TestUser];
  });
  afterAll(() => testApp.close());

  beforeEach(async () => {
    consultation = await buildConsultation(testApp, admin, { phase: 'open', timezone: 'Europe/Zurich' });
    await addMember(testApp, consultation.id, reviewer, 'reviewer', consultation.groups['Other']!);
    base = `/api/consultations/${consultation.id}`;
    sectionIds = [];
    for (const title of ['One', 'Two'])
      sectionIds.push((await admin.api.post(`${base}/sections`, { title })).body.id);
  });

  describe('sessions', () => {
    it('reads times in the consultation zone and orders sessions by start', async () => {
      const later = await admin.api.post(`${base}/sessions`, {
        title: 'Policy coherence',
        startsAt: '2026-01-20T17:20',
        endsAt: '2026-01-20T17:50',
        sectionIds: [sectionIds[1]],
      });
      expect(later.status).toBe(201);
      expect(later.body).toEqual({
        id: expect.any(String),
        kind: 'review',
        title: 'Policy coherence',
        description: '',
        speakers: [],
        startsAt: '2026-01-20T16:20:00.000Z',
        endsAt: '2026-01-20T16:50:00.000Z',
        sectionIds: [sectionIds[1]],
        position: 0,
      });
      const earlier = await admin.api.post(`${base}/sessions`, {
        title: 'Opening',
        description: 'Welcome',
        speakers: ['Chair'],
        startsAt: '2026-01-20T16:00',
        endsAt: '2026-01-20T16:10',
        sectionIds: [sectionIds[1], sectionIds[0], sectionIds[0]],
      });
      expect(earlier.body.position).toBe(0);
      expect(earlier.body.sectionIds).toEqual(sectionIds);
      expect((await detail()).sessions.map((session: { title: string }) => session.title)).toEqual([
        'Opening',
        'Policy coherence',
      ]);
    });

    it('replaces a session and deletes it, leaving its questions without a session', async () => {
      const created = (
        await admin.api.post(`${base}/sessions`, {
          title: 'Draft',
          startsAt: '2026-07-01T10:00',
          endsAt: '2026-07-01T11:00',
          sectionIds: [sectionIds[0]],
        })
      ).body;
      const replaced = await admin.api.put(`${base}/sessions/${created.id}`, {
        title: 'Final',
        startsAt: '2026-07-01T09:00',
        endsAt: '2026-07-01T09:30',
      });
      expect(replaced.status).toBe(200);
      expect(replaced.body).toMatchObject({
        id: created.id,
        title: 'Final',
        startsAt: '2026-07-01T07:00:00.000Z',
        sectionIds: [],
      });
      const question = (await admin.api.post(`${base}/questions`, { text: 'Q?', sessionId: created.id }))
        .body;
      expect((await admin.api.delete(`${base}/sessions/${created.id}`)).status).toBe(204);
      const after = await detail();
      expect(after.sessions).toEqual([]);
      expect(after.questions).toEqual([{ ...question, sessionId: null }]);
    });

    it('keeps programme items (dial-in, remarks, wrap-up) free of sections and guiding questions', async () => {
      const times = { startsAt: '2026-01-20T16:00', endsAt: '2026-01-20T16:10' };
      const opening = await admin.api.post(`${base}/sessions`, {
        kind: 'programme',
        title: 'Opening remarks',
        speakers: ['Chair', 'Host'],
        ...times,
      });
      expect(opening.status).toBe(201);
      expect(opening.body).toMatchObject({ kind: 'programme', speakers: ['Chair', 'Host'], sectionIds: [] });
      const withSections = await admin.api.post(`${base}/sessions`, {
        kind: 'programme',
        title: 'Wrap-up',
        ...times,
        sectionIds: [sectionIds[0]],
      });
      expect(withSections.status).toBe(400);
      expect(withSections.body.issues[0].path).toBe('body.sectionIds');
      const asked = await admin.api.post(`${base}/questions`, { text: 'Q?', sessionId: opening.body.id });
      expect(asked.status).toBe(400);
      expect(asked.body.issues[0].path).toBe('body.sessionId');

      const review = (await admin.api.post(`${base}/sessions`, { title: 'Review', ...times })).body;
      await admin.api.post(`${base}/questions`, { text: 'Q?', sessionId: review.id });
      const turned = await admin.api.put(`${base}/sessions/${review.id}`, {
        kind: 'programme',
        title: 'Review',
        ...times,
      });
      expect(turned.status).toBe(400);
      expect(turned.body.issues[0].path).toBe('body.kind');
      expect((await detail()).sessions.map((session: { kind: string }) => session.kind)).toEqual([
        'programme',
        'review',
      ]);
    });

    it('never links sections of another consultation and 404s its sessions', async () => {
      const other = await buildConsultation(testApp, admin, { phase: 'open' });
      const foreignSection = (await admin.api.post(`/api/consultations/${other.id}/sections`, { title: 'X' }))
        .body.id;
      const foreignSession = (
        await admin.api.post(`/api/consultations/${other.id}/sessions`, {
          title: 'Theirs',
          startsAt: '2026-01-20T10:00',
          endsAt: '2026-01-20T11:00',
        })
      ).body;
      const linked = await admin.api.post(`${base}/sessions`, {
        title: 'Mine',
        startsAt: '2026-01-20T10:00',
        endsAt: '2026-01-20T11:00',
        sectionIds: [sectionIds[0], foreignSection],
      });
      expect(linked.status).toBe(400);
      expect(linked.body.issues[0].path).toBe('body.sectionIds');
      const body = { title: 'Hijack', startsAt: '2026-01-20T10:00', endsAt: '2026-01-20T11:00' };
      expect((await admin.api.put(`${base}/sessions/${foreignSession.id}`, body)).status).toBe(404);
      expect((await admin.api.delete(`${base}/sessions/${foreignSession.id}`)).status).toBe(404);
      expect((await detail()).sessions).toEqual([]);
      expect((await detail(other.id)).sessions).toEqual([foreignSession]);
    });

    it.each([
      [{ title: 'T', startsAt: '2026-01-20T11:00', endsAt: '2026-01-20T10:00' }, 'body.endsAt'],
      [{ title: 'T', startsAt: '2026-01-20 10:00', endsAt: '2026-01-20T11:00' }, 'body.startsAt'],
      [{ title: 'T', startsAt: '2026-01-20T10:00', endsAt: '2026-01-20T11:00', room: 'A' }, 'body'],
      [
        { title: 'T', startsAt: '2026-01-20T10:00', endsAt: '2026-01-20T11:00', speakers: 'Chair' },
        'body.speakers',
      ],
      [
        { title: 'T', startsAt: '2026-01-20T10:00', endsAt: '2026-01-20T11:00', sectionIds: ['x'] },
        'body.sectionIds.0',
      ],
      [{ title: 'T\u0000', startsAt: '2026-01-20T10:00', endsAt: '2026-01-20T11:00' }, 'body.title'],
    ])('refuses %j with 400', async (body, path) => {
      const response = await admin.api.post(`${base}/sessions`, body);
      expect(response.status).toBe(400);
      expect(response.body.issues.map((issue: { path: string }) => issue.path)).toContain(path);
      expect((await detail()).sessions).toEqual([]);
    });
  });

  describe('questions', () => {
    it('numbers questions after the highest and orders them by number', async () => {
      const third = await admin.api.post(`${base}/questions`, { number: 3, text: 'Third?', sectionIds });
      expect(third.status).toBe(201);
      expect(third.body).toEqual({
        id: expect.any(String),
        number: 3,
        text: 'Third?',
        sectionIds,
        sessionId: null,
      });
      const next = await admin.api.post(`${base}/questions`, { text: 'Fourth?' });
      expect(next.body.number).toBe(4);
      await admin.api.post(`${base}/questions`, { number: 1, text: 'First?' });
      expect((await detail()).questions.map((question: { number: number }) => question.number)).toEqual([
        1, 3, 4,
      ]);
    });

    it('refuses a duplicate number with 409 CONFLICT, on create and on replace', async () => {
      const first = (await admin.api.post(`${base}/questions`, { text: 'One?' })).body;
      const second = (await admin.api.post(`${base}/questions`, { text: 'Two?' })).body;
      const duplicate = await admin.api.post(`${base}/questions`, { number: 1, text: 'Again?' });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe('CONFLICT');
      const clash = await admin.api.put(`${base}/questions/${second.id}`, { number: 1, text: 'Two?' });
      expect(clash.status).toBe(409);
      expect((await detail()).questions).toEqual([first, second]);
    });

    it('replaces text and links, keeping the number when none is given', async () => {
      const session = (
        await admin.api.post(`${base}/sessions`, {
          title: 'S',
          startsAt: '2026-01-20T10:00',
          endsAt: '2026-01-20T11:00',
        })
      ).body;
      const created = (await admin.api.post(`${base}/questions`, { number: 5, text: 'Draft?' })).body;
      const replaced = await admin.api.put(`${base}/questions/${created.id}`, {
        text: 'Final?',
        sectionIds: [sectionIds[1]],
        sessionId: session.id,
      });
      expect(replaced.status).toBe(200);
      expect(replaced.body).toEqual({
        id: created.id,
        number: 5,
        text: 'Final?',
        sectionIds: [sectionIds[1]],
        sessionId: session.id,
      });
      expect((await admin.api.delete(`${base}/questions/${created.id}`)).status).toBe(204);
      expect((await detail()).questions).toEqual([]);
    });

    it('never links to sections or sessions of another consultation and 404s its questions', async () => {
      const other = await buildConsultation(testApp, admin, { phase: 'open' });
      const otherBase = `/api/consultations/${other.id}`;
      const foreignSection = (await admin.api.post(`${otherBase}/sections`, { title: 'X' })).body.id;
      const foreignSession = (
        await admin.api.post(`${otherBase}/sessions`, {
          title: 'S',
          startsAt: '2026-01-20T10:00',
          endsAt: '2026-01-20T11:00',
        })
      ).body.id;
      const foreignQuestion = (await admin.api.post(`${otherBase}/questions`, { text: 'Theirs?' })).body;
      const badSection = await admin.api.post(`${base}/questions`, {
        text: 'Q?',
        sectionIds: [foreignSection],
      });
      expect(badSection.status).toBe(400);
      expect(badSection.body.issues[0].path).toBe('body.sectionIds');
      const badSession = await admin.api.post(`${base}/questions`, { text: 'Q?', sessionId: foreignSession });
      expect(badSession.status).toBe(400);
      expect(badSession.body.issues[0].path).toBe('body.sessionId');
      expect((await admin.api.put(`${base}/questions/${foreignQuestion.id}`, { text: 'Mine?' })).status).toBe(
        404,
      );
      expect((await admin.api.delete(`${base}/questions/${foreignQuestion.id}`)).status).toBe(404);
      expect((await detail()).questions).toEqual([]);
      expect((await detail(other.id)).questions).toEqual([foreignQuestion]);
    });

    it.each([
      [{ text: '' }, 'body.text'],
      [{ text: 'x'.repeat(3000) }, 'body.text'],
      [{ text: 'Q?', number: 0 }, 'body.number'],
      [{ text: 'Q?', number: '2' }, 'body.number'],
      [{ text: 'Q?', sessionId: 'x' }, 'body.sessionId'],
      [{ text: 'Q?', anonymous: true }, 'body'],
    ])('refuses %j with 400', async (body, path) => {
      const response = await admin.api.post(`${base}/questions`, body);
      expect(response.status).toBe(400);
      expect(response.body.issues.map((issue: { path: string }) => issue.path)).toContain(path);
      expect((await detail()).questions).toEqual([]);
    });
  });

  it('keeps the agenda to editors and admins: reviewers 403, non-members 404, published 409', async () => {
    const session = { title: 'S', startsAt: '2026-01-20T10:00', endsAt: '2026-01-20T11:00' };
    const created = (await admin.api.post(`${base}/sessions`, session)).body;
    const question = (await admin.api.post(`${base}/questions`, { text: 'Q?' })).body;
    const attempts = (user: TestUser) => [
      user.api.post(`${base}/sessions`, session),
      user.api.put(`${base}/sessions/${created.id}`, session),
      user.api.delete(`${base}/sessions/${created.id}`),
      user.api.post(`${base}/questions`, { text: 'Mine?' }),
      user.api.put(`${base}/questions/${question.id}`, { text: 'Mine?' }),
      user.api.delete(`${base}/questions/${question.id}`),
    ];
    for (const response of await Promise.all(attempts(reviewer))) expect(response.status).toBe(403);
    for (const response of await Promise.all(attempts(stranger))) expect(response.status).toBe(404);
    await testApp.db.sql`UPDATE consultations SET phase = 'published' WHERE id = ${consultation.id}`;
    for (const response of await Promise.all(attempts(admin))) {
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('PHASE_FORBIDS');
    }
    const after = await detail();
    expect(after.sessions).toEqual([created]);
    expect(after.questions).toEqual([question]);
  });
});
