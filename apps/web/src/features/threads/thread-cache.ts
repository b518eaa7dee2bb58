import {
  type Attribution,
  type Comment,
  POOLED_GROUPS_FILTER,
  type Thread,
  type ThreadListQuery,
} from '@cw/shared';

/** Whether a comment is shown under the label a `groupId` filter asks for (as the server judges). */
const isShownUnder = (author: Attribution, groupId: string) =>
  groupId === POOLED_GROUPS_FILTER ? author.scope === 'pool' : author.group?.id === groupId;

/** Whether a thread belongs in a list fetched with these filters, judged as the server does. */
export function matchesFilters(thread: Thread, filters: ThreadListQuery): boolean {
  if (filters.status && thread.status !== filters.status) return false;
  if (filters.questionId === 'general' && thread.questionId !== null) return false;
  if (filters.questionId && filters.questionId !== 'general' && thread.questionId !== filters.questionId)
    return false;
  if (filters.sectionId && thread.anchor?.sectionId !== filters.sectionId) return false;
  const { groupId } = filters;
  if (groupId && !thread.comments.some((posted) => !posted.isDeleted && isShownUnder(posted.author, groupId)))
    return false;
  return true;
}

/**
 * A list with `fresh` in place of its earlier copy: replaced where it was, appended when new (the
 * newest thread comes last in an oldest-first list), dropped when it no longer fits the filters.
 */
export function upsertThread(threads: readonly Thread[], fresh: Thread, filters: ThreadListQuery): Thread[] {
  const fits = matchesFilters(fresh, filters);
  const index = threads.findIndex((candidate) => candidate.id === fresh.id);
  if (index === -1) return fits ? [...threads, fresh] : [...threads];
  if (!fits) return threads.filter((candidate) => candidate.id !== fresh.id);
  return threads.map((candidate) => (candidate.id === fresh.id ? fresh : candidate));
}

/** The thread with one of its comments replaced, e.g. after an edit or an endorsement. */
export function withComment(thread: Thread, fresh: Comment): Thread {
  return {
    ...thread,
    comments: thread.comments.map((candidate) => (candidate.id === fresh.id ? fresh : candidate)),
  };
}
