import { createHash } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { table, writeBenchmarks } from '../collab/report.mjs';
import { runScenario } from '../collab/scenario.mjs';
import { startOurServer } from '../collab/servers.mjs';
import { Workspace } from '../collab/workspace-setup.mjs';
import { limitCpu } from './cpu-limit.mjs';
import { startRedis } from './redis.mjs';

/**
 * `pnpm bench:scale`: the same load on one instance, then on two instances sharing one Postgres
 * and one Redis — 500 clients on 50 papers (10 per paper, all typing) — in two placements:
 * "by paper", every socket of a paper on the instance the consultation id hashes to (what the
 * proxy in infra/Caddyfile does), and "spread", each paper's clients alternating between the
 * instances (a proxy that balances connections alone), so every edit also crosses through Redis.
 * A ladder of typing rates finds how much each setting carries at a given propagation p99.
 * Prints the figures and writes the "Scale-out" section of docs/benchmarks.md.
 *
 * DATABASE_URL (required): a throwaway Postgres database. A private redis-server is started on a
 * free port. BENCH_RATES: edits per second per client, comma-separated (default 1,2,4,6,8);
 * BENCH_TYPING_SECONDS: typing window of each step (default 12, the first 2 s a warm-up left out
 * of the latencies); BENCH_P99_MS: the p99 at which the settings are compared (default 250);
 * BENCH_GENERATOR_THREADS: load generator threads (default 2); BENCH_INSTANCE_CPU: caps every
 * instance at this many cores (e.g. 0.5), so that on a machine with few cores a second instance
 * adds capacity as a second machine would, and the generator and the database keep the rest
 * (needs permission to create cgroups).
 */
const PAPERS = 50;
const CLIENTS_PER_PAPER = 10;
const RATES = (process.env.BENCH_RATES ?? '1,2,4,6,8').split(',').map(Number);
const TYPING_SECONDS = Number(process.env.BENCH_TYPING_SECONDS ?? 12);
/** The first seconds of each step (papers just loaded) are typed but not in the latencies. */
const WARMUP_SECONDS = 2;
const P99_BOUND_MS = Number(process.env.BENCH_P99_MS ?? 250);
const GENERATOR_THREADS = Number(process.env.BENCH_GENERATOR_THREADS ?? 2);
const INSTANCE_CPU = process.env.BENCH_INSTANCE_CPU ? Number(process.env.BENCH_INSTANCE_CPU) : undefined;
const SETUP_CONCURRENCY = 5;
/** Papers unload this long after their last client left (COLLAB_UNLOAD_DELAY_MS, 5 s), with margin. */
const UNLOAD_WAIT_MS = 7_000;
/** Setup signs in once per paper from one address; the limit guards people, not load. */
const SERVER_ENV = { LOGIN_RATE_LIMIT: '10000' };
const BENCHMARKS_DOC = fileURLToPath(new URL('../../../../docs/benchmarks.md', import.meta.url));

