import {
  type AttributionMode,
  type Attribution,
  type Comment,
  maySeeNames as canSeeNames,
  type Role,
  type Thread,
} from '@cw/shared';
import type { CommentRecord, PersonRecord, ThreadRecord } from './thread-records.js';

/** Who is looking: decides which names, ids and times an answer may carry (SPEC §3). */
export interface Viewer {
  userId: string;
  role: Role;
  attributionMode: AttributionMode;
}

/** Whether this viewer may see other people's names (the shared SPEC §3 rule). */
export function maySeeNames(viewer: Viewer): boolean {
  return canSeeNames(viewer.attributionMode, viewer.role);
}

const HOUR_MS = 3_600_000;

/**
 * A time as the viewer may see it: exact for viewers entitled to names and for their own input;
 * otherwise truncated to the hour (UTC), so "posted at 14:32" cannot point at the one person
 * who was seen typing then.
 */
export function timeFor(iso: string, viewer: Viewer, isOwn: boolean): string {
  if (isOwn || maySeeNames(viewer)) return new Date(iso).toISOString();
  const time = new Date(iso).getTime();
  return new Date(time - (time % HOUR_MS)).toISOString();
}

/** Never a user id or email; the name only when the viewer is entitled to it. */
export function attribute(person: PersonRecord, viewer: Viewer): Attribution {
  const attribution: Attribution = {
    label: `${person.groupName} ${person.role}`,
    group: { id: person.groupId, name: person.groupName },
    isYou: person.userId === viewer.userId,
  };
  if (maySeeNames(viewer)) attribution.name = person.name;
  return attribution;
}

export function presentComment(record: CommentRecord, viewer: Viewer): Comment {
  const isOwn = record.author.userId === viewer.userId;
  const isDeleted = record.deletedAt !== null;
  const counts = new Map<string, { groupId: string; groupName: string; count: number }>();
  for (const endorsement of record.endorsements) {
    const entry = counts.get(endorsement.groupId) ?? {
      groupId: endorsement.groupId,
      groupName: endorsement.groupName,
      count: 0,
    };
    entry.count += 1;
    counts.set(endorsement.groupId, entry);
  }
  return {
    id: record.id,
    threadId: record.threadId,
    author: attribute(record.author, viewer),
    body: isDeleted ? null : record.body,
    isDeleted,
    isEdited: record.editedAt !== null,
    createdAt: timeFor(record.createdAt, viewer, isOwn),
    editedAt: record.editedAt === null ? null : timeFor(record.editedAt, viewer, isOwn),
    endorsements: [...counts.values()].sort((a, b) => a.groupName.localeCompare(b.groupName)),
    endorsementTotal: record.endorsements.length,
    isEndorsedByYou: record.endorsements.some((endorsement) => endorsement.userId === viewer.userId),
  };
}

/** One thread for one viewer; the same function serves REST answers and live events. */
export function presentThread(record: ThreadRecord, viewer: Viewer): Thread {
  const opener = record.comments[0]!.author;
  const resolution = record.resolution;
  return {
    id: record.id,
    consultationId: record.consultationId,
    questionId: record.questionId,
    anchor: record.anchor && { ...record.anchor, isPassageRemoved: record.isPassageRemoved },
    status: record.status,
    resolution: resolution && {
      outcome: resolution.outcome,
      note: resolution.note,
      resolver: attribute(resolution.resolver, viewer),
      resolvedAt: timeFor(resolution.resolvedAt, viewer, resolution.resolver.userId === viewer.userId),
    },
    author: attribute(opener, viewer),
    createdAt: timeFor(record.createdAt, viewer, opener.userId === viewer.userId),
    comments: record.comments.map((comment) => presentComment(comment, viewer)),
  };
}
