import { z } from 'zod';
import { localDate, uuid } from './common.js';
import { phase } from './consultation.js';

/**
 * `exact`: internal counts, admins only. `published`: every figure drawn from fewer than k
 * distinct people hidden (SPEC §3) — what editors always get and admins may preview.
 */
export const DASHBOARD_VIEWS = ['exact', 'published'] as const;
export type DashboardView = (typeof DASHBOARD_VIEWS)[number];

export const dashboardQuery = z.strictObject({
  /** Only the guiding questions and sections of this agenda session. */
  sessionId: uuid.optional(),
  /** Only input made while the consultation was in this phase. */
  phase: phase.optional(),
  /** Defaults to `exact` for admins and `published` for editors. */
  view: z.enum(DASHBOARD_VIEWS).optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

/** Share of a question's or section's comments above which one group is called dominant. */
export const DOMINANCE_SHARE = 0.7;

/** A figure left out of the published view because fewer than `fewerThan` people are behind it. */
export const hiddenFigure = z.object({ fewerThan: z.int() });
export type HiddenFigure = z.infer<typeof hiddenFigure>;

export const figure = z.union([z.int().nonnegative(), hiddenFigure]);
export type Figure = z.infer<typeof figure>;

export const INPUT_METRICS = ['threads', 'comments', 'endorsements', 'charsEdited', 'participants'] as const;
export type InputMetric = (typeof INPUT_METRICS)[number];

/** The input behind one cell or total of a table. */
export const inputFigures = z.object({
  /** Threads opened (counted under the group of their first comment). */
  threads: figure,
  /** Comments not deleted, first comments included. */
  comments: figure,
  /** Endorsements given, under the endorser's group. */
  endorsements: figure,
  /** Characters inserted plus deleted in the paper. */
  charsEdited: figure,
  /** Distinct people behind the other figures. */
  participants: figure,
});
export type InputFigures = z.infer<typeof inputFigures>;

/**
 * Stakeholder groups (rows, in `DashboardData.groups` order) by questions, sections or days
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
  /** Invitations issued for the group and not revoked. */
  invited: figure,
  /** Members now in the group. */
  joined: figure,
  /** People who gave input as members of the group (within the filters). */
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
  /** No thread, comment, endorsement or edit from the group (null: from anyone) on the target. */
  z.object({ kind: z.literal('noInput'), groupId: uuid.nullable(), target: gapTarget }),
  /** The group wrote more than `share` of the target's comments. */
  z.object({ kind: z.literal('dominant'), groupId: uuid, target: gapTarget, share: z.number() }),
]);
export type Gap = z.infer<typeof gap>;

export const dashboardData = z.object({
  view: z.enum(DASHBOARD_VIEWS),
  /** The consultation's k: published figures from fewer people than this are hidden. */
  kThreshold: z.int(),
  timezone: z.string(),
  filters: z.object({ sessionId: uuid.nullable(), phase: phase.nullable() }),
  groups: z.array(z.object({ id: uuid, name: z.string() })),
  questions: z.array(z.object({ id: uuid, number: z.int(), text: z.string() })),
  sections: z.array(z.object({ id: uuid, number: z.string(), title: z.string() })),
  /** Days with input, in the consultation's time zone (paper edits: the server's day). */
  days: z.array(localDate),
  byQuestion: inputTable,
  bySection: inputTable,
  byDay: inputTable,
  /** One entry per group, then the whole consultation. */
  participation: z.object({ groups: z.array(participationFigures), total: participationFigures }),
  gaps: z.array(gap),
  /** Agenda sessions to filter by. */
  sessions: z.array(z.object({ id: uuid, title: z.string() })),
});
export type DashboardData = z.infer<typeof dashboardData>;
