import {
  type ConsultationDetail,
  type DashboardData,
  type Figure,
  type InputFigures,
  type LabelScope,
  PARTICIPANT_ROW_KEY,
  type Phase,
  POOLED_ROW_KEY,
  stricterScope,
} from '@cw/shared';
import { expect } from 'vitest';
import type { TestUser } from './factories.js';

/**
 * An attacker's audit of published figures, for tests: every figure a member may be shown is read
 * as an equation over the input the test knows it made, and no cell drawn from fewer than k
 * people may follow from them — by subtracting two views, or by any other linear combination.
 */

/** One piece of input as the test made it. */
export interface KnownInput {
  userId: string;
  groupId: string;
  /** The label scope recorded with it. */
  labelScope: LabelScope;
  /** A guiding question's id, `general` for a thread on none, null for a paper edit. */
  question: string | null;
  section: string | null;
  /** In the consultation's zone (edits: the server's day). */
  day: string;
  phase: Phase | null;
  /** The thread's outcome or `open`; null for a paper edit. */
  outcome: string | null;
  threads: number;
  comments: number;
  endorsements: number;
  chars: number;
}

/** What the test knows of the consultation's structure and settings. */
export interface KnownConsultation {
  k: number;
  /** Each group's label scope now. */
  labelScopes: Readonly<Record<string, LabelScope>>;
  /** Guiding question id → its agenda session. */
  questionSession: ReadonlyMap<string, string | null>;
  /** Section id → the sessions it is linked to. */
  sectionSessions: ReadonlyMap<string, readonly string[]>;
}

const METRICS = ['threads', 'comments', 'endorsements', 'chars'] as const;
type Metric = (typeof METRICS)[number] | 'participants';

/** A published figure with what it is about: the input it counts. */
export interface PublishedFigure {
  where: string;
  metric: Metric;
  figure: Figure;
  covers: (input: KnownInput) => boolean;
}

export function rowOf(input: KnownInput, known: KnownConsultation): string {
  const scope = stricterScope(input.labelScope, known.labelScopes[input.groupId] ?? 'participant');
  if (scope === 'group') return input.groupId;
  return scope === 'pool' ? POOLED_ROW_KEY : PARTICIPANT_ROW_KEY;
}

function inSession(input: KnownInput, sessionId: string, known: KnownConsultation): boolean {
  const byQuestion = input.question !== null && known.questionSession.get(input.question) === sessionId;
  const bySection =
    input.section !== null && (known.sectionSessions.get(input.section) ?? []).includes(sessionId);
  return byQuestion || bySection;
}

/** Every figure of one published dashboard answer, with the input each counts. */
export function dashboardFigures(data: DashboardData, known: KnownConsultation): PublishedFigure[] {
  const { sessionId, phase, day } = data.filters;
  const view = `dashboard(${JSON.stringify(data.filters)})`;
  const inView = (input: KnownInput) => (!phase || input.phase === phase) && (!day || input.day === day);
  const questionIds = data.questions.map((question) => question.id);
  const sectionIds = data.sections.map((section) => section.id);
  const tables = [
    {
      name: 'byQuestion',
      table: data.byQuestion,
      columns: questionIds,
      column: (input: KnownInput) =>
        input.question !== null && questionIds.includes(input.question) ? input.question : null,
      // A question's characters edited are added up from its sections, which are audited there.
      metrics: METRICS.filter((metric) => metric !== 'chars'),
    },
    {
      name: 'bySection',
      table: data.bySection,
      columns: sectionIds,
      column: (input: KnownInput) =>
        input.section !== null && sectionIds.includes(input.section) ? input.section : null,
      metrics: METRICS,
    },
    {
      name: 'byDay',
      table: data.byDay,
      columns: data.days,
      column: (input: KnownInput) => (!sessionId || inSession(input, sessionId, known) ? input.day : null),
      metrics: METRICS,
    },
  ];
  const figures: PublishedFigure[] = [];
  for (const { name, table, columns, column, metrics } of tables) {
    const positions: Array<{ at: string; figures: InputFigures; row?: string; col?: string }> = [
      ...data.rows.flatMap((row, r) =>
        columns.map((col, c) => ({
          at: `${row.label}×${col}`,
          figures: table.cells[r]![c]!,
          row: row.key,
          col,
        })),
      ),
      ...data.rows.map((row, r) => ({
        at: `${row.label} total`,
        figures: table.rowTotals[r]!,
        row: row.key,
      })),
      ...columns.map((col, c) => ({ at: `${col} total`, figures: table.columnTotals[c]!, col })),
      { at: 'grand total', figures: table.grandTotal },
    ];
    for (const position of positions) {
      const covers = (input: KnownInput) => {
        const key = column(input);
        return (
          inView(input) &&
          key !== null &&
          (position.col === undefined || key === position.col) &&
          (position.row === undefined || rowOf(input, known) === position.row)
        );
      };
      for (const metric of [...metrics, 'participants' as const]) {
        const figure = position.figures[metric === 'chars' ? 'charsEdited' : metric];
        figures.push({ where: `${view} ${name} ${position.at} ${metric}`, metric, figure, covers });
      }
    }
  }
  return figures;
}

