import { z } from 'zod';
import { localDate, uuid } from './common.js';
import { phase } from './consultation.js';
import { labelScope } from './threads.js';

/**
 * `exact`: internal counts by stakeholder group, admins only. `published`: rows by k-anonymous
 * group label, and no input from a cell of fewer than k distinct people counted in any figure
 * (SPEC §3) — what editors always get and admins may preview.
 */
export const DASHBOARD_VIEWS = ['exact', 'published'] as const;
export type DashboardView = (typeof DASHBOARD_VIEWS)[number];

export const dashboardQuery = z.strictObject({
  /** Only the guiding questions and sections of this agenda session. */
  sessionId: uuid.optional(),
  /** Only input made while the consultation was in this phase. */
  phase: phase.optional(),
  /** Only input made on this day, in the consultation's time zone (paper edits: the server's day). */
  day: localDate.optional(),
  /** Defaults to `exact` for admins and `published` for editors. */
  view: z.enum(DASHBOARD_VIEWS).optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

/** Share of a question's or section's comments above which one group is called dominant. */
export const DOMINANCE_SHARE = 0.7;

/**
 * A published figure part of whose input is withheld: that part comes from cells (on the finest
 * breakdown the dashboard and exports use) of fewer than k people, and is left out of every
 * published figure. `atLeast` counts the rest; 0 when all of it is withheld.
 */
export const partialFigure = z.object({ atLeast: z.int().nonnegative() });
export type PartialFigure = z.infer<typeof partialFigure>;

export const figure = z.union([z.int().nonnegative(), partialFigure]);
export type Figure = z.infer<typeof figure>;

export const INPUT_METRICS = [
  'threads',
  'comments',
  'endorsements',
  'suggestions',
  'charsEdited',
  'participants',
] as const;
export type InputMetric = (typeof INPUT_METRICS)[number];

/** The input behind one cell or total of a table. */
export const inputFigures = z.object({
  /** Threads opened (counted under the group of their first comment). */
  threads: figure,
  /** Comments not deleted, first comments included. */
  comments: figure,
  /** Endorsements given, under the endorser's group. */
  endorsements: figure,
  /** Suggested changes to the paper, under the suggester's group. */
  suggestions: figure,
  /** Characters inserted plus deleted in the paper. */
  charsEdited: figure,
  /** Distinct people behind the other figures. */
  participants: figure,
});
export type InputFigures = z.infer<typeof inputFigures>;

/**
 * Rows (in `DashboardData.rows` order) by questions, sections or days
 * (columns, in the order of the matching list), with totals. A total counts each thing and
 * each person once, so participant totals need not be the sum of their cells.
 */
export const inputTable = z.object({
  cells: z.array(z.array(inputFigures)),
  rowTotals: z.array(inputFigures),
  columnTotals: z.array(inputFigures),
  grandTotal: inputFigures,
});
export type InputTable = z.infer<typeof inputTable>;

export const participationFigures = z.object({
  /** Invitations issued for the row's groups and not revoked. */
  invited: figure,
  /** Members now in the row's groups. */
  joined: figure,
  /** People who gave input under the row (within the filters). */
  active: figure,
});
export type ParticipationFigures = z.infer<typeof participationFigures>;

/** What a gap is about: a guiding question (by number) or a section (by its number). */
export const gapTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('question'), id: uuid, number: z.int() }),
  z.object({ kind: z.literal('section'), id: uuid, number: z.string() }),
]);
export type GapTarget = z.infer<typeof gapTarget>;

/** A representation gap, rendered in words by the client. */
export const gap = z.discriminatedUnion('kind', [
  /** No thread, comment, endorsement, suggestion or edit under the row (null: from anyone) on the target. */
  z.object({ kind: z.literal('noInput'), rowKey: z.string().nullable(), target: gapTarget }),
  /** The row wrote more than `share` of the target's comments. */
  z.object({ kind: z.literal('dominant'), rowKey: z.string(), target: gapTarget, share: z.number() }),
]);
export type Gap = z.infer<typeof gap>;

/** Row key of the groups pooled as "Other stakeholders", and of those shown as "A participant". */
export const POOLED_ROW_KEY = 'pool';
export const PARTICIPANT_ROW_KEY = 'participant';

/** One row of the input tables: a stakeholder group, or a k-anonymous pool of groups. */
export const dashboardRow = z.object({
  /** The group's id, or POOLED_ROW_KEY / PARTICIPANT_ROW_KEY. */
  key: z.string(),
  /** The group, when the row is one. */
  groupId: uuid.nullable(),
  scope: labelScope,
  label: z.string(),
});
export type DashboardRow = z.infer<typeof dashboardRow>;

export const dashboardData = z.object({
  view: z.enum(DASHBOARD_VIEWS),
  /** The consultation's k: published figures from fewer people than this are hidden. */
  kThreshold: z.int(),
  timezone: z.string(),
  filters: z.object({ sessionId: uuid.nullable(), phase: phase.nullable(), day: localDate.nullable() }),
  /**
   * The table rows: every stakeholder group in the exact view; in the published view the groups
   * named by the k-anonymous label rule, then "Other stakeholders" and "A participant" when any
   * input falls under them.
   */
  rows: z.array(dashboardRow),
  questions: z.array(z.object({ id: uuid, number: z.int(), text: z.string() })),
  sections: z.array(z.object({ id: uuid, number: z.string(), title: z.string() })),
  /** Days with input, in the consultation's time zone (paper edits: the server's day). */
  days: z.array(localDate),
  byQuestion: inputTable,
  bySection: inputTable,
  byDay: inputTable,
  /** Suggested changes by how they stand: columns in `SUGGESTION_STATES` order. */
  bySuggestionState: inputTable,
  /** One entry per row, then the whole consultation. */
  participation: z.object({ rows: z.array(participationFigures), total: participationFigures }),
  /**
   * The gaps of the rows that can give input: a row with a member or open invitation in a
   * consulted role (`isConsultedRole`). The organisers' group and observers-only groups never
   * show; a gap with no row (nobody gave input) always does.
   */
  gaps: z.array(gap),
  /** Agenda sessions to filter by. */
  sessions: z.array(z.object({ id: uuid, title: z.string() })),
});
export type DashboardData = z.infer<typeof dashboardData>;
