import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { rssBytes } from '../collab/process-stats.mjs';
import { loadConfig } from '../../dist/config/config.js';
import { startApp } from '../../dist/bootstrap.js';
import { ADMIN, startOurServer } from '../collab/servers.mjs';
import { call } from '../collab/workspace-setup.mjs';

/**
 * `pnpm bench:exports`: the export time of each format for a consultation with 200 members and
 * 100,000 comments on real Postgres, with the server's peak memory and how long it took to answer
 * a health check meanwhile (does an export hold up the event loop?).
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names a server where
 * the bench creates a throwaway database and drops it afterwards. BENCH_COMMENTS and
 * BENCH_RUNS change the volume and the number of timed runs per format; BENCH_FORMATS picks
 * formats (comma-separated).
 *
 * RSS counts garbage not yet collected, so the CSV is also streamed once from a server started
 * inside this process, with a forced collection every 25 chunks read: the live heap shows
 * whether the export holds data in proportion to its size (run with --expose-gc).
 */
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MEMBERS = 200;
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 100_000);
const COMMENTS_PER_THREAD = 5;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FORMATS = (process.env.BENCH_FORMATS ?? 'input-csv,summary-markdown,summary-docx').split(',');
const SAMPLE_MS = 50;

const log = (line) => process.stderr.write(`${line}\n`);
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];

/** Members, agenda, questions, threads and comments, written in a few set-based statements. */
async function seed(sql, consultationId) {
  const threads = Math.ceil(COMMENTS / COMMENTS_PER_THREAD);
  await sql`
    INSERT INTO users (email, name, password_hash)
    SELECT 'bench-member-' || i || '@example.org', 'Bench Member ' || i, 'not-a-hash'
    FROM generate_series(1, ${MEMBERS}) i`;
  await sql`
    INSERT INTO members (consultation_id, user_id, role, group_id)
    SELECT ${consultationId}, u.id, 'reviewer', g.id
    FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users WHERE email LIKE 'bench-member-%') u
    JOIN (SELECT id, row_number() OVER (ORDER BY position) - 1 AS k, count(*) OVER () AS groups
          FROM stakeholder_groups WHERE consultation_id = ${consultationId}) g ON g.k = u.n % g.groups`;
  await sql`
    INSERT INTO sections (consultation_id, number, title, position)
    SELECT ${consultationId}, i::text, 'Section ' || i, i FROM generate_series(1, 10) i`;
  await sql`
    INSERT INTO agenda_sessions (consultation_id, title, starts_at, ends_at)
    SELECT ${consultationId}, 'Session ' || i, now() + (i || ' hours')::interval, now() + (i || ' hours 50 minutes')::interval
    FROM generate_series(1, 4) i`;
  await sql`
    INSERT INTO guiding_questions (consultation_id, number, text, session_id)
    SELECT ${consultationId}, i, 'Guiding question ' || i || ': what should change in this part of the paper?',
           (SELECT id FROM agenda_sessions WHERE consultation_id = ${consultationId}
            ORDER BY starts_at OFFSET (i - 1) / 3 LIMIT 1)
    FROM generate_series(1, 14) i`;
  await sql`
    INSERT INTO threads (consultation_id, question_id, section_id, anchor_start, anchor_end, quote,
                         status, outcome, resolution_note, resolved_by, resolver_role, resolved_at, created_at)
    SELECT ${consultationId},
           (SELECT id FROM guiding_questions WHERE consultation_id = ${consultationId} AND number = 1 + i % 15),
           CASE WHEN i % 2 = 0 THEN s.id END,
           CASE WHEN i % 2 = 0 THEN '\\x00'::bytea END, CASE WHEN i % 2 = 0 THEN '\\x00'::bytea END,
           CASE WHEN i % 2 = 0 THEN 'the passage quoted by thread ' || i END,
           CASE WHEN i % 3 = 0 THEN 'resolved' ELSE 'open' END,
           CASE WHEN i % 3 = 0 THEN (ARRAY['accepted','partly_accepted','not_accepted','no_change_needed'])[1 + i % 4] END,
           CASE WHEN i % 3 = 0 THEN 'Resolution note of thread ' || i END,
           CASE WHEN i % 3 = 0 THEN (SELECT created_by FROM consultations WHERE id = ${consultationId}) END,
           CASE WHEN i % 3 = 0 THEN 'admin' END,
           CASE WHEN i % 3 = 0 THEN now() END,
           now() - ((${threads} - i) || ' minutes')::interval
    FROM generate_series(1, ${threads}) i
    JOIN (SELECT id, row_number() OVER (ORDER BY position) - 1 AS k FROM sections
          WHERE consultation_id = ${consultationId}) s ON s.k = i % 10`;
  await sql`
    INSERT INTO comments (thread_id, author_id, author_role, author_group, body, created_at)
    SELECT t.id, m.user_id, 'reviewer', m.group_id,
           'Comment ' || t.n || '.' || c || ': ' || repeat('the State duty to protect, smart mix, remedy; ', 4),
           t.created_at + (c || ' minutes')::interval
    FROM (SELECT id, created_at, row_number() OVER (ORDER BY created_at) AS n FROM threads
          WHERE consultation_id = ${consultationId}) t
    CROSS JOIN generate_series(0, ${COMMENTS_PER_THREAD - 1}) c
    JOIN (SELECT user_id, group_id, row_number() OVER (ORDER BY user_id) - 1 AS k FROM members
          WHERE consultation_id = ${consultationId} AND role = 'reviewer') m
      ON m.k = (t.n * ${COMMENTS_PER_THREAD} + c) % ${MEMBERS}
    LIMIT ${COMMENTS}`;
  await sql`ANALYZE`;
}

