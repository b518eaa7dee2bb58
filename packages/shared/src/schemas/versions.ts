import { z } from 'zod';
import { instant, text, uuid } from './common.js';

/** Longest version name, in characters. */
export const VERSION_NAME_MAX_LENGTH = 120;

export const createVersionBody = z.strictObject({
  /** Unique within the consultation, e.g. "Draft for consultation". */
  name: text({ max: VERSION_NAME_MAX_LENGTH }),
});
export type CreateVersionBody = z.infer<typeof createVersionBody>;

/** `to=current` compares with the live paper. */
export const compareVersionsQuery = z.strictObject({
  /** The older side: a version of this consultation. */
  from: uuid,
  /** The newer side: another version, or the paper as it is now. */
  to: z.union([uuid, z.literal('current')], { message: 'must be a UUID or "current"' }),
});
export type CompareVersionsQuery = z.infer<typeof compareVersionsQuery>;

/**
 * A version as one viewer may see it (SPEC §3). `createdBy` is the creator's name for viewers
 * entitled to names (and for the creator), otherwise their role at the time, e.g. "Editor".
 * Never a user id.
 */
export const versionSummary = z.object({
  id: uuid,
  name: z.string(),
  createdAt: instant,
  createdBy: z.string(),
  /** The viewer took this version. */
  isCreatedByYou: z.boolean(),
});
export type VersionSummary = z.infer<typeof versionSummary>;

// The read-only content model of a version: the editor's node tree reduced to a closed set of
// node types, marks and attributes, so a client renders it without trusting anything it holds.

/** Formatting marks without attributes. */
export const SIMPLE_MARKS = [
  'bold',
  'italic',
  'underline',
  'strike',
  'code',
  'subscript',
  'superscript',
  'highlight',
] as const;
export type SimpleMark = (typeof SIMPLE_MARKS)[number];

export const textMark = z.discriminatedUnion('type', [
  z.object({ type: z.enum(SIMPLE_MARKS) }),
  /** Only http(s) and mailto targets survive; any other link keeps its text and loses the link. */
  z.object({ type: z.literal('link'), href: z.string() }),
]);
export type TextMark = z.infer<typeof textMark>;

/** A piece of text with one set of marks; a line break inside a block is a run with text "\n". */
export const textRun = z.object({ text: z.string(), marks: z.array(textMark) });
export type TextRun = z.infer<typeof textRun>;

/** Blocks holding text runs. */
export const TEXT_BLOCK_TYPES = ['paragraph', 'codeBlock'] as const;
/** Blocks holding other blocks. */
export const CONTAINER_BLOCK_TYPES = [
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'table',
  'tableRow',
  'tableCell',
  'tableHeader',
] as const;
export type ContainerBlockType = (typeof CONTAINER_BLOCK_TYPES)[number];

export type PaperBlock =
  | { type: (typeof TEXT_BLOCK_TYPES)[number]; content: TextRun[] }
  | { type: 'heading'; level: number; content: TextRun[] }
  | { type: 'horizontalRule' }
  | {
      type: ContainerBlockType;
      children: PaperBlock[];
      /** First number of an `orderedList`. */
      start?: number;
      /** Columns and rows a `tableCell`/`tableHeader` spans. */
      colspan?: number;
      rowspan?: number;
    };

/**
 * Deepest nesting of blocks kept (a list in a list in a table cell is 9 deep). Deeper content is
 * lifted to this depth, so a hostile document cannot make readers recurse without end.
 */
export const MAX_BLOCK_DEPTH = 10;

const textBlock = z.object({ type: z.enum(TEXT_BLOCK_TYPES), content: z.array(textRun) });
const heading = z.object({
  type: z.literal('heading'),
  level: z.int().min(1).max(6),
  content: z.array(textRun),
});
const horizontalRule = z.object({ type: z.literal('horizontalRule') });

