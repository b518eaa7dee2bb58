import type { ModerationState, ThreadOutcome, ThreadStatus } from '@cw/shared';
import { type PersonRecord } from '../attribution/index.js';
import type { PassageState } from './anchors.js';

/**
 * Threads as stored, with full authorship. These never leave the server as they are: the
 * presenter turns them into what one viewer may see. Plain JSON (ISO times, base64 positions)
 * so they can travel over an event bus between instances.
 */
export type EndorsementRecord = Omit<PersonRecord, 'name' | 'role'>;

/** The organisers hid the comment, or cut parts of it; the removed text is not in the record. */
export interface ModerationRecord {
  state: ModerationState;
  reason: string;
}

export interface CommentRecord {
  id: string;
  threadId: string;
  author: PersonRecord;
  /** Empty once deleted or hidden; with the redacted parts cut when redacted. */
  body: string;
  moderation: ModerationRecord | null;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  endorsements: EndorsementRecord[];
}

export interface AnchorRecord {
  sectionId: string;
  start: string;
  end: string;
  quote: string;
}

export interface ResolutionRecord {
  outcome: ThreadOutcome;
  note: string;
  resolver: PersonRecord;
  resolvedAt: string;
}

export interface ThreadRecord {
  id: string;
  consultationId: string;
  questionId: string | null;
  anchor: AnchorRecord | null;
  /** The suggested change discussed, anchored to its passage. */
  suggestionId: string | null;
  /** What became of the quoted passage: computed against the current paper when the record is loaded. */
  passageState: PassageState;
  status: ThreadStatus;
  resolution: ResolutionRecord | null;
  createdAt: string;
  /** Oldest first; the first one opened the thread. */
  comments: CommentRecord[];
}
