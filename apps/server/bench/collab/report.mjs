import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';

const ms = (value) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 0) : '–');
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
const kb = (bytes) => (bytes / 1024).toFixed(1);
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');
const int = (value) => Math.round(value).toLocaleString('en-US');

function table(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

export function scenarioTable(results) {
  const rows = [];
  for (const { scenario, ours, reference } of results) {
    for (const [server, r] of [
      ['ours', ours],
      ['reference', reference],
    ]) {
      rows.push([
        scenario.name,
        server,
        ms(r.p50),
        ms(r.p95),
        ms(r.p99),
        int(r.deliveredPerSecond),
        int(r.lost),
        `${(r.cpuShare * 100).toFixed(0)} %`,
        mb(r.peakRss),
        server === 'ours' ? `${ms(r.storedP50)} / ${ms(r.storedP99)}` : '–',
        `${(r.generatorLoad * 100).toFixed(0)} %`,
      ]);
    }
    rows.push([
      scenario.name,
      '**ours / reference**',
      ratio(ours.p50, reference.p50),
      ratio(ours.p95, reference.p95),
      ratio(ours.p99, reference.p99),
      ratio(ours.deliveredPerSecond, reference.deliveredPerSecond),
      '',
      ratio(ours.cpuShare, reference.cpuShare),
      ratio(ours.peakRss, reference.peakRss),
      '',
      '',
    ]);
  }
  return table(
    [
      'scenario',
      'server',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'deliveries/s',
      'lost',
      'server CPU',
      'peak RSS MB',
      'stored p50 / p99 ms',
      'generator load',
    ],
    rows,
  );
}

export function idleMemoryTable(results) {
  return table(
    ['scenario', 'ours KB / connection', 'reference KB / connection', 'ours / reference'],
    results
      .filter(({ scenario }) => scenario.typists < scenario.clients)
      .map(({ scenario, ours, reference }) => [
        scenario.name,
        kb(ours.rssPerConnection),
        kb(reference.rssPerConnection),
        ratio(ours.rssPerConnection, reference.rssPerConnection),
      ]),
  );
}

export function lateJoinTable(lateJoin) {
  const row = (label, samples) => {
    if (!samples) return [label, '–', '–', '–', '–'];
    const median = (key) => samples.map((s) => s[key]).sort((a, b) => a - b)[Math.floor(samples.length / 2)];
    return [
      label,
      ms(median('step2Ms')),
      ms(median('appliedMs')),
      `${(samples[0].bytes / 1024 / 1024).toFixed(2)}`,
      samples.every((s) => s.textLength === lateJoin.textLength) ? 'yes' : 'NO',
    ];
  };
  return table(
    ['join', 'step 2 arrived ms', 'fully applied ms', 'step 2 MB', 'whole paper received'],
    [
      row('ours, cold (loaded from the database)', lateJoin.ours.cold),
      row('ours, hot (already in memory)', lateJoin.ours.hot),
      row('reference, hot', lateJoin.reference.hot),
    ],
  );
}

export function slowClientTable(slow) {
  return table(
    ['server', 'link', 'connections in the window', 'synced after ms', 'has the latest edit'],
    Object.entries(slow).map(([server, s]) => [
      server,
      `${s.bytesPerSecond / 1024} KB/s, ${s.observedSeconds} s`,
      String(s.connections),
      ms(s.syncedAfterMs),
      s.hasLatestEdit ? 'yes' : 'NO',
    ]),
  );
}

export function storageTable(storage, compactAfter, papers) {
  const rows = [
    ['update log: average update (payload)', `${storage.updateBytes.toFixed(0)} B`],
    [
      `update log: bytes per stored update (row + line pointer + 2 index entries, ${storage.rows} rows)`,
      `${storage.rowBytes.toFixed(0)} B`,
    ],
  ];
  for (const { label, consultationId } of papers) {
    const bytes = storage.snapshotBytes[consultationId];
    if (bytes === undefined) continue;
    const amortised = bytes / compactAfter;
    rows.push([
      `${label}: snapshot ${kb(bytes)} KB rewritten every ${compactAfter} updates, per update`,
      `${amortised.toFixed(0)} B`,
    ]);
    rows.push([
      `${label}: total per edit / update size`,
      `${(storage.rowBytes + amortised).toFixed(0)} B = ${((storage.rowBytes + amortised) / storage.updateBytes).toFixed(1)}×`,
    ]);
  }
  return table(['measure', 'value'], rows);
}

export function memoryTable(memory) {
  return table(
    ['server', 'baseline RSS MB', 'after all clients left MB', 'change'],
    Object.entries(memory).map(([server, m]) => [
      server,
      mb(m.baseline),
      mb(m.after),
      `${(((m.after - m.baseline) / m.baseline) * 100).toFixed(1)} %`,
    ]),
  );
}

/** Replaces (or appends) the "## Collaboration" section of the benchmarks document. */
export async function writeBenchmarks(path, section) {
  const heading = '## Collaboration';
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(heading);
  let next = start === -1 ? -1 : current.indexOf('\n## ', start + heading.length);
  if (next !== -1) next += 1;
  const before = start === -1 ? `${current.trimEnd()}\n\n` : current.slice(0, start);
  const after = start === -1 || next === -1 ? '' : `\n${current.slice(next)}`;
  // Formatted as the repository's prettier settings want, so a fresh run passes the lint check.
  const options = { ...(await prettier.resolveConfig(path)), filepath: path };
  writeFileSync(path, await prettier.format(`${before}${section.trimEnd()}\n${after}`, options));
}
