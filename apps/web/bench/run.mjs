import { cpus, loadavg, totalmem } from 'node:os';
import { launchBrowser } from './browser.mjs';
import { measureLongPaper } from './long-paper.mjs';
import { measurePages } from './pages.mjs';
import { startDemoServer } from './server.mjs';

/**
 * `pnpm bench:web`: the production build served by the built server in demo mode on a throwaway
 * Postgres database (DATABASE_URL, default the local Postgres; created and dropped here), driven
 * by Chromium. Each scenario returns rows, objects with the same keys, printed as a Markdown
 * table under its title. BENCH_RUNS: visits per page (default 5); BENCH_SCENARIOS: the titles of
 * the scenarios to run, comma-separated (default all).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ONLY = process.env.BENCH_SCENARIOS?.split(',').map((title) => title.trim().toLowerCase());
const SCENARIOS = [
  { title: 'Pages', measure: measurePages },
  { title: 'Long paper', measure: measureLongPaper },
].filter(({ title }) => !ONLY || ONLY.includes(title.toLowerCase()));

const log = (line) => process.stderr.write(`${line}\n`);

function markdownTable(rows) {
  const header = Object.keys(rows[0] ?? {});
  return [header, header.map(() => '---'), ...rows.map((row) => header.map((key) => row[key]))]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n');
}

const loadBefore = loadavg()[0];
const server = await startDemoServer();
const browser = await launchBrowser();
try {
  const sections = [];
  for (const { title, measure } of SCENARIOS) {
    log(`${title}…`);
    const rows = await measure({ browser, baseUrl: server.baseUrl, runs: RUNS });
    sections.push(`### ${title}\n\n${markdownTable(rows)}`);
  }
  const cpu = cpus();
  const machine = `${cpu.length} × ${cpu[0]?.model.trim()}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB`;
  const date = new Date().toISOString().slice(0, 10);
  // Times depend on how busy the machine is; bytes do not.
  const load = `load average (1 min) ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`;
  process.stdout.write(
    `${sections.join('\n\n')}\n\n${date}; ${machine}; Node ${process.version}; Chromium ${browser.version()}; ${RUNS} runs; ${load}\n`,
  );
} finally {
  await browser.close();
  await server.stop();
}
