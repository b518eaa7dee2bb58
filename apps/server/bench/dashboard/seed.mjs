import { randomBytes } from 'node:crypto';
import { DEFAULT_STAKEHOLDER_GROUPS } from '@cw/shared';

/** The volume `pnpm bench:dashboard` measures at (issue 5): 200 members, 100k comments. */
export const DEFAULT_VOLUME = {
  members: 200,
  comments: 100_000,
  threads: 2_000,
  questions: 8,
  sections: 12,
  sessions: 4,
  /** Days the input is spread over; the first 2 are drafting, the last 5 after closing. */
  days: 30,
  /** Share of comments with one endorsement, and with a second. */
  endorsedShare: 0.3,
  twiceEndorsedShare: 0.1,
  /** Share of comments deleted (tombstones). */
  deletedShare: 0.02,
  /** Sections each member edits, on every other day. */
  sectionsEditedPerMember: 3,
  invitations: 250,
};

/**
 * Seeds one consultation straight into the database with set-based SQL (generate_series), for
 * benchmarks of reads over a large consultation: members spread over the six default groups,
 * threads on guiding questions and passages, comments, endorsements, paper edits, invitations
 * and a phase history (draft → open → closed). Returns the ids a benchmark needs. `sql` is a
 * postgres.js client on a database the server has migrated. Reusable by any read benchmark
 * (dashboard, exports).
 */
