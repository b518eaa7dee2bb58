import { type Comment, type EndorsementCount, groupLabel, LABEL_SCOPES, type Thread } from '@cw/shared';
import { attribute, maySeeNameOf, shownScope, timeFor, type Viewer } from '../attribution/index.js';
import type { CommentRecord, EndorsementRecord, ThreadRecord } from './thread-records.js';

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
    anchor: record.anchor && {
      ...record.anchor,
      isPassageRemoved: record.passageState === 'removed',
      isPassageChanged: record.passageState === 'changed',
    },
    suggestionId: record.suggestionId,
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
