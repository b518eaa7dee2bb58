import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../dist/config/config.js';
import { buildLargePaper } from './large-paper.mjs';
import { measureJoin, slowJoin, uploadPaper } from './late-join.mjs';
import { PaperClient } from './paper-client.mjs';
import { rssBytes } from './process-stats.mjs';
import {
  idleMemoryTable,
  lateJoinTable,
  memoryTable,
  scenarioTable,
  slowClientTable,
  suggestionTable,
  snapshotBoundTable,
  storageTable,
  walTable,
  writeBenchmarks,
} from './report.mjs';
import { runScenario } from './scenario.mjs';
import { INSPECT_FLAG } from './heap-probe.mjs';
import { startOurServer, startReferenceServer } from './servers.mjs';
import { readStorage, WalProbe } from './storage.mjs';
import { Workspace } from './workspace-setup.mjs';

/**
 * `pnpm bench:collab`: our server against the stock y-websocket server under the same simulated
 * clients. Prints the figures and writes the "Collaboration" section of docs/benchmarks.md.
 * DATABASE_URL runs ours on that Postgres instead of embedded PGlite (a throwaway database: the
 * bench adds the pg_walinspect extension to it to read what each scenario wrote);
 * BENCH_TYPING_SECONDS shortens the typing window of every scenario (default 15 s);
 * BENCH_SATURATION_RATES: edits/s per typist of the saturation steps (default 2,4,8).
 */
const TYPING_SECONDS = Number(process.env.BENCH_TYPING_SECONDS ?? 15);
const EDITS_PER_SECOND = 2;
const SATURATION_RATES = (process.env.BENCH_SATURATION_RATES ?? '2,4,8').split(',').map(Number);
const SCENARIOS = [
  { name: '10 typing', clients: 10, typists: 10 },
  { name: '50 typing', clients: 50, typists: 50 },
  { name: '200, 20 typing', clients: 200, typists: 20 },
  { name: '500, 20 typing', clients: 500, typists: 20 },
  // Saturation: the rate climbs until a server falls behind; two client threads, so the
  // generator is not the first to give out.
  ...SATURATION_RATES.map((rate) => ({
    name: `200 typing, ${rate}/s (saturation)`,
    clients: 200,
    typists: 200,
    editsPerSecond: rate,
    generatorThreads: 2,
  })),
];
const MAX_CLIENTS = Math.max(...SCENARIOS.map((scenario) => scenario.clients));
/** Typing suggestions where reviewers may only suggest: ours checks each update before applying it. */
const SUGGESTION_SCENARIOS = [
  { name: '10 suggesting', clients: 10, typists: 10, editing: '10 typing' },
  { name: '50 suggesting', clients: 50, typists: 50, editing: '50 typing' },
];
const COLD_JOINS = 3;
const HOT_JOINS = 5;
const SLOW_CLIENT_MS = 20_000;
const IDLE_AFTER_LEAVING_MS = 10_000;
/** A second look at memory, to tell memory kept for good from memory not yet given back. */
const LONG_IDLE_MS = 40_000;
/** Ours unloads a paper this long after its last client left, then flushes and compacts it. */
const { unloadDelayMs, compactAfter, compactMinBytes } = loadConfig({}).collab;
const UNLOAD_WAIT_MS = unloadDelayMs + 3_000;
const BENCHMARKS_DOC = fileURLToPath(new URL('../../../../docs/benchmarks.md', import.meta.url));

const log = (line) => process.stderr.write(`${line}\n`);
const int = (value) => Math.round(value).toLocaleString('en-US');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const databaseUrl = process.env.DATABASE_URL;
const backend = databaseUrl ? 'Postgres' : 'embedded PGlite';

const ours = await startOurServer({ databaseUrl, nodeFlags: [INSPECT_FLAG] });
// PGlite's one connection belongs to the server, so what it writes is only read after it stopped.
const walProbe = databaseUrl ? await WalProbe.open(databaseUrl) : undefined;

/** Runs a scenario on ours; on Postgres, with what the database wrote meanwhile. */
async function onOurs(options) {
  const before = await walProbe?.mark();
  const result = await runScenario(ours, options);
  if (walProbe) result.written = await walProbe.between(before, await walProbe.mark());
  return result;
}
const reference = await startReferenceServer({ nodeFlags: [INSPECT_FLAG] });
const ourUrl = (consultationId, token, acks = false) =>
  `${ours.wsUrl}/collab/${consultationId}?token=${token}${acks ? '&acks=1' : ''}`;

