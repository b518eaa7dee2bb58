import { randomBytes } from 'node:crypto';
import {
  LABEL_SCOPES,
  type LabelScope,
  labelScopes,
  type Phase,
  stricterScope,
  THREAD_OUTCOMES,
} from '@cw/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  expectNoSmallCellDisclosed,
  type KnownConsultation,
  type KnownInput,
  publishedFigures,
} from '../../test/disclosure-audit.js';
import { addMember, buildConsultation, buildUser, type TestUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';

const ZONE = 'Europe/Zurich';
const DAY_MS = 86_400_000;

/** A random consultation: groups and their sizes, sessions, questions, sections and input over three days. */
const consultations = fc.record({
  k: fc.integer({ min: 2, max: 4 }),
  groupSizes: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 4 }),
  sessions: fc.integer({ min: 1, max: 2 }),
  /** Each question's session (index), or none. */
  questions: fc.array(fc.option(fc.nat({ max: 1 }), { nil: null }), { minLength: 1, maxLength: 3 }),
  /** Each section's linked sessions. */
  sections: fc.array(fc.subarray([0, 1]), { minLength: 1, maxLength: 2 }),
  threads: fc.array(
    fc.record({
      /** Indexes into the members, the questions (null: general input) and the sections (null: none). */
      comments: fc.array(
        fc.record({ member: fc.nat(), day: fc.nat({ max: 2 }), hour: fc.nat({ max: 23 }) }),
        {
          minLength: 1,
          maxLength: 4,
        },
      ),
      question: fc.option(fc.nat(), { nil: null }),
      section: fc.option(fc.nat(), { nil: null }),
      outcome: fc.option(fc.constantFrom(...THREAD_OUTCOMES), { nil: null }),
      endorsements: fc.array(
        fc.record({ member: fc.nat(), day: fc.nat({ max: 2 }), hour: fc.nat({ max: 23 }) }),
        {
          maxLength: 3,
        },
      ),
    }),
    { minLength: 1, maxLength: 14 },
  ),
  edits: fc.array(
    fc.record({
      member: fc.nat(),
      section: fc.nat(),
      day: fc.nat({ max: 2 }),
      chars: fc.integer({ min: 1, max: 50 }),
    }),
    {
      maxLength: 4,
    },
  ),
  /** Some input is recorded with a less precise label than its group has now (made while it was smaller). */
  recordedScopes: fc.array(fc.constantFrom(...LABEL_SCOPES), { minLength: 8, maxLength: 8 }),
});
type Model = typeof consultations extends fc.Arbitrary<infer T> ? T : never;

/**
 * Whatever the consultation, no published figure — dashboard views unfiltered and by session,
 * phase, day and their combinations, and the summary notes unfiltered and by session — nor any
 * difference or combination of them gives away a cell drawn from fewer than k people. The input
 * is written straight into the database, at chosen times, so it spans days and phases.
 */