/**
 * One export: time to the first byte and to the last, bytes, and meanwhile the server's peak RSS
 * and the slowest answer to a health check sent every SAMPLE_MS.
 */
async function measure(server, token, path) {
  const baseline = rssBytes(server.pid);
  let peakRss = baseline;
  let slowestHealthMs = 0;
  let isRunning = true;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssBytes(server.pid))), SAMPLE_MS);
  const prober = (async () => {
    while (isRunning) {
      const started = performance.now();
      await fetch(`${server.httpUrl}/api/health`).then((response) => response.arrayBuffer());
      slowestHealthMs = Math.max(slowestHealthMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  })();
  const started = performance.now();
  const response = await fetch(`${server.httpUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${path} → ${response.status} ${await response.text()}`);
  const firstByteMs = performance.now() - started;
  let bytes = 0;
  for await (const chunk of response.body) bytes += chunk.byteLength;
  const totalMs = performance.now() - started;
  isRunning = false;
  clearInterval(sampler);
  await prober;
  return { firstByteMs, totalMs, bytes, baseline, peakRss, slowestHealthMs };
}

/** Live heap (after a forced collection) while a server in this process streams the CSV. */
async function csvLiveHeap(databaseUrl, consultationId) {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    DEMO_MODE: 'false',
    WEB_DIST: '',
    PASSWORD_HASH_MEMORY_KIB: '1024',
    LOG_LEVEL: 'silent',
  });
  const { app, url } = await startApp(config);
  try {
    const heapMib = () => {
      globalThis.gc();
      return process.memoryUsage().heapUsed / 1024 / 1024;
    };
    const { token } = await call(url, 'POST', '/api/auth/login', { body: ADMIN });
    const idle = heapMib();
    const response = await fetch(`${url}/api/consultations/${consultationId}/exports/input-csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    let peak = idle;
    let chunks = 0;
    for await (const _chunk of response.body) {
      chunks += 1;
      if (chunks % 25 === 0) peak = Math.max(peak, heapMib());
    }
    return { idle, peak, chunks };
  } finally {
    await app.close();
  }
}

const databaseName = `cw_bench_exports_${randomBytes(4).toString('hex')}`;
const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => undefined });
await admin.unsafe(`CREATE DATABASE ${databaseName}`);
const databaseUrl = new URL(ADMIN_URL);
databaseUrl.pathname = `/${databaseName}`;
const sql = postgres(databaseUrl.toString(), { max: 1, onnotice: () => undefined });
let server = await startOurServer({ databaseUrl: databaseUrl.toString() });
try {
  const login = () => call(server.httpUrl, 'POST', '/api/auth/login', { body: ADMIN });
  const consultation = await call(server.httpUrl, 'POST', '/api/consultations', {
    token: (await login()).token,
    body: { title: 'Export benchmark' },
  });
  log(`seeding ${MEMBERS} members and ${COMMENTS.toLocaleString('en-US')} comments…`);
  const seedStarted = performance.now();
  await seed(sql, consultation.id);
  log(`seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

  const rows = [];
  for (const format of FORMATS) {
    // A fresh server per format, so its memory figures are its own.
    await server.dispose();
    server = await startOurServer({ databaseUrl: databaseUrl.toString() });
    const { token } = await login();
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) {
      log(`${format}: run ${run + 1}/${RUNS}…`);
      runs.push(await measure(server, token, `/api/consultations/${consultation.id}/exports/${format}`));
    }
    const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
    rows.push(
      `| ${format} | ${seconds(median(runs.map((r) => r.totalMs)))} | ${seconds(median(runs.map((r) => r.firstByteMs)))} ` +
        `| ${mib(runs[0].bytes)} | ${mib(runs[0].baseline)} → ${mib(Math.max(...runs.map((r) => r.peakRss)))} ` +
        `| ${Math.round(Math.max(...runs.map((r) => r.slowestHealthMs)))} ms |`,
    );
  }
  console.log(
    [
      `Exports of ${COMMENTS.toLocaleString('en-US')} comments by ${MEMBERS} members on Postgres, median of ${RUNS} runs`,
      '',
      '| format | total | first byte | size | server RSS at start → peak over the runs | slowest health check meanwhile |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
    ].join('\n'),
  );
  if (FORMATS.includes('input-csv') && typeof globalThis.gc === 'function') {
    log('input-csv: live heap…');
    const heap = await csvLiveHeap(databaseUrl.toString(), consultation.id);
    console.log(
      `\nCSV, live heap of a server in this process: ${heap.idle.toFixed(1)} MiB idle, ` +
        `at most ${heap.peak.toFixed(1)} MiB over ${heap.chunks.toLocaleString('en-US')} chunks read`,
    );
  }
} finally {
  await sql.end();
  await server.dispose();
  await admin.unsafe(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  await admin.end();
}