export async function seedConsultation(sql, volume = DEFAULT_VOLUME) {
  const tag = randomBytes(4).toString('hex');
  const start = new Date(Date.now() - volume.days * 86_400_000);
  const day = (n) => new Date(start.getTime() + n * 86_400_000);
  return sql.begin(async (tx) => {
    const [consultation] = await tx`
      INSERT INTO consultations (title, timezone, phase, created_at)
      VALUES (${`Benchmark consultation ${tag}`}, 'Europe/Zurich', 'closed', ${start})
      RETURNING id`;
    const id = consultation.id;
    // The history as it would have been recorded: drafting, the open round, then closed.
    await tx`DELETE FROM consultation_phase_changes WHERE consultation_id = ${id}`;
    await tx`
      INSERT INTO consultation_phase_changes (consultation_id, phase, changed_at)
      VALUES (${id}, 'draft', ${start}), (${id}, 'open', ${day(2)}),
             (${id}, 'closed', ${day(volume.days - 5)})`;
    await tx`
      INSERT INTO stakeholder_groups (consultation_id, name, position)
      SELECT ${id}, name, position - 1 FROM unnest(${[...DEFAULT_STAKEHOLDER_GROUPS]}::text[]) WITH ORDINALITY AS g (name, position)`;
    await tx`
      INSERT INTO users (email, name, password_hash)
      SELECT 'bench-' || ${tag} || '-' || i || '@example.org', 'Bench member ' || i, 'not-a-hash'
      FROM generate_series(1, ${volume.members}) AS i`;
    // Members cycle through the groups; every twentieth is an editor.
    await tx`
      INSERT INTO members (consultation_id, user_id, role, group_id, joined_at)
      SELECT ${id}, u.id, CASE WHEN n % 20 = 0 THEN 'editor' ELSE 'reviewer' END, g.id, ${start}
      FROM (SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM users
            WHERE email LIKE ${`bench-${tag}-%`}) u
      JOIN stakeholder_groups g ON g.consultation_id = ${id} AND g.position = u.n % ${DEFAULT_STAKEHOLDER_GROUPS.length}`;
    await tx`
      INSERT INTO sections (consultation_id, number, title, position)
      SELECT ${id}, i::text, 'Section ' || i, i - 1 FROM generate_series(1, ${volume.sections}) AS i`;
    await tx`
      INSERT INTO agenda_sessions (consultation_id, title, starts_at, ends_at)
      SELECT ${id}, 'Session ' || i, ${day(3)}::timestamptz + i * interval '2 hours',
             ${day(3)}::timestamptz + i * interval '2 hours' + interval '90 minutes'
      FROM generate_series(1, ${volume.sessions}) AS i`;
    await tx`
      INSERT INTO guiding_questions (consultation_id, number, text, session_id)
      SELECT ${id}, i, 'Guiding question ' || i,
        (SELECT s.id FROM agenda_sessions s WHERE s.consultation_id = ${id}
         ORDER BY s.starts_at OFFSET (i - 1) % ${volume.sessions} LIMIT 1)
      FROM generate_series(1, ${volume.questions}) AS i`;
    // Each question covers two neighbouring sections; each session its questions' sections.
    await tx`
      INSERT INTO guiding_question_sections (question_id, section_id)
      SELECT q.id, s.id FROM guiding_questions q JOIN sections s ON s.consultation_id = q.consultation_id
      WHERE q.consultation_id = ${id} AND s.position IN ((q.number - 1) % ${volume.sections}, q.number % ${volume.sections})`;
    await tx`
      INSERT INTO agenda_session_sections (session_id, section_id)
      SELECT DISTINCT q.session_id, l.section_id
      FROM guiding_questions q JOIN guiding_question_sections l ON l.question_id = q.id
      WHERE q.consultation_id = ${id}`;
    // Threads: nine in ten answer a question, half sit on a passage; opened over the round.
    await tx`
      INSERT INTO threads (consultation_id, question_id, section_id, anchor_start, anchor_end, quote, created_at)
      SELECT ${id},
        CASE WHEN i % 10 = 0 THEN NULL ELSE
          (SELECT q.id FROM guiding_questions q WHERE q.consultation_id = ${id} AND q.number = i % ${volume.questions} + 1) END,
        CASE WHEN i % 2 = 0 THEN
          (SELECT s.id FROM sections s WHERE s.consultation_id = ${id} AND s.position = i % ${volume.sections}) END,
        CASE WHEN i % 2 = 0 THEN '\\x0102'::bytea END, CASE WHEN i % 2 = 0 THEN '\\x0304'::bytea END,
        CASE WHEN i % 2 = 0 THEN 'quoted passage' END,
        ${start}::timestamptz + (i::float / ${volume.threads}) * ${volume.days - 1} * interval '1 day'
      FROM generate_series(0, ${volume.threads - 1}) AS i`;
    // Comments cycle over threads and members; each thread's later comments follow its first.
    await tx`
      WITH m AS (
        SELECT user_id, group_id, role, row_number() OVER (ORDER BY user_id) - 1 AS n
        FROM members WHERE consultation_id = ${id}
      ), t AS (
        SELECT id, created_at, row_number() OVER (ORDER BY created_at, id) - 1 AS n
        FROM threads WHERE consultation_id = ${id}
      )
      INSERT INTO comments (thread_id, author_id, author_role, author_group, body, created_at, deleted_at)
      SELECT t.id, m.user_id, m.role, m.group_id,
        CASE WHEN random() < ${volume.deletedShare} THEN '' ELSE 'Benchmark comment ' || g END,
        t.created_at + (g / ${volume.threads}) * interval '3 minutes', NULL
      FROM generate_series(0, ${volume.comments - 1}) AS g
      JOIN t ON t.n = g % ${volume.threads}
      JOIN m ON m.n = (g * 7 + g / ${volume.threads}) % ${volume.members}`;
    await tx`
      UPDATE comments c SET deleted_at = c.created_at + interval '1 hour'
      FROM threads t WHERE t.id = c.thread_id AND t.consultation_id = ${id} AND c.body = ''`;
    await tx`
      WITH m AS (
        SELECT user_id, group_id, row_number() OVER (ORDER BY user_id) - 1 AS n
        FROM members WHERE consultation_id = ${id}
      ), c AS (
        SELECT c.id, c.created_at, row_number() OVER (ORDER BY c.id) - 1 AS n
        FROM comments c JOIN threads t ON t.id = c.thread_id
        WHERE t.consultation_id = ${id} AND c.deleted_at IS NULL
      )
      INSERT INTO endorsements (comment_id, user_id, group_id, created_at)
      SELECT c.id, m.user_id, m.group_id, c.created_at + interval '1 hour'
      FROM c JOIN generate_series(1, 2) AS k ON k = 1 OR c.n % 100 < ${volume.twiceEndorsedShare * 100}
      JOIN m ON m.n = (c.n * 13 + k * 29) % ${volume.members}
      WHERE c.n % 100 < ${volume.endorsedShare * 100}
      ON CONFLICT DO NOTHING`;
    await tx`
      WITH m AS (
        SELECT user_id, group_id, row_number() OVER (ORDER BY user_id) - 1 AS n
        FROM members WHERE consultation_id = ${id}
      )
      INSERT INTO paper_contributions (consultation_id, user_id, group_id, section_id, day, chars_inserted, chars_deleted)
      SELECT ${id}, m.user_id, m.group_id, s.id, (${start}::timestamptz + d * interval '1 day')::date,
        20 + (m.n * 31 + d) % 400, (m.n * 17 + d) % 90
      FROM m
      JOIN sections s ON s.consultation_id = ${id}
        AND (s.position - m.n) % ${volume.sections} BETWEEN 0 AND ${volume.sectionsEditedPerMember - 1}
      JOIN generate_series(2, ${volume.days - 5}, 2) AS d ON true`;
    await tx`
      INSERT INTO invitations (consultation_id, token_hash, role, group_id, expires_at, used_at, revoked_at)
      SELECT ${id}, decode(md5(random()::text) || md5(random()::text), 'hex'), 'reviewer', g.id, ${day(volume.days + 7)},
        CASE WHEN i % 5 <> 0 THEN ${day(1)}::timestamptz END,
        CASE WHEN i % 25 = 0 THEN ${day(1)}::timestamptz END
      FROM generate_series(1, ${volume.invitations}) AS i
      JOIN stakeholder_groups g ON g.consultation_id = ${id} AND g.position = i % ${DEFAULT_STAKEHOLDER_GROUPS.length}`;
    const [{ count }] = await tx`
      SELECT count(*)::int AS count FROM comments c JOIN threads t ON t.id = c.thread_id
      WHERE t.consultation_id = ${id}`;
    const [session] = await tx`
      SELECT id FROM agenda_sessions WHERE consultation_id = ${id} ORDER BY starts_at LIMIT 1`;
    return { consultationId: id, comments: count, sessionId: session.id };
  });
}

/** Makes an existing user (the benchmark's signed-in organiser) a member of the consultation. */
export async function addMember(sql, consultationId, email, role) {
  await sql`
    INSERT INTO members (consultation_id, user_id, role, group_id)
    SELECT ${consultationId}, u.id, ${role}, g.id FROM users u
    JOIN stakeholder_groups g ON g.consultation_id = ${consultationId} AND g.name = 'International organisation'
    WHERE u.email = ${email}`;
}