describe.each(BACKENDS)('published figures of random consultations on %s', (backend) => {
  let testApp: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp(backend);
    admin = await buildUser(testApp);
  });
  afterAll(() => testApp.close());

  /** Midnight UTC of `daysAgo` days before today. */
  const dayStart = (daysAgo: number) => {
    const now = new Date();
    return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysAgo * DAY_MS;
  };
  const zonedDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(at);
  // Phases change at noon UTC, far from any midnight, so a day's edits fall in one phase whatever the zone.
  const PHASE_CHANGES: Array<{ phase: Phase; at: Date }> = [
    { phase: 'draft', at: new Date(dayStart(3) + DAY_MS / 2) },
    { phase: 'open', at: new Date(dayStart(2) + DAY_MS / 2) },
    { phase: 'closed', at: new Date(dayStart(1) + DAY_MS / 2) },
  ];
  const phaseAt = (at: Date) => PHASE_CHANGES.filter((change) => change.at <= at).at(-1)?.phase ?? null;

  async function seed(model: Model) {
    const { sql } = testApp.db;
    const consultation = await buildConsultation(testApp, admin, { phase: 'closed' });
    const id = consultation.id;
    await sql`UPDATE consultations SET k_threshold = ${model.k} WHERE id = ${id}`;
    await sql`DELETE FROM consultation_phase_changes WHERE consultation_id = ${id}`;
    for (const change of PHASE_CHANGES)
      await sql`INSERT INTO consultation_phase_changes (consultation_id, phase, changed_at)
                VALUES (${id}, ${change.phase}, ${change.at})`;
    const viewer = await buildUser(testApp);
    await addMember(testApp, id, viewer, 'editor', consultation.groups['Other']!);

    const groupIds: string[] = [];
    const members: Array<{ userId: string; groupId: string }> = [];
    for (const [index, size] of model.groupSizes.entries()) {
      const [group] = await sql<{ id: string }[]>`
        INSERT INTO stakeholder_groups (consultation_id, name, position) VALUES (${id}, ${`Group ${index}`}, ${10 + index})
        RETURNING id`;
      groupIds.push(group!.id);
      for (let n = 0; n < size; n += 1) {
        const [user] = await sql<{ id: string }[]>`
          INSERT INTO users (email, name, password_hash)
          VALUES (${`p-${randomBytes(6).toString('hex')}@example.org`}, 'Participant', 'x') RETURNING id`;
        await sql`INSERT INTO members (consultation_id, user_id, role, group_id) VALUES (${id}, ${user!.id}, 'reviewer', ${group!.id})`;
        members.push({ userId: user!.id, groupId: group!.id });
      }
    }
    const sessionIds: string[] = [];
    for (let index = 0; index < model.sessions; index += 1) {
      const [session] = await sql<{ id: string }[]>`
        INSERT INTO agenda_sessions (consultation_id, title, starts_at, ends_at)
        VALUES (${id}, ${`Session ${index}`}, now(), now() + interval '1 hour') RETURNING id`;
      sessionIds.push(session!.id);
    }
    const sessionAt = (index: number | null) => (index === null ? null : (sessionIds[index] ?? null));
    const questionIds: string[] = [];
    for (const [index, session] of model.questions.entries()) {
      const [question] = await sql<{ id: string }[]>`
        INSERT INTO guiding_questions (consultation_id, number, text, session_id)
        VALUES (${id}, ${index + 1}, 'Question', ${sessionAt(session)}) RETURNING id`;
      questionIds.push(question!.id);
    }
    const sectionIds: string[] = [];
    const sectionSessions = new Map<string, string[]>();
    for (const [index, linked] of model.sections.entries()) {
      const [section] = await sql<{ id: string }[]>`
        INSERT INTO sections (consultation_id, number, title, position) VALUES (${id}, ${String(index + 1)}, 'Section', ${index})
        RETURNING id`;
      sectionIds.push(section!.id);
      const sessions = linked.flatMap((session) => (sessionAt(session) ? [sessionAt(session)!] : []));
      for (const session of sessions)
        await sql`INSERT INTO agenda_session_sections (session_id, section_id) VALUES (${session}, ${section!.id})`;
      sectionSessions.set(section!.id, sessions);
    }

    const counts = await sql<{ group_id: string; count: number }[]>`
      SELECT g.id AS group_id, count(m.id)::int AS count FROM stakeholder_groups g
      LEFT JOIN members m ON m.group_id = g.id WHERE g.consultation_id = ${id} GROUP BY g.id`;
    const scopes = labelScopes(Object.fromEntries(counts.map((row) => [row.group_id, row.count])), model.k);
    let recorded = 0;
    const scopeOf = (groupId: string): LabelScope =>
      stricterScope(scopes[groupId]!, model.recordedScopes[recorded++ % model.recordedScopes.length]!);
    const memberAt = (index: number) => members[index % members.length]!;
    const inputs: KnownInput[] = [];
    for (const thread of model.threads) {
      const question = thread.question === null ? null : questionIds[thread.question % questionIds.length]!;
      const section = thread.section === null ? null : sectionIds[thread.section % sectionIds.length]!;
      const outcome = thread.outcome ?? 'open';
      const [row] = await sql<{ id: string }[]>`
        INSERT INTO threads (consultation_id, question_id, section_id, anchor_start, anchor_end, quote)
        VALUES (${id}, ${question}, ${section}, ${section && Buffer.from([0])}, ${section && Buffer.from([0])},
                ${section && 'quoted'})
        RETURNING id`;
      const threadId = row!.id;
      const at = ({ day, hour }: { day: number; hour: number }) => new Date(dayStart(day) + hour * 3_600_000);
      // Oldest first and a second apart, so the thread's opener is the first comment.
      const comments = [...thread.comments]
        .sort((a, b) => at(a).getTime() - at(b).getTime())
        .map((comment, index) => ({ ...comment, at: new Date(at(comment).getTime() + index * 1000) }));
      const where = { question: question ?? 'general', section, outcome };
      for (const [index, comment] of comments.entries()) {
        const author = memberAt(comment.member);
        const labelScope = scopeOf(author.groupId);
        await sql`
          INSERT INTO comments (thread_id, author_id, author_role, author_group, label_scope, body, created_at)
          VALUES (${threadId}, ${author.userId}, 'reviewer', ${author.groupId}, ${labelScope}, 'Text', ${comment.at})`;
        inputs.push({
          ...where,
          userId: author.userId,
          groupId: author.groupId,
          labelScope,
          day: zonedDay(comment.at),
          phase: phaseAt(comment.at),
          threads: index === 0 ? 1 : 0,
          comments: 1,
          endorsements: 0,
          chars: 0,
        });
      }
      const opened = comments[0]!.at;
      await sql`UPDATE threads SET created_at = ${opened} WHERE id = ${threadId}`;
      if (thread.outcome) {
        const resolver = memberAt(0);
        await sql`
          UPDATE threads SET status = 'resolved', outcome = ${thread.outcome}, resolution_note = '',
            resolved_by = ${resolver.userId}, resolver_role = 'reviewer', resolver_group = ${resolver.groupId},
            resolved_at = now()
          WHERE id = ${threadId}`;
      }
      const [first] = await sql<{ id: string }[]>`
        SELECT id FROM comments WHERE thread_id = ${threadId} ORDER BY created_at, id LIMIT 1`;
      const endorsers = new Set<string>();
      for (const endorsement of thread.endorsements) {
        const endorser = memberAt(endorsement.member);
        if (endorsers.has(endorser.userId)) continue;
        endorsers.add(endorser.userId);
        const labelScope = scopeOf(endorser.groupId);
        // Nobody endorses a comment before it is posted.
        const endorsedAt = new Date(Math.max(at(endorsement).getTime(), opened.getTime() + 1000));
        await sql`
          INSERT INTO endorsements (comment_id, user_id, group_id, label_scope, created_at)
          VALUES (${first!.id}, ${endorser.userId}, ${endorser.groupId}, ${labelScope}, ${endorsedAt})`;
        inputs.push({
          ...where,
          userId: endorser.userId,
          groupId: endorser.groupId,
          labelScope,
          day: zonedDay(endorsedAt),
          phase: phaseAt(endorsedAt),
          threads: 0,
          comments: 0,
          endorsements: 1,
          chars: 0,
        });
      }
    }
    for (const edit of model.edits) {
      const editor = memberAt(edit.member);
      const section = sectionIds[edit.section % sectionIds.length]!;
      const day = new Date(dayStart(edit.day)).toISOString().slice(0, 10);
      await sql`
        INSERT INTO paper_contributions (consultation_id, user_id, group_id, section_id, day, chars_inserted)
        VALUES (${id}, ${editor.userId}, ${editor.groupId}, ${section}, ${day}, ${edit.chars})
        ON CONFLICT (consultation_id, user_id, group_id, section_id, day)
        DO UPDATE SET chars_inserted = paper_contributions.chars_inserted + EXCLUDED.chars_inserted`;
      inputs.push({
        userId: editor.userId,
        groupId: editor.groupId,
        // Edits carry no label scope of their own: their group's scope now decides.
        labelScope: 'group',
        question: null,
        section,
        day,
        phase: phaseAt(new Date(dayStart(edit.day) + DAY_MS)),
        outcome: null,
        threads: 0,
        comments: 0,
        endorsements: 0,
        chars: edit.chars,
      });
    }
    const known: KnownConsultation = {
      k: model.k,
      labelScopes: scopes,
      questionSession: new Map(
        questionIds.map((question, index) => [question, sessionAt(model.questions[index]!)]),
      ),
      sectionSessions,
    };
    return { viewer, base: `/api/consultations/${id}`, known, inputs };
  }

  it('never gives away a cell below k, in any view or any difference of views', async () => {
    await fc.assert(
      fc.asyncProperty(consultations, async (model) => {
        const { viewer, base, known, inputs } = await seed(model);
        const { figures } = await publishedFigures(viewer, base, known);
        expectNoSmallCellDisclosed(figures, inputs, known);
      }),
      { numRuns: 12 },
    );
    // Twelve consultations seeded and audited through every view: minutes on a busy machine.
  }, 600_000);
});
