import { labelScopes } from '@cw/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSmallCellDisclosed,
  type KnownConsultation,
  type KnownInput,
  publishedFigures,
} from '../../test/disclosure-audit.js';
import { addMember, buildConsultation, buildUser, type TestUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';

const ACADEMIA = 'Academia / research';
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich' }).format(new Date());
const yesterday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich' }).format(new Date(Date.now() - 86_400_000));

/**
 * The attack from issue 15, with k = 5: a group of six, five of whom answer question 1 (in agenda
 * session 1) and one only question 2 (in no session) — one thread and three comments. With
 * suppression decided per table, the unfiltered row total minus a filtered view gave question 2
 * away; the same with the phase filter or the day filter as the second view.
 */
describe.each(BACKENDS)('differencing published figures on %s', (backend) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp(backend, { COMMENT_RATE_LIMIT: '1000' });
  });
  afterAll(() => testApp.close());

  describe.each(['session', 'phase', 'day'] as const)('told apart by %s', (variant) => {
    let viewer: TestUser;
    let base: string;
    let known: KnownConsultation;
    const inputs: KnownInput[] = [];
    let academia: string;
    let question2: string;

    beforeAll(async () => {
      const admin = await buildUser(testApp);
      const consultation = await buildConsultation(testApp, admin, {
        phase: variant === 'phase' ? 'draft' : 'open',
      });
      base = `/api/consultations/${consultation.id}`;
      academia = consultation.groups[ACADEMIA]!;
      viewer = await buildUser(testApp);
      await addMember(testApp, consultation.id, viewer, 'editor', consultation.groups['Other']!);
      const five = await Promise.all(Array.from({ length: 5 }, () => buildUser(testApp)));
      for (const user of five) await addMember(testApp, consultation.id, user, 'reviewer', academia);
      // The sixth is an editor, who may also give input while the consultation is a draft.
      const sixth = await buildUser(testApp);
      await addMember(testApp, consultation.id, sixth, 'editor', academia);

      const { sql } = testApp.db;
      const [session] = await sql<{ id: string }[]>`
        INSERT INTO agenda_sessions (consultation_id, title, starts_at, ends_at)
        VALUES (${consultation.id}, 'Session 1', now(), now() + interval '1 hour') RETURNING id`;
      const [q1] = await sql<{ id: string }[]>`
        INSERT INTO guiding_questions (consultation_id, number, text, session_id)
        VALUES (${consultation.id}, 1, 'In session 1', ${session!.id}) RETURNING id`;
      const [q2] = await sql<{ id: string }[]>`
        INSERT INTO guiding_questions (consultation_id, number, text)
        VALUES (${consultation.id}, 2, 'In no session') RETURNING id`;
      question2 = q2!.id;

      const post = async (user: TestUser, path: string, body: unknown) => {
        const response = await user.api.post(`${base}${path}`, body);
        expect(response.status, JSON.stringify(response.body)).toBe(201);
        return response.body as { id: string };
      };
      const answerQuestion2 = async () => {
        const thread = await post(sixth, '/threads', { questionId: question2, body: 'Only I answer this' });
        await post(sixth, `/threads/${thread.id}/comments`, { body: 'And add this' });
        await post(sixth, `/threads/${thread.id}/comments`, { body: 'And this' });
        return thread.id;
      };
      const answersOf = (phase: 'draft' | 'open' | null, day: string) => ({
        labelScope: 'group' as const,
        groupId: academia,
        section: null,
        day,
        phase,
        outcome: 'open',
        endorsements: 0,
        chars: 0,
      });

      if (variant === 'phase') {
        await answerQuestion2();
        expect((await admin.api.post(`${base}/phase`, { phase: 'open' })).status).toBe(200);
      }
      for (const user of five)
        await post(user, '/threads', { questionId: q1!.id, body: 'Answer to question 1' });
      if (variant !== 'phase') {
        const threadId = await answerQuestion2();
        if (variant === 'day') {
          await sql`UPDATE threads SET created_at = created_at - interval '1 day' WHERE id = ${threadId}`;
          await sql`UPDATE comments SET created_at = created_at - interval '1 day' WHERE thread_id = ${threadId}`;
        }
      }
      // The phase history starts when the consultation is created: input backdated before it
      // falls in no phase.
      const phaseOf = { session: 'open', phase: 'draft', day: null } as const;
      inputs.push(
        ...five.map((user) => ({
          ...answersOf('open', today()),
          userId: user.id,
          question: q1!.id,
          threads: 1,
          comments: 1,
        })),
        {
          ...answersOf(phaseOf[variant], variant === 'day' ? yesterday() : today()),
          userId: sixth.id,
          question: question2,
          threads: 1,
          comments: 3,
        },
      );
      const members = await sql<{ group_id: string; count: number }[]>`
        SELECT g.id AS group_id, count(m.id)::int AS count FROM stakeholder_groups g
        LEFT JOIN members m ON m.group_id = g.id WHERE g.consultation_id = ${consultation.id} GROUP BY g.id`;
      known = {
        k: 5,
        labelScopes: labelScopes(Object.fromEntries(members.map((row) => [row.group_id, row.count])), 5),
        questionSession: new Map([
          [q1!.id, session!.id],
          [question2, null],
        ]),
        sectionSessions: new Map(),
      };
    });

    it('publishes no figure, and no difference or combination of figures, that gives question 2 away', async () => {
      const { unfiltered, figures } = await publishedFigures(viewer, base, known);
      const row = unfiltered.rows.findIndex((candidate) => candidate.key === academia);
      expect(unfiltered.rows[row]!.label).toBe(ACADEMIA);
      // The row total no longer reads 6 threads, 8 comments, 6 people: question 2 is left out of it.
      expect(unfiltered.byQuestion.rowTotals[row]).toMatchObject({
        threads: { atLeast: 5 },
        comments: { atLeast: 5 },
        participants: { atLeast: 5 },
      });
      const q2 = unfiltered.questions.findIndex((question) => question.id === question2);
      expect(unfiltered.byQuestion.cells[row]![q2]).toMatchObject({
        threads: { atLeast: 0 },
        comments: { atLeast: 0 },
      });
      expect(figures.length).toBeGreaterThan(500);
      expectNoSmallCellDisclosed(figures, inputs, known);
    });
  });
});
