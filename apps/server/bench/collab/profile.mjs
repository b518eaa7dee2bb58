import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { selfTime } from './cpu-profile.mjs';
import { writeBenchmarks } from './report.mjs';
import { runScenario } from './scenario.mjs';
import { cpuProfileFlags, startOurServer, startReferenceServer } from './servers.mjs';
import { Workspace } from './workspace-setup.mjs';

/**
 * `pnpm bench:collab:profile`: both servers under `node --cpu-prof` through the 10- and 50-typist
 * scenarios of `pnpm bench:collab`, then the self time of each function within the typing
 * windows only. Writes the "where the CPU goes" section of docs/benchmarks.md. BENCH_CPU_PROFILE
 * keeps the .cpuprofile files in that directory (open them in Chrome DevTools); DATABASE_URL as
 * for the benchmark.
 */
const TYPING_SECONDS = Number(process.env.BENCH_TYPING_SECONDS ?? 15);
const SCENARIOS = [
  { name: '10 typing', typists: 10 },
  { name: '50 typing', typists: 50 },
];
const TOP_FUNCTIONS = 12;
const TOP_ORIGINS = 8;
const BENCHMARKS_DOC = fileURLToPath(new URL('../../../../docs/benchmarks.md', import.meta.url));

const log = (line) => process.stderr.write(`${line}\n`);
const databaseUrl = process.env.DATABASE_URL;
const backend = databaseUrl ? 'Postgres' : 'embedded PGlite';
const keptDir = process.env.BENCH_CPU_PROFILE;
const dir = keptDir ?? (await mkdtemp(join(tmpdir(), 'cw-profile-')));

const ours = await startOurServer({ databaseUrl, nodeFlags: cpuProfileFlags(dir, 'ours') });
const reference = await startReferenceServer({ nodeFlags: cpuProfileFlags(dir, 'reference') });
const windows = [];
try {
  const members = Math.max(...SCENARIOS.map((scenario) => scenario.typists));
  log(`Setting up ${members} members on our server…`);
  const workspace = await Workspace.create(ours.httpUrl, { title: 'Profile', memberCount: members });
  for (const [index, scenario] of SCENARIOS.entries()) {
    const sectionId = await workspace.addSection(`Profile ${index + 1}`);
    const common = { typists: scenario.typists, sectionId, editsPerSecond: 2, typingSeconds: TYPING_SECONDS };
    log(`${scenario.name}: ours…`);
    const ourRun = await runScenario(ours, {
      ...common,
      urls: workspace.memberTokens
        .slice(0, scenario.typists)
        .map((token) => `${ours.wsUrl}/collab/${workspace.consultationId}?token=${token}&acks=1`),
    });
    log(`${scenario.name}: reference…`);
    const referenceRun = await runScenario(reference, {
      ...common,
      urls: Array.from(
        { length: scenario.typists },
        () => `${reference.wsUrl}/collab/${workspace.consultationId}`,
      ),
    });
    windows.push({ scenario, ours: ourRun, reference: referenceRun });
  }
} finally {
  await ours.stopProfiled();
  await reference.stopProfiled();
  await ours.dispose();
  await reference.dispose();
}

const ms = (micros) => (micros / 1000).toFixed(0);
const share = (part, whole) => `${((part / whole) * 100).toFixed(1)} %`;
const table = (header, rows) =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

function summary(server, run) {
  const profile = selfTime(join(dir, `${server}.cpuprofile`), run.typingWindow);
  if (profile.sampledMicros < profile.windowMicros / 2)
    throw new Error(
      `${server}: the profile does not cover the typing window (${JSON.stringify(profile.profileSpan)})`,
    );
  return profile;
}

const parts = [];
for (const { scenario, ours: ourRun, reference: referenceRun } of windows) {
  const profiles = { ours: summary('ours', ourRun), reference: summary('reference', referenceRun) };
  const seconds = profiles.ours.windowMicros / 1e6;
  parts.push(`### ${scenario.name}

Main thread busy during the ${seconds.toFixed(0)} s typing window: ours ${ms(profiles.ours.busyMicros)} ms
(${share(profiles.ours.busyMicros, profiles.ours.windowMicros)} of the window; process CPU ${(ourRun.cpuShare * 100).toFixed(0)} %),
reference ${ms(profiles.reference.busyMicros)} ms (${share(profiles.reference.busyMicros, profiles.reference.windowMicros)}; process CPU ${(referenceRun.cpuShare * 100).toFixed(0)} %).

${table(
  ['where (self time)', 'ours ms', 'ours share', 'reference ms', 'reference share'],
  [...new Set([...profiles.ours.origins, ...profiles.reference.origins].map((o) => o.name))]
    .map((name) => ({
      name,
      ours: profiles.ours.origins.find((o) => o.name === name)?.micros ?? 0,
      reference: profiles.reference.origins.find((o) => o.name === name)?.micros ?? 0,
    }))
    .sort((a, b) => b.ours + b.reference - (a.ours + a.reference))
    .slice(0, TOP_ORIGINS)
    .map((o) => [
      o.name,
      ms(o.ours),
      share(o.ours, profiles.ours.busyMicros),
      ms(o.reference),
      share(o.reference, profiles.reference.busyMicros),
    ]),
)}

Ours, top ${TOP_FUNCTIONS} functions by self time:

${table(
  ['function', 'ms', 'share of busy'],
  profiles.ours.functions
    .slice(0, TOP_FUNCTIONS)
    .map((f) => [`\`${f.name}\``, ms(f.micros), share(f.micros, profiles.ours.busyMicros)]),
)}

Reference, top ${TOP_FUNCTIONS / 2}:

${table(
  ['function', 'ms', 'share of busy'],
  profiles.reference.functions
    .slice(0, TOP_FUNCTIONS / 2)
    .map((f) => [`\`${f.name}\``, ms(f.micros), share(f.micros, profiles.reference.busyMicros)]),
)}`);
}

const heading = `## Collaboration: where the CPU goes (${backend})`;
const section = `${heading}

Command: \`${databaseUrl ? 'DATABASE_URL=postgres://… ' : ''}pnpm bench:collab:profile\` · date ${new Date().toISOString().slice(0, 10)}.
Both servers run under \`node --cpu-prof\` (V8's sampling profiler, one sample per ms on the
main thread; worker threads and the libuv pool are not sampled) through the same 10- and
50-typist scenarios as above, typists only. Only samples inside the typing windows count. Self
time: samples whose innermost frame is that function; "(garbage collector)" and "(program)"
(V8 and native code outside any JavaScript function) are V8's own. The profiler costs some CPU,
so these runs are for the shape, not for the figures above.

${parts.join('\n\n')}
`;
process.stdout.write(`${section}\n`);
await writeBenchmarks(BENCHMARKS_DOC, heading, section);
if (!keptDir) await rm(dir, { recursive: true, force: true });
log('Written to docs/benchmarks.md');