async function runBoth(workspace, scenario, index) {
  const sectionId = await workspace.addSection(`Scenario ${index + 1}`);
  const common = {
    typists: scenario.typists,
    sectionId,
    editsPerSecond: scenario.editsPerSecond ?? EDITS_PER_SECOND,
    typingSeconds: TYPING_SECONDS,
    generatorThreads: scenario.generatorThreads ?? 1,
  };
  log(`${scenario.name}: ours…`);
  const ourResult = await onOurs({
    ...common,
    // Typists ask for "stored" acknowledgements, as the web client does.
    urls: workspace.memberTokens
      .slice(0, scenario.clients)
      .map((token, i) => ourUrl(workspace.consultationId, token, i < scenario.typists)),
  });
  log(`${scenario.name}: reference…`);
  const referenceResult = await runScenario(reference, {
    ...common,
    urls: Array.from(
      { length: scenario.clients },
      () => `${reference.wsUrl}/collab/${workspace.consultationId}`,
    ),
  });
  return { scenario, ours: ourResult, reference: referenceResult };
}

/** Adds `count` empty paragraphs to a section as the workspace's admin, and waits until they are stored. */
async function seedParagraphs(workspace, sectionId, count) {
  const seeder = new PaperClient({
    url: ourUrl(workspace.consultationId, workspace.adminToken, true),
    index: 0,
    typist: true,
    onUpdate: () => undefined,
  });
  await seeder.synced;
  for (let i = 0; i < count; i++) seeder.startParagraph(sectionId);
  while (seeder.unstoredCount > 0) await sleep(50);
  seeder.close();
}

async function suggestingOnOurs(workspace, scenario, index) {
  const sectionId = await workspace.addSection(`Suggestions ${index + 1}`);
  await seedParagraphs(workspace, sectionId, scenario.typists);
  log(`${scenario.name}: ours…`);
  const result = await onOurs({
    typists: scenario.typists,
    sectionId,
    editsPerSecond: EDITS_PER_SECOND,
    typingSeconds: TYPING_SECONDS,
    suggest: true,
    urls: workspace.memberTokens
      .slice(0, scenario.clients)
      .map((token, i) => ourUrl(workspace.consultationId, token, i < scenario.typists)),
  });
  return { scenario, result };
}

async function lateJoinOnOurs(workspace, sectionId, paper) {
  const [uploader, joiner] = workspace.memberTokens;
  const joinUrl = ourUrl(workspace.consultationId, joiner);
  (
    await uploadPaper(ourUrl(workspace.consultationId, uploader, true), paper.uploads, { waitStored: true })
  ).close();
  const cold = [];
  for (let i = 0; i < COLD_JOINS; i++) {
    await sleep(UNLOAD_WAIT_MS);
    log(`late join: ours cold ${i + 1}/${COLD_JOINS}…`);
    cold.push(await measureJoin(joinUrl, sectionId));
  }
  const holder = new PaperClient({ url: joinUrl, index: 0, typist: false, onUpdate: () => undefined });
  await holder.synced;
  const hot = [];
  for (let i = 0; i < HOT_JOINS; i++) hot.push(await measureJoin(joinUrl, sectionId));
  log('slow client: ours…');
  const slow = await slowJoin({
    serverPort: ours.port,
    wsPath: '/collab',
    room: workspace.consultationId,
    params: { token: joiner },
    typistUrl: ourUrl(workspace.consultationId, uploader),
    sectionId,
    observeMs: SLOW_CLIENT_MS,
  });
  holder.close();
  return { cold, hot, slow };
}

async function lateJoinOnReference(room, sectionId, paper) {
  const url = `${reference.wsUrl}/collab/${room}`;
  const holder = await uploadPaper(url, paper.uploads, { waitStored: false });
  log('late join: reference hot…');
  const hot = [];
  for (let i = 0; i < HOT_JOINS; i++) hot.push(await measureJoin(url, sectionId));
  log('slow client: reference…');
  const slow = await slowJoin({
    serverPort: reference.port,
    wsPath: '/collab',
    room,
    params: {},
    typistUrl: url,
    sectionId,
    observeMs: SLOW_CLIENT_MS,
  });
  holder.close();
  return { hot, slow };
}

