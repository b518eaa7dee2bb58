import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';

const ms = (value) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 0) : '–');
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
const kb = (bytes) => (bytes / 1024).toFixed(1);
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');
const int = (value) => Math.round(value).toLocaleString('en-US');

export function table(header, rows) {
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

/**
 * Ours with reviewers who may only suggest (each update checked against a copy of the paper
 * before it is applied) beside ours with the same number typing plain edits.
 */
export function suggestionTable(results, suggesting) {
  const rows = [];
  for (const { scenario, result } of suggesting) {
    const editing = results.find((entry) => entry.scenario.name === scenario.editing)?.ours;
    for (const [label, r] of [
      [scenario.editing, editing],
      [scenario.name, result],
    ]) {
      if (!r) continue;
      rows.push([
        label,
        ms(r.p50),
        ms(r.p95),
        ms(r.p99),
        int(r.lost),
        `${(r.cpuShare * 100).toFixed(1)} %`,
        `${ms(r.storedP50)} / ${ms(r.storedP99)}`,
      ]);
    }
    if (editing)
      rows.push([
        `**${scenario.name} / editing**`,
        ratio(result.p50, editing.p50),
        ratio(result.p95, editing.p95),
        ratio(result.p99, editing.p99),
        '',
        ratio(result.cpuShare, editing.cpuShare),
        '',
      ]);
  }
  return table(
    ['scenario (ours)', 'p50 ms', 'p95 ms', 'p99 ms', 'lost', 'server CPU', 'stored p50 / p99 ms'],
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

const perEdit = (bytes, edits) => (edits > 0 ? `${(bytes / edits).toFixed(0)} B` : '–');
const share = (part, whole) => (whole > 0 ? `${((part / whole) * 100).toFixed(0)} %` : '–');

/**
 * Bytes per edit with no compaction in the window: from the stored rows (every backend) and, on
 * Postgres, from the write-ahead log.
 */
export function storageTable(storage) {
  const rows = [
    ['edits sent / update log rows read back', `${int(storage.edits)} / ${int(storage.rows)}`],
    ['average update (payload)', `${storage.updateBytes.toFixed(0)} B`],
    ['row + line pointer + 1 index entry, from the rows', `${storage.rowBytes.toFixed(0)} B`],
  ];
  const written = storage.written;
  if (written?.unmeasured) {
    rows.push(['WAL', `not measured: ${written.unmeasured}`]);
  } else if (written) {
    const { edits, wal } = written;
    rows.push(
      ['compactions in the window', String(written.compactions)],
      ['update log table growth (whole 8 KB pages), per edit', perEdit(written.logTableGrowth, edits)],
      ['**WAL of the update log (heap + index records), per edit**', `**${perEdit(wal.updateLog, edits)}**`],
      ['WAL of commit records, per edit', perEdit(wal.commits, edits)],
      [
        'WAL of contribution counters and other tables, per edit',
        perEdit(wal.contributions + wal.other, edits),
      ],
      ['WAL of the database in all, per edit', perEdit(wal.total, edits)],
      [
        'of which full-page images (first change of a page after a checkpoint)',
        share(wal.fullPageImages, wal.total),
      ],
    );
  }
  return table(['measure', 'value'], rows);
}

/** What the database wrote during each typing window on ours, snapshot rewrites included. */
export function walTable(results) {
  const all = results.map(({ scenario, ours }) => ({ name: scenario.name, ...ours.written }));
  const windows = all.filter((w) => !w.unmeasured);
  if (windows.length === 0) return `WAL not measured: ${all[0]?.unmeasured ?? 'no typing window'}`;
  const sum = (pick) => windows.reduce((total, w) => total + pick(w), 0);
  windows.push({
    name: '**all windows**',
    edits: sum((w) => w.edits),
    compactions: sum((w) => w.compactions),
    wal: Object.fromEntries(Object.keys(windows[0].wal).map((key) => [key, sum((w) => w.wal[key])])),
  });
  return table(
    [
      'typing window',
      'edits stored',
      'compactions',
      'WAL / edit',
      'update log',
      'snapshot rewrites',
      'commits',
      'contributions + other',
      'full-page images',
    ],
    windows
      .map((w) => [
        w.name,
        int(w.edits),
        String(w.compactions),
        perEdit(w.wal.total, w.edits),
        perEdit(w.wal.updateLog, w.edits),
        perEdit(w.wal.snapshots, w.edits),
        perEdit(w.wal.commits, w.edits),
        perEdit(w.wal.contributions + w.wal.other, w.edits),
        share(w.wal.fullPageImages, w.wal.total),
      ])
      .concat(
        all
          .filter((w) => w.unmeasured)
          .map((w) => [w.name, `not measured: ${w.unmeasured}`, '', '', '', '', '', '', '']),
      ),
  );
}

/** Without a write-ahead log to read: the most a compaction can add per edit, from the policy. */
export function snapshotBoundTable(storage, compactMinBytes, papers) {
  return table(
    ['paper', 'snapshot KB', 'log bytes before a compaction', 'snapshot bytes written per edit (at most)'],
    papers
      .filter(({ consultationId }) => storage.snapshotBytes[consultationId] !== undefined)
      .map(({ label, consultationId }) => {
        const snapshot = storage.snapshotBytes[consultationId];
        const logBytes = Math.max(snapshot, compactMinBytes);
        return [
          label,
          kb(snapshot),
          `${kb(logBytes)} KB`,
          `${((snapshot / logBytes) * storage.updateBytes).toFixed(0)} B`,
        ];
      }),
  );
}

export function memoryTable(memory) {
  const change = (from, to) => `${(((to - from) / from) * 100).toFixed(1)} %`;
  return table(
    [
      'server',
      'baseline RSS MB',
      'peak RSS MB',
      'after all left, 10 s MB',
      'change',
      'after all left, 40 s MB',
      'change',
      'JS heap after GC: baseline / after all left, 40 s MB',
      'change',
    ],
    Object.entries(memory).map(([server, m]) => [
      server,
      mb(m.baseline),
      mb(m.peak),
      mb(m.after),
      change(m.baseline, m.after),
      mb(m.afterLong),
      change(m.baseline, m.afterLong),
      `${mb(m.heapBaseline)} / ${mb(m.heapAfterLong)}`,
      change(m.heapBaseline, m.heapAfterLong),
    ]),
  );
}

/** Replaces (or appends) the section under `heading` (a "## " line) of the benchmarks document. */
export async function writeBenchmarks(path, heading, section) {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(`${heading}\n`);
  let next = start === -1 ? -1 : current.indexOf('\n## ', start + heading.length);
  if (next !== -1) next += 1;
  const before = start === -1 ? `${current.trimEnd()}\n\n` : current.slice(0, start);
  const after = start === -1 || next === -1 ? '' : `\n${current.slice(next)}`;
  // Formatted as the repository's prettier settings want, so a fresh run passes the lint check.
  const options = { ...(await prettier.resolveConfig(path)), filepath: path };
  writeFileSync(path, await prettier.format(`${before}${section.trimEnd()}\n${after}`, options));
}
