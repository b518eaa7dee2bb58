import { z } from 'zod';
import { LABEL_SCOPES } from '../attribution.js';
import { suggestionIdString } from '../suggestion-ids.js';
import { instant, text, uuid } from './common.js';
import { attributionMode, phase } from './consultation.js';

/** What became of a thread's input (the disposition log). */
export const THREAD_OUTCOMES = ['accepted', 'partly_accepted', 'not_accepted', 'no_change_needed'] as const;
export type ThreadOutcome = (typeof THREAD_OUTCOMES)[number];
export const threadOutcome = z.enum(THREAD_OUTCOMES);

export const THREAD_STATUSES = ['open', 'resolved'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];
export const threadStatus = z.enum(THREAD_STATUSES);

/** Longest comment body, in characters. */
export const COMMENT_MAX_LENGTH = 5000;
/** Longest quoted passage kept with an anchor, in characters. */
export const QUOTE_MAX_LENGTH = 1000;

/** Plain text as typed; clients render light Markdown without ever passing HTML through. */
export const commentBody = text({ max: COMMENT_MAX_LENGTH, multiline: true });

/** An encoded Yjs relative position (`Y.encodeRelativePosition`), base64. */
export const relativePosition = z
  .string()
  .min(4, 'must be an encoded relative position')
  .max(512, 'must be at most 512 characters')
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');

/** Where a thread sits in the paper: two relative positions inside one section, and the quote. */
export const anchorInput = z.strictObject({
  /** The section whose text holds the passage. */
  sectionId: uuid,
  /** Start and end of the passage; they follow the text through concurrent edits. */
  start: relativePosition,
  end: relativePosition,
  /** The passage as selected, kept for when its text is deleted. */
  quote: text({ max: QUOTE_MAX_LENGTH, multiline: true }),
});
export type AnchorInput = z.infer<typeof anchorInput>;

export const createThreadBody = z
  .strictObject({
    /** The guiding question answered; null for general input. */
    questionId: uuid.nullable(),
    /** The passage commented on; absent or null for input on the question as a whole. */
    anchor: anchorInput.nullable().default(null),
    /**
     * The suggested change the thread discusses, in the anchor's section; the anchor is then the
     * suggested passage. Absent or null for none.
     */
    suggestionId: suggestionIdString.nullish(),
    /** The first comment. */
    body: commentBody,
  })
  .refine((body) => !body.suggestionId || body.anchor !== null, {
    message: 'must be given with a suggestion: the suggested passage',
    path: ['anchor'],
    params: { issue: 'suggestionNeedsPassage' },
  });
export type CreateThreadBody = z.infer<typeof createThreadBody>;

export const commentBodyInput = z.strictObject({ body: commentBody });
export type CommentBodyInput = z.infer<typeof commentBodyInput>;

/** The message when an outcome other than taking the input up comes without a reason. */
export const REASON_REQUIRED = 'must say why, unless the input is taken up';

/**
 * An outcome other than `accepted` says why (SPEC §4: the participants are told how their input
 * was taken into account, and "not taken up" without a reason tells them nothing).
 */
export const resolveThreadBody = z
  .strictObject({
    outcome: threadOutcome,
    /** Why, for the reviewers and the summary notes. */
    note: text({ min: 0, max: 2000, multiline: true }),
  })
  .refine((body) => body.outcome === 'accepted' || body.note.trim() !== '', {
    path: ['note'],
    message: REASON_REQUIRED,
    params: { issue: 'reasonRequired' },
  });
export type ResolveThreadBody = z.infer<typeof resolveThreadBody>;

/** The `groupId` filter for the groups pooled as "Other stakeholders". */
export const POOLED_GROUPS_FILTER = 'other';

/** `questionId=general` selects input not tied to a guiding question. */
export const threadListQuery = z.strictObject({
  status: threadStatus.optional(),
  questionId: z.union([uuid, z.literal('general')], { message: 'must be a UUID or "general"' }).optional(),
  /** Threads anchored in this section. */
  sectionId: uuid.optional(),
  /**
   * Threads holding a comment shown to the caller under this label: a named group's id, or
   * POOLED_GROUPS_FILTER for the groups pooled as "Other stakeholders".
   */
  groupId: z.union([uuid, z.literal('other')], { message: 'must be a UUID or "other"' }).optional(),
});
export type ThreadListQuery = z.infer<typeof threadListQuery>;

export const threadParams = z.strictObject({ consultationId: uuid, threadId: uuid });
export const commentParams = z.strictObject({ consultationId: uuid, commentId: uuid });

/**
 * How precisely the times of someone's input reach a viewer: `exact`, or cut to the start of
 * the hour (UTC) so a time cannot single out a person.
 */
export const TIME_PRECISIONS = ['exact', 'hour'] as const;
export type TimePrecision = (typeof TIME_PRECISIONS)[number];

export const labelScope = z.enum(LABEL_SCOPES);

/**
 * Who wrote something, as one viewer may see it (SPEC §3). Never carries a user id or email;
 * `name` only where the viewer is entitled to it under the mode in force when the input was made
 * and now, whichever is more closed.
 */