let report;
try {
  log(`Setting up ${MAX_CLIENTS} members on our server…`);
  const workspace = await Workspace.create(ours.httpUrl, { title: 'Benchmark', memberCount: MAX_CLIENTS });
  const lateWorkspace = await Workspace.create(ours.httpUrl, { title: 'Late join', memberCount: 2 });
  const lateSectionId = await lateWorkspace.addSection('A long paper');
  log('Building the 100k-operation paper…');
  const paper = buildLargePaper(lateSectionId);
  const baseline = { ours: rssBytes(ours.pid), reference: rssBytes(reference.pid) };
  const baselineHeap = { ours: await ours.heapUsedAfterGc(), reference: await reference.heapUsedAfterGc() };

  const results = [];
  for (const [index, scenario] of SCENARIOS.entries())
    results.push(await runBoth(workspace, scenario, index));
  const suggestWorkspace = await Workspace.create(ours.httpUrl, {
    title: 'Suggestions',
    memberCount: Math.max(...SUGGESTION_SCENARIOS.map((scenario) => scenario.clients)),
    textChanges: 'suggest',
  });
  const suggesting = [];
  for (const [index, scenario] of SUGGESTION_SCENARIOS.entries())
    suggesting.push(await suggestingOnOurs(suggestWorkspace, scenario, index));

  const ourLateJoin = await lateJoinOnOurs(lateWorkspace, lateSectionId, paper);
  const referenceLateJoin = await lateJoinOnReference('late-join', lateSectionId, paper);

  log('Waiting with no clients connected…');
  await sleep(IDLE_AFTER_LEAVING_MS);
  const afterShortIdle = { ours: rssBytes(ours.pid), reference: rssBytes(reference.pid) };
  await sleep(LONG_IDLE_MS - IDLE_AFTER_LEAVING_MS);
  // RSS first: the collection behind the heap reading may give memory back.
  const afterLongIdle = { ours: rssBytes(ours.pid), reference: rssBytes(reference.pid) };
  const afterLongHeap = { ours: await ours.heapUsedAfterGc(), reference: await reference.heapUsedAfterGc() };
  const memory = Object.fromEntries(
    ['ours', 'reference'].map((server) => [
      server,
      {
        baseline: baseline[server],
        peak: Math.max(...results.map((result) => result[server].peakRss)),
        after: afterShortIdle[server],
        afterLong: afterLongIdle[server],
        heapBaseline: baselineHeap[server],
        heapAfterLong: afterLongHeap[server],
      },
    ]),
  );

  log('Storage: 10 typists on ours, then stop it and read the database…');
  const storageSection = await workspace.addSection('Storage');
  const storageRun = await onOurs({
    typists: 10,
    sectionId: storageSection,
    editsPerSecond: EDITS_PER_SECOND,
    typingSeconds: TYPING_SECONDS,
    urls: workspace.memberTokens.slice(0, 10).map((token) => ourUrl(workspace.consultationId, token, true)),
  });
  // Stopped before the paper unloads, so the log still holds these edits (SIGTERM stores pending ones).
  await ours.stop();
  const storage = await readStorage({ databaseUrl, dataDir: ours.dataDir }, workspace.consultationId, [
    workspace.consultationId,
    lateWorkspace.consultationId,
  ]);

  report = {
    results,
    suggesting,
    memory,
    lateJoin: {
      textLength: paper.textLength,
      size: paper.size,
      ours: ourLateJoin,
      reference: referenceLateJoin,
    },
    storage: { ...storage, edits: storageRun.edits, written: storageRun.written },
    papers: [
      { label: 'benchmark paper', consultationId: workspace.consultationId },
      { label: '1 MB paper', consultationId: lateWorkspace.consultationId },
    ],
  };
} finally {
  await walProbe?.close();
  await ours.dispose();
  await reference.dispose();
}