/** Parses a Markdown table under `### heading` into rows of cells (header first). */
function markdownTable(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`### ${heading}`);
  expect(start, heading).toBeGreaterThan(-1);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('|')) rows.push(line.slice(2, -2).split(' | '));
    else if (rows.length > 0) break;
  }
  return rows.filter((row) => !row.every((cell) => /^-+:?$/.test(cell.trim())));
}

function exportFigure(text: string): Figure {
  if (text === 'withheld') return { atLeast: 0 };
  const partial = /^at least (\d+)$/.exec(text);
  if (partial) return { atLeast: Number(partial[1]) };
  expect(text, 'a published figure').toMatch(/^\d+$/);
  return Number(text);
}

/**
 * Every figure of the summary notes' two tables. `questionKeys` maps row labels ("Question 2",
 * "General input") to question keys, `labelKeys` column labels to dashboard row keys.
 */
export function exportFigures(
  markdown: string,
  questionKeys: ReadonlyMap<string, string>,
  labelKeys: ReadonlyMap<string, string>,
  known: KnownConsultation,
): PublishedFigure[] {
  const outcomeKeys = new Map([
    ['Accepted', 'accepted'],
    ['Partly accepted', 'partly_accepted'],
    ['Not accepted', 'not_accepted'],
    ['No change needed', 'no_change_needed'],
    ['Not yet resolved', 'open'],
  ]);
  const tables = [
    {
      heading: 'Outcomes per guiding question',
      metric: 'threads' as const,
      columnKeys: outcomeKeys,
      column: (input: KnownInput) => input.outcome,
    },
    {
      heading: 'Input per stakeholder group',
      metric: 'comments' as const,
      columnKeys: labelKeys,
      column: (input: KnownInput) => (input.question === null ? null : rowOf(input, known)),
    },
  ];
  const figures: PublishedFigure[] = [];
  for (const { heading, metric, columnKeys, column } of tables) {
    const [header, ...body] = markdownTable(markdown, heading);
    const rowKeys = body.slice(0, -1).map((row) => questionKeys.get(row[0]!)!);
    for (const [r, row] of body.entries()) {
      const rowKey = r < rowKeys.length ? rowKeys[r] : undefined;
      for (const [c, text] of row.slice(1).entries()) {
        const label = header![c + 1]!;
        const columnKey = label === 'Total' ? undefined : columnKeys.get(label);
        expect(label === 'Total' || columnKey !== undefined, `column ${label}`).toBe(true);
        const covers = (input: KnownInput) =>
          input.question !== null &&
          rowKeys.includes(input.question) &&
          column(input) !== null &&
          (rowKey === undefined || input.question === rowKey) &&
          (columnKey === undefined || column(input) === columnKey);
        figures.push({
          where: `export ${heading} ${row[0]}×${label}`,
          metric,
          figure: exportFigure(text),
          covers,
        });
      }
    }
  }
  return figures;
}

function truth(inputs: readonly KnownInput[], metric: Metric): number {
  if (metric === 'participants') return new Set(inputs.map((input) => input.userId)).size;
  return inputs.reduce((sum, input) => sum + input[metric], 0);
}

/** The finest cell of a piece of input: what every published figure is a union of. */
function atomOf(input: KnownInput, known: KnownConsultation): string {
  return JSON.stringify([
    rowOf(input, known),
    input.question,
    input.section,
    input.day,
    input.phase,
    input.outcome,
  ]);
}

/** The span of `rows` (Gaussian elimination): tells whether a vector is a linear combination of them. */
function spanOf(rows: readonly number[][]): (target: readonly number[]) => boolean {
  const basis: Array<{ pivot: number; vector: number[] }> = [];
  const reduce = (vector: readonly number[]) => {
    const reduced = [...vector];
    for (const { pivot, vector: base } of basis) {
      const factor = reduced[pivot]!;
      if (Math.abs(factor) > 1e-9)
        for (let i = 0; i < reduced.length; i += 1) reduced[i]! -= factor * base[i]!;
    }
    return reduced;
  };
  for (const row of rows) {
    const reduced = reduce(row);
    const pivot = reduced.findIndex((value) => Math.abs(value) > 1e-9);
    if (pivot === -1) continue;
    const scale = reduced[pivot]!;
    basis.push({ pivot, vector: reduced.map((value) => value / scale) });
  }
  return (target) => reduce(target).every((value) => Math.abs(value) < 1e-9);
}

