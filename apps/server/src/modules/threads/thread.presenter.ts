import {
  type AttributionMode,
  type Attribution,
  type Comment,
  type EndorsementCount,
  groupLabel,
  LABEL_SCOPES,
  type LabelScope,
  maySeeNameOn,
  type Role,
  type Thread,
  type TimePrecision,
} from '@cw/shared';
import { shownScope } from '../attribution/label-rows.js';
import type { CommentRecord, EndorsementRecord, PersonRecord, ThreadRecord } from './thread-records.js';

/** Who is looking: decides which names, groups, ids and times an answer may carry (SPEC §3). */
export interface Viewer {
  userId: string;
  role: Role;
  /** The consultation's mode now. */
  attributionMode: AttributionMode;
  /** Each group's k-anonymous label scope now (`labelScopes` from @cw/shared). */
  labelScopes: Readonly<Record<string, LabelScope>>;
}

/** Whether this viewer may see the name on input made under `recordedMode`. */
function maySeeNameOf(recordedMode: AttributionMode, viewer: Viewer): boolean {
  return maySeeNameOn(recordedMode, viewer.attributionMode, viewer.role);
}

const HOUR_MS = 3_600_000;

/**
 * A time as the viewer may see it: exact, or cut to the start of its hour (UTC), so "posted at
 * 14:32" cannot point at the one person who was seen typing then.
 */
export function timeFor(iso: string, precision: TimePrecision): string {
  const time = new Date(iso).getTime();
  return new Date(precision === 'exact' ? time : time - (time % HOUR_MS)).toISOString();
}

/**
 * Never a user id or email. The viewer's own input and input they are entitled to name show the
 * group and role (and the name where entitled) with exact times; any other shows only the
 * k-anonymous group label, with times to the hour.
 */
export function attribute(person: PersonRecord, viewer: Viewer): Attribution {
  const isYou = person.userId === viewer.userId;
  const isNamed = maySeeNameOf(person.attributionMode, viewer);
  if (isYou || isNamed) {
    return {
      label: `${person.groupName} ${person.role}`,
      scope: 'group',
      group: { id: person.groupId, name: person.groupName },
      isYou,
      ...(isNamed ? { name: person.name } : {}),
      timePrecision: 'exact',
    };
  }
  const scope = shownScope(person, viewer.labelScopes);
  return {
    label: groupLabel(scope, person.groupName),
    scope,
    group: scope === 'group' ? { id: person.groupId, name: person.groupName } : null,
    isYou,
    timePrecision: 'hour',
  };
}

/** Endorsements per label, by the same rule as authors: small groups are counted pooled. */
function endorsementCounts(endorsements: readonly EndorsementRecord[], viewer: Viewer): EndorsementCount[] {
  const counts = new Map<string, EndorsementCount>();
  for (const endorsement of endorsements) {
    const isShown = endorsement.userId === viewer.userId || maySeeNameOf(endorsement.attributionMode, viewer);
    const scope = isShown ? 'group' : shownScope(endorsement, viewer.labelScopes);
    const groupId = scope === 'group' ? endorsement.groupId : null;
    const key = groupId ?? scope;
    const entry = counts.get(key) ?? {
      scope,
      groupId,
      label: groupLabel(scope, endorsement.groupName),
      count: 0,
    };
    entry.count += 1;
    counts.set(key, entry);
  }
  const rank = (count: EndorsementCount) => LABEL_SCOPES.indexOf(count.scope);
  return [...counts.values()].sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label));
}

export function presentComment(record: CommentRecord, viewer: Viewer): Comment {
  const author = attribute(record.author, viewer);
  const isDeleted = record.deletedAt !== null;
  const isHidden = record.moderation?.state === 'hidden';
  return {
    id: record.id,
    threadId: record.threadId,
    author,
    body: isDeleted || isHidden ? null : record.body,
    isDeleted,
    moderation: record.moderation && {
      state: record.moderation.state,
      reason: author.isYou ? record.moderation.reason : null,
    },
    isEdited: record.editedAt !== null,
    createdAt: timeFor(record.createdAt, author.timePrecision),
    editedAt: record.editedAt === null ? null : timeFor(record.editedAt, author.timePrecision),
    endorsements: endorsementCounts(record.endorsements, viewer),
    endorsementTotal: record.endorsements.length,
    isEndorsedByYou: record.endorsements.some((endorsement) => endorsement.userId === viewer.userId),
  };
}

/** One thread for one viewer; the same function serves REST answers and live events. */
export function presentThread(record: ThreadRecord, viewer: Viewer): Thread {
  const comments = record.comments.map((comment) => presentComment(comment, viewer));
  const opener = comments[0]!.author;
  const resolution = record.resolution;
  const resolver = resolution && attribute(resolution.resolver, viewer);
  return {
    id: record.id,
    consultationId: record.consultationId,
    questionId: record.questionId,
    anchor: record.anchor && { ...record.anchor, isPassageRemoved: record.isPassageRemoved },
    status: record.status,
    resolution: resolution && {
      outcome: resolution.outcome,
      note: resolution.note,
      resolver: resolver!,
      resolvedAt: timeFor(resolution.resolvedAt, resolver!.timePrecision),
    },
    author: opener,
    createdAt: timeFor(record.createdAt, opener.timePrecision),
    comments,
  };
}