const cpu = cpus();
const heading = `## Collaboration (${backend})`;
const storageSection = walProbe
  ? `Storage (ours): what the database wrote, read from its write-ahead log with \`pg_walinspect\`
between two points of each typing window (only this database's records, each counted once with
any full-page image it carries; commit records of its transactions included). Edits stored:
update ids handed out. Compaction: the log is merged into one snapshot once its bytes reach the
snapshot's size, at least ${compactMinBytes / 1024} KiB (\`COLLAB_COMPACT_MIN_BYTES\`), or once it holds
${int(compactAfter)} rows (\`COLLAB_COMPACT_AFTER\`).

Between compactions: ${report.storage.edits} edits by 10 typists into a fresh section of the benchmark
paper. The figure the goal names is in bold: the update log's heap and index records (one
heap insert per edit, grouped per flush, and one index entry). The rows read back after the server
stopped give the same figure from the tuples themselves.

${storageTable(report.storage)}

Including snapshot rewrites, over every typing window above (the benchmark paper; the totals
row is the amortised cost per edit):

${walTable(report.results)}`
  : `Storage (ours): ${report.storage.edits} edits by 10 typists, read from the database after the
server stopped (PGlite's one connection belongs to the server, so its write-ahead log is not
read during the run). Compaction: the log is merged into one snapshot once its bytes reach the
snapshot's size, at least ${compactMinBytes / 1024} KiB (\`COLLAB_COMPACT_MIN_BYTES\`), or once it holds
${int(compactAfter)} rows (\`COLLAB_COMPACT_AFTER\`).

${storageTable(report.storage)}

Snapshot rewrites are not measured here; the policy bounds them (an upper bound, not a
measurement):

${snapshotBoundTable(report.storage, compactMinBytes, report.papers)}`;
const section = `${heading}

Command: \`${databaseUrl ? 'DATABASE_URL=postgres://… ' : ''}pnpm bench:collab\` (our server on ${backend}) ·
date ${new Date().toISOString().slice(0, 10)} · machine: ${cpu.length} cores (${cpu[0]?.model.trim()}),
${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node.js ${process.version}.

Our server (\`node apps/server/dist/main.js\`: sessions checked on every socket, write rights per
message, every edit stored with group commit) against the stock \`@y/websocket-server\` 0.1.1
(in memory, no authentication, its own \`ws\` 6). Both run as child processes on 127.0.0.1;
the simulated clients run in a worker thread of the benchmark process and speak the
y-websocket protocol with \`ws\` (the saturation steps: two worker threads). Typists type ${EDITS_PER_SECOND} edits/s each (the saturation steps: the rate named) for ${TYPING_SECONDS} s
into their own paragraph of a fresh section, each edit followed by an awareness cursor update.
Latency: from the send of an edit to its arrival at every other client (each edit carries a
unique token in its text). Typists do not apply the others' edits to their own document (each
types into its own paragraph), so the generator's time goes to the wire. Deliveries/s: edit
arrivals at clients per second. Lost: arrivals still missing when the scenario ended (at most
10 s after typing stopped, or once nothing arrived for 1.5 s), so a backlog that large counts.
Server CPU: user + system time of the server process over the typing window, as a share of one
core. ${
  databaseUrl
    ? 'Postgres runs as its own processes on the same machine; its CPU and memory are not in these figures.'
    : 'PGlite runs the database inside the server process: its CPU and its WebAssembly heap (which never shrinks) count against our server here, which is not the production configuration.'
}
Stored: time until ours acknowledges an edit as durably stored. Generator load: event-loop
utilisation of the (busiest) client thread (near 100 % means the generator, not the server, set the pace).

${scenarioTable(report.results)}

Typing suggestions (ours only: the reference has no such rule). A consultation where reviewers may
only suggest; each typist types its edits into a paragraph of its own (seeded empty by the admin)
under its own insertion mark, and our server checks every update against a copy of the paper
before applying it (\`collab/suggestion-guard.ts\`). Beside it, the same number typing plain edits
above. Goal: p99 ≤ 5 ms at 10–50 typists.

${suggestionTable(report.results, report.suggesting)}

Memory per connection (RSS with all clients connected and idle, minus RSS before, per client):

${idleMemoryTable(report.results)}

Late join: a ${(report.lateJoin.size / 1024 / 1024).toFixed(2)} MB paper built from 100,000
operations by 60 authors (uploaded as 100 updates). Time from opening the socket; median of
${COLD_JOINS} cold and ${HOT_JOINS} hot joins. Cold: ours had unloaded the paper and loads it
from the database; the reference has no database, so hot only.

${lateJoinTable(report.lateJoin)}

Slow client: the stock y-websocket client joins the large paper through a loopback link that
delivers 100 KB/s while a member types 2 edits/s. More than one connection would mean it timed
out and started over.

${slowClientTable({ ours: report.lateJoin.ours.slow, reference: report.lateJoin.reference.slow })}

${storageSection}

Memory: RSS after setup (before the first scenario), the highest seen during any scenario, and
after every client has left (ours unloads idle papers ${unloadDelayMs / 1000} s after their last client left),
and the live JavaScript heap after a full collection (asked of each server through its
inspector) after setup and 40 s after every client left. The heap is what a server still holds;
RSS also counts memory V8 and the allocator keep for reuse once they have grown, which neither
server gives back to the system while idle.

${memoryTable(report.memory)}
`;

process.stdout.write(`${section}\n`);
await writeBenchmarks(BENCHMARKS_DOC, heading, section);
log('Written to docs/benchmarks.md');