/**
 * The audit. Every exact figure must equal the input it covers (and a partial one may not claim
 * more), so the figures mean what the test reads them as. Then, for each cell drawn from 1 to k-1
 * people in any published view: none of its counts is a linear combination of the exact figures
 * (which covers every difference of two views), and no difference of two nested exact participant
 * figures leaves 1 to k-1 people.
 */
export function expectNoSmallCellDisclosed(
  figures: readonly PublishedFigure[],
  inputs: readonly KnownInput[],
  known: KnownConsultation,
): void {
  for (const { where, metric, figure, covers } of figures) {
    const value = truth(inputs.filter(covers), metric);
    if (typeof figure === 'number') expect(figure, where).toBe(value);
    else expect(figure.atLeast, where).toBeLessThanOrEqual(value);
  }
  const atoms = [...new Set(inputs.map((input) => atomOf(input, known)))];
  const covered = new Map(figures.map((figure) => [figure, new Set(inputs.filter(figure.covers))]));
  const vectorOf = (figure: PublishedFigure) => {
    const cells = new Set([...covered.get(figure)!].map((input) => atomOf(input, known)));
    return atoms.map((atom) => (cells.has(atom) ? 1 : 0));
  };
  const small = figures.filter((figure) => {
    const people = figure.metric === 'participants' ? truth([...covered.get(figure)!], 'participants') : 0;
    return people > 0 && people < known.k;
  });
  for (const metric of METRICS) {
    const follows = spanOf(
      figures.filter((figure) => figure.metric === metric && typeof figure.figure === 'number').map(vectorOf),
    );
    for (const cell of small) {
      expect(follows(vectorOf(cell)), `${metric} of ${cell.where} follows from the figures`).toBe(false);
    }
  }
  const exactPeople = figures.filter(
    (figure) => figure.metric === 'participants' && typeof figure.figure === 'number',
  );
  for (const outer of exactPeople) {
    const outerInputs = covered.get(outer)!;
    for (const inner of exactPeople) {
      const innerInputs = covered.get(inner)!;
      if (innerInputs.size > outerInputs.size || ![...innerInputs].every((input) => outerInputs.has(input)))
        continue;
      const difference = truth(
        [...outerInputs].filter((input) => !innerInputs.has(input)),
        'participants',
      );
      expect(difference === 0 || difference >= known.k, `${outer.where} minus ${inner.where}`).toBe(true);
    }
  }
}

/** Everything one member may be shown of the figures: each dashboard view and each summary export. */
export async function publishedFigures(viewer: TestUser, base: string, known: KnownConsultation) {
  const get = async (path: string) => {
    const response = await viewer.api.get(`${base}${path}`);
    expect(response.status, path).toBe(200);
    return response.body;
  };
  const unfiltered = (await get('/dashboard')) as DashboardData;
  const queries = [
    '',
    ...unfiltered.sessions.map((session) => `sessionId=${session.id}`),
    ...['draft', 'open', 'closed', 'published'].map((phase) => `phase=${phase}`),
    ...unfiltered.days.map((day) => `day=${day}`),
    ...unfiltered.sessions.flatMap((session) => [
      `sessionId=${session.id}&phase=open`,
      ...unfiltered.days.map((day) => `sessionId=${session.id}&day=${day}`),
    ]),
  ];
  const figures: PublishedFigure[] = [];
  for (const query of queries)
    figures.push(...dashboardFigures((await get(`/dashboard?${query}`)) as DashboardData, known));
  const detail = (await get('')) as ConsultationDetail;
  const questionKeys = new Map([
    ...detail.questions.map((question) => [`Question ${question.number}`, question.id] as const),
    ['General input', 'general'] as const,
  ]);
  const labelKeys = new Map(unfiltered.rows.map((row) => [row.label, row.key]));
  for (const query of ['', ...unfiltered.sessions.map((session) => `?sessionId=${session.id}`)]) {
    const markdown = await fetch(`${viewer.api.baseUrl}${base}/exports/summary-markdown${query}`, {
      headers: { authorization: `Bearer ${viewer.token}` },
    }).then((response) => response.text());
    figures.push(...exportFigures(markdown, questionKeys, labelKeys, known));
  }
  return { unfiltered, figures };
}