/** Where client i of a paper connects, as an instance index. */
const PLACEMENTS = {
  /** Rendezvous hashing of the consultation id, as a proxy hashing it picks an instance. */
  'by paper': (consultationId, _client, count) => {
    let best = 0;
    let bestScore = -1;
    for (let instance = 0; instance < count; instance++) {
      const score = createHash('sha256').update(`${instance}:${consultationId}`).digest().readUInt32BE(0);
      if (score > bestScore) [best, bestScore] = [instance, score];
    }
    return best;
  },
  spread: (_consultationId, client, count) => client % count,
};

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  process.stderr.write(
    'bench:scale needs DATABASE_URL: a throwaway Postgres database both instances share\n',
  );
  process.exit(2);
}
const log = (line) => process.stderr.write(`${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (value) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 1 : 0) : '–');
const int = (value) => Math.round(value).toLocaleString('en-US');
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
const percent = (share) => `${(share * 100).toFixed(0)} %`;

async function createWorkspaces(baseUrl) {
  const workspaces = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: SETUP_CONCURRENCY }, async () => {
      while (next < PAPERS) {
        const index = next++;
        workspaces[index] = await Workspace.create(baseUrl, {
          title: `Scale ${index + 1}`,
          memberCount: CLIENTS_PER_PAPER,
        });
      }
    }),
  );
  return workspaces;
}

/** One step of the ladder: every paper gets a fresh section; `placement` puts each client on an instance. */
async function runStep(instances, workspaces, rate, placement = PLACEMENTS.spread) {
  const papers = await Promise.all(
    workspaces.map(async (workspace) => {
      const sectionId = await workspace.addSection(`${instances.length} instance(s), ${rate}/s`);
      const serverOf = workspace.memberTokens.map((_, i) =>
        placement(workspace.consultationId, i, instances.length),
      );
      return {
        sectionId,
        typists: CLIENTS_PER_PAPER,
        serverOf,
        urls: workspace.memberTokens.map(
          (token, i) =>
            `${instances[serverOf[i]].wsUrl}/collab/${workspace.consultationId}?token=${token}&acks=1`,
        ),
      };
    }),
  );
  return runScenario(instances, {
    papers,
    editsPerSecond: rate,
    typingSeconds: TYPING_SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    generatorThreads: GENERATOR_THREADS,
  });
}

function ladderRows(setting, steps) {
  return steps.map(({ rate, result }) => [
    setting,
    String(rate),
    int(result.edits / TYPING_SECONDS),
    int(result.deliveredPerSecond),
    ms(result.p50),
    ms(result.p99),
    result.perServer.length === 1 ? '–' : `${ms(result.crossP50)} / ${ms(result.crossP99)}`,
    int(result.lost),
    ms(result.storedP99),
    result.perServer.map((server) => percent(server.cpuShare)).join(' + '),
    result.perServer.map((server) => mb(server.peakRss)).join(' + '),
    percent(result.generatorLoad),
  ]);
}

/** Highest delivered messages/s among the steps whose p99 stays within the bound (0 when none does). */
function capacity(steps) {
  const within = steps.filter(({ result }) => result.p99 <= P99_BOUND_MS && result.lost === 0);
  return Math.max(0, ...within.map(({ result }) => result.deliveredPerSecond));
}

/** Other work on the machine skews every figure; the 1-minute load average says how much there was. */
const loadAtStart = loadavg()[0];
const redis = await startRedis();
const single = await startOurServer({ databaseUrl, env: SERVER_ENV });
const pair = [];
for (let i = 0; i < 2; i++)
  pair.push(await startOurServer({ databaseUrl, env: { ...SERVER_ENV, REDIS_URL: redis.url } }));
const started = [single, ...pair];
const cpuLimits = INSTANCE_CPU ? started.map((server) => limitCpu(server.pid, INSTANCE_CPU)) : [];
const SETTINGS = [
  { name: 'one', instances: [single] },
  { name: 'two, by paper', instances: pair, placement: PLACEMENTS['by paper'] },
  { name: 'two, spread', instances: pair, placement: PLACEMENTS.spread },
];
let report;
let papersPerInstance;
try {
  log(`Setting up ${PAPERS} papers with ${CLIENTS_PER_PAPER} members each…`);
  const workspaces = await createWorkspaces(single.httpUrl);
  papersPerInstance = pair.map(
    (_, instance) =>
      workspaces.filter(
        (workspace) => PLACEMENTS['by paper'](workspace.consultationId, 0, pair.length) === instance,
      ).length,
  );
  const steps = new Map(SETTINGS.map((setting) => [setting.name, []]));
  // Settings alternate at each rate, so all meet the same background load on the machine;
  // between steps the papers unload (the lone instance hears nothing of the pair's edits, and
  // must not keep a stale copy).
  for (const rate of RATES) {
    for (const setting of SETTINGS) {
      log(`${setting.name}: ${rate} edits/s per client…`);
      steps.get(setting.name).push({
        rate,
        result: await runStep(setting.instances, workspaces, rate, setting.placement),
      });
      await sleep(UNLOAD_WAIT_MS);
    }
  }
  report = { steps, capacity: new Map([...steps].map(([name, ladder]) => [name, capacity(ladder)])) };
} finally {
  for (const server of started) await server.dispose();
  for (const removeLimit of cpuLimits) removeLimit();
  redis.stop();
}

const header = [
  'setting',
  'edits/s per client',
  'edits/s',
  'messages/s delivered',
  'p50 ms',
  'p99 ms',
  'across instances p50 / p99 ms',
  'lost',
  'stored p99 ms',
  'CPU per instance',
  'peak RSS MB per instance',
  'load generator busy',
];
const ladder = table(
  header,
  SETTINGS.flatMap((setting) => ladderRows(setting.name, report.steps.get(setting.name))),
);
const one = report.capacity.get('one');
const verdict =
  one > 0
    ? `At p99 ≤ ${P99_BOUND_MS} ms with nothing lost, one instance carried ${int(one)} messages/s; ` +
      SETTINGS.slice(1)
        .map(({ name }) => {
          const carried = report.capacity.get(name);
          return `two instances ${name.replace('two, ', '')} carried ${int(carried)} (${(carried / one).toFixed(2)}×)`;
        })
        .join(', ') +
      '. The goal is 1.6×.'
    : `No step on one instance stayed within p99 ≤ ${P99_BOUND_MS} ms with nothing lost.`;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;

const section = `## Scale-out (two instances, Postgres + Redis)

\`DATABASE_URL=<throwaway database> ${INSTANCE_CPU ? `BENCH_INSTANCE_CPU=${INSTANCE_CPU} ` : ''}pnpm bench:scale\` · date ${new Date().toISOString().slice(0, 10)} · ${TYPING_SECONDS} s of typing per step (latencies from the last ${TYPING_SECONDS - WARMUP_SECONDS} s). ${PAPERS} papers × ${CLIENTS_PER_PAPER}
clients, every client typing at the given rate with "stored" acknowledgements, from ${GENERATOR_THREADS} load generator threads.
${INSTANCE_CPU ? `Every instance is capped at ${INSTANCE_CPU} of a core (a cgroup CPU quota: \`BENCH_INSTANCE_CPU=${INSTANCE_CPU}\`), so that the second instance adds as much CPU as the first, as a second machine would, while the generator, Postgres and Redis share the rest.` : 'Instances are not capped: on a machine with few cores the second instance competes with the first, the generator and the database for the same cores.'}
"one": one instance without \`REDIS_URL\`. "two, by paper": two instances sharing Redis, every socket of
a paper on the instance its consultation id hashes to, as infra/Caddyfile routes them
(${papersPerInstance.join(' and ')} papers). "two, spread": each paper's clients alternate between the two instances, so
every edit reaches half its readers through Redis. The settings take turns at each rate. Messages/s counts edits
delivered to other clients (each edit is owed to the 9 other clients of its paper). The load generator, both
instances, Postgres and Redis share one machine: ${machine}; load average ${loadAtStart.toFixed(1)} when the run started.

${ladder}

${verdict}
`;
process.stdout.write(`${section}\n`);
await writeBenchmarks(BENCHMARKS_DOC, '## Scale-out (two instances, Postgres + Redis)', section);
