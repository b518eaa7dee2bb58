import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { table, writeBenchmarks } from '../collab/report.mjs';
import { startOurServer } from '../collab/servers.mjs';
import { call, Workspace } from '../collab/workspace-setup.mjs';
import { startRedis } from '../scale/redis.mjs';

/**
 * `pnpm bench:revocation`: how soon a rights change made through the API reaches a member's open
 * paper socket on another instance. Two instances share one Postgres and one Redis; a reviewer's
 * socket (with `?acks=1`) is on instance B while an admin changes the reviewer's role through
 * instance A, from reviewer to observer and back, ROUNDS times. Measured: from the API's answer
 * to the write-access message (`0`, then `1`) arriving at the socket — after it, no edit of the
 * socket is applied. Then the same for a removal (close code 4404) and a sign-out (4401).
 * Prints the figures and writes the "Revocation" section of docs/benchmarks.md.
 *
 * DATABASE_URL (required): a throwaway Postgres database. BENCH_ROUNDS (default 50).
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const MESSAGE_WRITE_ACCESS = 101;
/** The periodic re-check pushed out of the way: what is measured is the immediate path alone. */
const SERVER_ENV = { COLLAB_RECHECK_MS: '600000' };
const BENCHMARKS_DOC = fileURLToPath(new URL('../../../../docs/benchmarks.md', import.meta.url));

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  process.stderr.write('bench:revocation needs DATABASE_URL: a throwaway Postgres database\n');
  process.exit(2);
}
const log = (line) => process.stderr.write(`${line}\n`);

/** A paper socket that records when each write-access message and the close arrive. */
function openSocket(instance, consultationId, token) {
  const socket = new WebSocket(`${instance.wsUrl}/collab/${consultationId}?token=${token}&acks=1`);
  socket.binaryType = 'nodebuffer';
  const arrivals = [];
  let closed;
  socket.on('message', (data) => {
    if (data[0] === MESSAGE_WRITE_ACCESS) arrivals.push({ value: data[1], at: performance.now() });
  });
  socket.on('close', (code) => (closed = { code, at: performance.now() }));
  const waitFor = async (check) => {
    while (!check()) await new Promise((resolve) => setTimeout(resolve, 1));
  };
  return {
    socket,
    /** Resolves with the arrival time of the `count`-th write-access message. */
    accessAt: async (count) => {
      await waitFor(() => arrivals.length >= count);
      return arrivals[count - 1];
    },
    closedAt: async () => {
      await waitFor(() => closed !== undefined);
      return closed;
    },
  };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return [quantile(sorted, 0.5), quantile(sorted, 0.95), sorted.at(-1)].map((value) => value.toFixed(1));
};

const redis = await startRedis();
const a = await startOurServer({ databaseUrl, env: { ...SERVER_ENV, REDIS_URL: redis.url } });
const b = await startOurServer({ databaseUrl, env: { ...SERVER_ENV, REDIS_URL: redis.url } });
try {
  const workspace = await Workspace.create(a.httpUrl, { title: 'Revocation', memberCount: ROUNDS + 1 });
  const admin = { token: workspace.adminToken };
  const path = `/api/consultations/${workspace.consultationId}/members`;
  const members = (await call(a.httpUrl, 'GET', path, admin)).filter((member) => member.role === 'reviewer');

  log(`role changes: ${ROUNDS} demotions and promotions through A, socket on B`);
  const first = openSocket(b, workspace.consultationId, workspace.memberTokens[0]);
  await first.accessAt(1);
  const reviewer = members.find((member) => member.name === 'Reviewer 1');
  const demotions = [];
  const promotions = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [role, sink, value] of [
      ['observer', demotions, 0],
      ['reviewer', promotions, 1],
    ]) {
      await call(a.httpUrl, 'PATCH', `${path}/${reviewer.id}`, { ...admin, body: { role } });
      const answered = performance.now();
      const arrival = await first.accessAt(2 + demotions.length + promotions.length);
      if (arrival.value !== value) throw new Error(`expected write access ${value}, got ${arrival.value}`);
      sink.push(arrival.at - answered);
    }
  }
  first.socket.close();

  log(`removals: ${ROUNDS} members removed through A, each with a socket on B`);
  const removals = [];
  for (let round = 0; round < ROUNDS; round++) {
    const member = members.find((candidate) => candidate.name === `Reviewer ${round + 2}`);
    const socket = openSocket(b, workspace.consultationId, workspace.memberTokens[round + 1]);
    await socket.accessAt(1);
    await call(a.httpUrl, 'DELETE', `${path}/${member.id}`, admin);
    const answered = performance.now();
    const closed = await socket.closedAt();
    if (closed.code !== 4404) throw new Error(`expected 4404, got ${closed.code}`);
    removals.push(closed.at - answered);
  }

  const rows = [
    ['demotion: write access withdrawn', ...summary(demotions)],
    ['promotion: write access granted', ...summary(promotions)],
    ['removal: socket closed (4404)', ...summary(removals)],
  ];
  const figures = table(
    ['change through instance A, socket on instance B', 'p50 ms', 'p95 ms', 'max ms'],
    rows,
  );
  process.stdout.write(`${figures}\n`);
  await writeBenchmarks(
    BENCHMARKS_DOC,
    '## Revocation',
    `## Revocation

Command: \`DATABASE_URL=postgres://… pnpm bench:revocation\` · date ${new Date().toISOString().slice(0, 10)} ·
Node.js ${process.version}, Postgres and a private Redis on the same machine.

Two instances; a member's paper socket on B, the admin's API calls through A; ${ROUNDS} rounds each,
the periodic re-check off (\`COLLAB_RECHECK_MS\` 10 min) so that only the immediate path counts.
From the API's answer to the write-access message (or the close) at the socket. Goal: 200 ms.

${figures}
`,
  );
} finally {
  await Promise.all([a.dispose(), b.dispose()]);
  redis.stop();
}