/** Spelled out level by level rather than lazily, so the OpenAPI document has no dangling refs. */
function blockAtDepth(depth: number): z.ZodType<PaperBlock> {
  if (depth === MAX_BLOCK_DEPTH) return z.union([textBlock, heading, horizontalRule]);
  const container = z.object({
    type: z.enum(CONTAINER_BLOCK_TYPES),
    children: z.array(blockAtDepth(depth + 1)),
    start: z.int().optional(),
    colspan: z.int().min(1).optional(),
    rowspan: z.int().min(1).optional(),
  });
  return z.union([textBlock, heading, horizontalRule, container]);
}

/** A top-level block of a section. */
export const paperBlock = blockAtDepth(1);

/** One section of a version, with the number and title it had when the version was taken. */
export const versionSection = z.object({
  sectionId: uuid,
  number: z.string(),
  title: z.string(),
  blocks: z.array(paperBlock),
});
export type VersionSection = z.infer<typeof versionSection>;

export const versionDetail = versionSummary.extend({
  /** In the paper's order at the time the version was taken. */
  sections: z.array(versionSection),
});
export type VersionDetail = z.infer<typeof versionDetail>;

/**
 * How a section differs between the two sides: `added` exists only on the newer side, `removed`
 * only on the older one; `changed` when its text differs.
 */
export const SECTION_CHANGE_STATUSES = ['unchanged', 'changed', 'added', 'removed'] as const;
export type SectionChangeStatus = (typeof SECTION_CHANGE_STATUSES)[number];

export const TEXT_CHANGE_KINDS = ['same', 'added', 'removed'] as const;
export type TextChangeKind = (typeof TEXT_CHANGE_KINDS)[number];

/**
 * One stretch of a word-level diff of a section's plain text (blocks separated by "\n").
 * `same` + `removed` stretches in order spell the older text; `same` + `added` the newer one.
 */
export const textChange = z.object({ kind: z.enum(TEXT_CHANGE_KINDS), text: z.string() });
export type TextChange = z.infer<typeof textChange>;

/**
 * A suggested change an editor accepted, as its section records it: what it inserted and deleted,
 * the reason given, and the suggester's group under the label rule (never a name).
 */
export const acceptedSuggestion = z.object({
  insertedText: z.string(),
  deletedText: z.string(),
  reason: z.string(),
  groupLabel: z.string(),
});
export type AcceptedSuggestion = z.infer<typeof acceptedSuggestion>;

export const sectionComparison = z.object({
  sectionId: uuid,
  /** Number and title on the newer side (the older side's for a removed section). */
  number: z.string(),
  title: z.string(),
  status: z.enum(SECTION_CHANGE_STATUSES),
  changes: z.array(textChange),
  /** Suggestions accepted in the section after the older side was taken, up to the newer side. */
  acceptedSuggestions: z.array(acceptedSuggestion),
});
export type SectionComparison = z.infer<typeof sectionComparison>;

export const versionComparison = z.object({
  from: versionSummary,
  /** Null when comparing with the current paper. */
  to: versionSummary.nullable(),
  /** The newer side's sections in its order, then sections only the older side had. */
  sections: z.array(sectionComparison),
});
export type VersionComparison = z.infer<typeof versionComparison>;

/** What restoring a version did: the text of its sections is put back as a change on top. */
export const versionRestore = z.object({
  /** The paper as it was just before, saved first as a version of its own. */
  savedAs: versionSummary,
  /** Sections whose text was put back as it was in the version. */
  sectionsRestored: z.int(),
  /** Sections whose text was already as in the version: untouched, their passages kept. */
  sectionsUnchanged: z.int(),
  /** Sections added since the version: left as they are. */
  sectionsNotInVersion: z.int(),
  /** Sections of the version no longer in the paper: not brought back (the structure is the editors'). */
  sectionsNoLongerInPaper: z.int(),
});
export type VersionRestore = z.infer<typeof versionRestore>;
