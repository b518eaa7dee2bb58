import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { GroupLabelsRepository } from '../../dist/modules/attribution/index.js';
import { InputFiguresRepository } from '../../dist/modules/statistics/index.js';
import { writeBenchmarks } from '../collab/report.mjs';
import { ADMIN, startOurServer } from '../collab/servers.mjs';
import { call } from '../collab/workspace-setup.mjs';
import { addMember, DEFAULT_VOLUME, seedConsultation } from './seed.mjs';

/**
 * `pnpm bench:dashboard`: seeds a consultation with 200 members and 100k comments on Postgres,
 * then times the dashboard (median and p95 over RUNS requests after WARM_UP) for each view and
 * filter — the whole endpoint, and its aggregate query alone. (Exports have their own benchmark,
 * `pnpm bench:exports`.) Prints the figures
 * and writes the "Input dashboard" section of docs/benchmarks.md.
 * DATABASE_URL (required): a throwaway Postgres database; the benchmark leaves its data there.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARM_UP = 3;
const GOAL_MS = 200;
const BENCHMARKS_DOC = fileURLToPath(new URL('../../../../docs/benchmarks.md', import.meta.url));

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  process.stderr.write('bench:dashboard needs DATABASE_URL: a throwaway Postgres database\n');
  process.exit(2);
}

const log = (line) => process.stderr.write(`${line}\n`);
const sorted = (values) => [...values].sort((a, b) => a - b);
const percentile = (values, p) => {
  const ordered = sorted(values);
  return ordered[Math.min(ordered.length - 1, Math.ceil((p / 100) * ordered.length) - 1)];
};
const ms = (value) => value.toFixed(value < 10 ? 2 : 0);

// Counts as numbers, as the server reads them.
const sql = postgres(databaseUrl, {
  onnotice: () => undefined,
  max: 2,
  types: { bigint: { to: 20, from: [20], serialize: String, parse: Number } },
});
const server = await startOurServer({ databaseUrl });
try {
  log(
    `seeding ${DEFAULT_VOLUME.members} members and ${DEFAULT_VOLUME.comments.toLocaleString('en-US')} comments…`,
  );
  const seedStart = performance.now();
  const seeded = await seedConsultation(sql, DEFAULT_VOLUME);
  await sql`ANALYZE`;
  log(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  await addMember(sql, seeded.consultationId, ADMIN.email, 'admin');

  const { token } = await call(server.httpUrl, 'POST', '/api/auth/login', { body: ADMIN });

  // The aggregate statement alone, through the server's own repositories on a connection of their own.
  const db = { sql };
  const figures = new InputFiguresRepository(db);
  const { k_threshold: k } = (
    await sql`SELECT k_threshold FROM consultations WHERE id = ${seeded.consultationId}`
  )[0];
  const labelScopes = await new GroupLabelsRepository(db).scopes(seeded.consultationId);
  const ids = async (table, sessionId) =>
    (
      await sql`SELECT id::text FROM ${sql(table)} WHERE consultation_id = ${seeded.consultationId}
        ${
          sessionId === null
            ? sql``
            : table === 'guiding_questions'
              ? sql`AND session_id = ${sessionId}`
              : sql`AND id IN (SELECT section_id FROM agenda_session_sections WHERE session_id = ${sessionId})`
        }`
    ).map((row) => row.id);
  /** The three tables as the dashboard asks for them. */
  const specs = async (sessionId) => [
    {
      name: 'question',
      row: 'row',
      column: 'question',
      columnKeys: await ids('guiding_questions', sessionId),
    },
    { name: 'section', row: 'row', column: 'section', columnKeys: await ids('sections', sessionId) },
    { name: 'day', row: 'row', column: 'day', inSessionOnly: sessionId !== null },
  ];
  const scope = {
    consultationId: seeded.consultationId,
    timezone: 'Europe/Zurich',
    disclosure: { k, labelScopes },
    phase: null,
    day: null,
    sessionId: null,
  };
  const dashboardQueries = [
    { name: 'exact (admin)', query: '', scope: { ...scope, disclosure: null } },
    { name: 'published (as editors get it)', query: '?view=published', scope },
    {
      name: 'phase = open, published',
      query: '?phase=open&view=published',
      scope: { ...scope, phase: 'open' },
    },
    {
      name: 'one agenda session, published',
      query: `?sessionId=${seeded.sessionId}&view=published`,
      scope: { ...scope, sessionId: seeded.sessionId },
    },
  ];
  const timeQuery = async (queryScope) => {
    const tables = await specs(queryScope.sessionId);
    const times = [];
    for (let run = 0; run < WARM_UP + RUNS; run++) {
      const started = performance.now();
      await figures.tables(queryScope, tables);
      if (run >= WARM_UP) times.push(performance.now() - started);
    }
    return times;
  };
  const loadBefore = loadavg()[0];
  const dashboardRows = [];
  for (const { name, query, scope: queryScope } of dashboardQueries) {
    const times = [];
    let bytes = 0;
    for (let run = 0; run < WARM_UP + RUNS; run++) {
      const started = performance.now();
      const response = await fetch(
        `${server.httpUrl}/api/consultations/${seeded.consultationId}/dashboard${query}`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      );
      const body = await response.text();
      const elapsed = performance.now() - started;
      if (response.status !== 200) throw new Error(`dashboard${query} → ${response.status} ${body}`);
      bytes = body.length;
      if (run >= WARM_UP) times.push(elapsed);
    }
    const queryTimes = await timeQuery(queryScope);
    const row = {
      name,
      median: percentile(times, 50),
      p95: percentile(times, 95),
      queryMedian: percentile(queryTimes, 50),
      queryP95: percentile(queryTimes, 95),
      bytes,
    };
    log(
      `${name}: endpoint median ${ms(row.median)} ms, p95 ${ms(row.p95)} ms; query median ${ms(row.queryMedian)} ms, p95 ${ms(row.queryP95)} ms; ${(bytes / 1024).toFixed(0)} KB`,
    );
    dashboardRows.push(row);
  }

  const loadAfter = loadavg()[0];

  const table = (header, rows) =>
    [
      `| ${header.join(' | ')} |`,
      `| ${header.map(() => '---').join(' | ')} |`,
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n');
  const section = `## Input dashboard (Postgres)

Command: \`DATABASE_URL=postgres://… pnpm bench:dashboard\` · date ${new Date().toISOString().slice(0, 10)} ·
machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 1024 ** 3)} GB RAM,
Node.js ${process.version}.

One consultation seeded straight into Postgres (\`bench/dashboard/seed.mjs\`):
${DEFAULT_VOLUME.members} members in 6 groups, ${seeded.comments.toLocaleString('en-US')} comments in
${DEFAULT_VOLUME.threads.toLocaleString('en-US')} threads on ${DEFAULT_VOLUME.questions} questions and
${DEFAULT_VOLUME.sections} sections over ${DEFAULT_VOLUME.days} days, ${DEFAULT_VOLUME.endorsedShare * 100} % of comments endorsed,
paper edits by every member, ${DEFAULT_VOLUME.invitations} invitations, a draft → open → closed history.
Endpoint: one \`GET /api/consultations/:id/dashboard\` from sending the request to the last byte of
the answer, on loopback, the server and Postgres on the same machine. Query: the aggregate statement
alone (\`InputFiguresRepository.tables\`, all three tables, every cell of the finest breakdown
checked against k for the published views). ${RUNS} runs of each after ${WARM_UP}
to warm up, one at a time. Goal: ${GOAL_MS} ms. Load average of the machine (1 min) while
measuring: ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${cpus().length} cores.${
    Math.max(loadBefore, loadAfter) > cpus().length
      ? `\nThe machine was busy with other work (load above its ${cpus().length} cores), so these figures are upper
bounds: a run on an idle machine is needed to judge the goal.`
      : ''
  }

${table(
  [
    'dashboard',
    'endpoint median ms',
    'endpoint p95 ms',
    'query median ms',
    'query p95 ms',
    'answer KB',
    `endpoint within ${GOAL_MS} ms (p95)`,
  ],
  dashboardRows.map((row) => [
    row.name,
    ms(row.median),
    ms(row.p95),
    ms(row.queryMedian),
    ms(row.queryP95),
    (row.bytes / 1024).toFixed(0),
    row.p95 <= GOAL_MS ? 'yes' : 'no',
  ]),
)}
`;
  process.stdout.write(`${section}\n`);
  await writeBenchmarks(BENCHMARKS_DOC, '## Input dashboard (Postgres)', section);
} finally {
  await server.dispose();
  await sql.end({ timeout: 5 });
}