export const attribution = z.object({
  /**
   * With a name: the group at posting time and the role ("Civil society organisation reviewer").
   * Without: the k-anonymous group label alone ("Civil society organisation", "Other
   * stakeholders" or "A participant"), as a role can single out a person as well as a group.
   */
  label: z.string(),
  /** How precisely the group is shown: named, pooled with the other small groups, or not at all. */
  scope: labelScope,
  /** The group, only when it is named (`scope` is `group`). */
  group: z.object({ id: uuid, name: z.string() }).nullable(),
  /** The viewer wrote it. */
  isYou: z.boolean(),
  name: z.string().optional(),
  /** How precise this person's times (posted, edited, resolved) are for the viewer. */
  timePrecision: z.enum(TIME_PRECISIONS),
});
export type Attribution = z.infer<typeof attribution>;

/** Endorsements counted under one label, by the same k-anonymous rule as authors. */
export const endorsementCount = z.object({
  scope: labelScope,
  /** The group, only when it is named. */
  groupId: uuid.nullable(),
  label: z.string(),
  count: z.int(),
});
export type EndorsementCount = z.infer<typeof endorsementCount>;

/** What the organisers did to a comment: hid it whole, or cut parts of it out. */
export const MODERATION_STATES = ['hidden', 'redacted'] as const;
export type ModerationState = (typeof MODERATION_STATES)[number];

/** Put in place of each redacted part of a comment. */
export const REDACTION_MARK = '[redacted]';

export const commentModeration = z.object({
  state: z.enum(MODERATION_STATES),
  /** Why, for the author and the organisers; null for everyone else. */
  reason: z.string().nullable(),
});

/** Times follow the author's `timePrecision`. */
export const comment = z.object({
  id: uuid,
  threadId: uuid,
  author: attribution,
  /**
   * Null once deleted (the tombstone keeps its place in the thread) or hidden by the organisers;
   * a redacted comment carries REDACTION_MARK where parts were cut. The text removed never
   * leaves the server in a thread, event or export.
   */
  body: z.string().nullable(),
  isDeleted: z.boolean(),
  moderation: commentModeration.nullable(),
  isEdited: z.boolean(),
  createdAt: instant,
  editedAt: instant.nullable(),
  endorsements: z.array(endorsementCount),
  endorsementTotal: z.int(),
  isEndorsedByYou: z.boolean(),
});
export type Comment = z.infer<typeof comment>;

export const anchor = z.object({
  sectionId: uuid,
  start: relativePosition,
  end: relativePosition,
  quote: z.string(),
  /** The passage's text is gone (the positions no longer span any text); the quote remains. */
  isPassageRemoved: z.boolean(),
  /** The passage still has text, but not the quoted one: it was edited since the thread was opened. */
  isPassageChanged: z.boolean(),
});
export type Anchor = z.infer<typeof anchor>;

export const resolution = z.object({
  outcome: threadOutcome,
  note: z.string(),
  resolver: attribution,
  resolvedAt: instant,
});
export type Resolution = z.infer<typeof resolution>;

export const thread = z.object({
  id: uuid,
  consultationId: uuid,
  questionId: uuid.nullable(),
  anchor: anchor.nullable(),
  /** The suggested change the thread discusses (its passage is the anchor); null for none. */
  suggestionId: suggestionIdString.nullable(),
  status: threadStatus,
  resolution: resolution.nullable(),
  /** The author of the first comment. */
  author: attribution,
  createdAt: instant,
  /** Oldest first. */
  comments: z.array(comment),
});
export type Thread = z.infer<typeof thread>;

export const questionSummary = z.object({
  /** Null: general input. */
  questionId: uuid.nullable(),
  open: z.int(),
  resolved: z.int(),
  total: z.int(),
});
export type QuestionSummary = z.infer<typeof questionSummary>;

/**
 * Why a member is told: someone replied to, or resolved, a thread they opened; the organisers
 * hid, redacted or restored their comment; the consultation moved to a more open attribution mode;
 * its phase changed, or its dates change it within a day (`phaseChangeDue`); an agenda session's
 * notes were published (`notesPublished`).
 */
export const NOTIFICATION_KINDS = [
  'reply',
  'resolution',
  'commentHidden',
  'commentRedacted',
  'commentRestored',
  'attributionOpened',
  'phaseChanged',
  'phaseChangeDue',
  'notesPublished',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** An in-app notification, presented for its recipient like any thread (SPEC §3). */
export const notification = z.object({
  id: uuid,
  kind: z.enum(NOTIFICATION_KINDS),
  /** Null for news about the whole consultation. */
  threadId: uuid.nullable(),
  questionId: uuid.nullable(),
  /** The recipient's comment the organisers moderated. */
  commentId: uuid.nullable(),
  /** Who replied, resolved, moderated or changed the mode or phase; null: the consultation's schedule. */
  actor: attribution.nullable(),
  /** The moderators' reason. */
  note: z.string().nullable(),
  /** The mode the consultation moved to (`attributionOpened`). */
  attributionMode: attributionMode.nullable(),
  /** The phase the consultation moved to, or is due to move to (`phaseChanged`, `phaseChangeDue`). */
  phase: phase.nullable(),
  /** When the scheduled change is due (`phaseChangeDue`, and `phaseChanged` by the schedule). */
  dueAt: instant.nullable(),
  /** The agenda session whose notes were published (`notesPublished`). */
  session: z.object({ id: uuid, title: z.string() }).nullable(),
  createdAt: instant,
  isRead: z.boolean(),
});
export type Notification = z.infer<typeof notification>;

/** Marks these notifications read; all of the caller's in the consultation when `ids` is omitted. */
export const markNotificationsReadBody = z.strictObject({
  ids: z.array(uuid).min(1).max(200).optional(),
});
export type MarkNotificationsReadBody = z.infer<typeof markNotificationsReadBody>;
