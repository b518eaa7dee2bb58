import type { Thread } from '@cw/shared';

/** Element ids of a thread's parts, the targets the focus moves to after an action. */
export const threadCardId = (threadId: string) => `thread-card-${threadId}`;
export const commentId = (id: string) => `comment-${id}`;
export const resolutionId = (threadId: string) => `thread-resolution-${threadId}`;
/** What a thread list says when no thread is left in it. */
export const EMPTY_THREADS_ID = 'threads-empty';

/** The comment an answer added: the one of `after` not in `before`, or else its last. */
export function addedComment(before: Pick<Thread, 'comments'> | null, after: Thread): string | null {
  const known = new Set(before?.comments.map((comment) => comment.id));
  const added = after.comments.find((comment) => !known.has(comment.id)) ?? after.comments.at(-1);
  return added?.id ?? null;
}

/** The open thread shown after this card on the page, or else the one before it. */
export function neighbourOpenThread(card: HTMLElement | null): string | null {
  const open = [...document.querySelectorAll<HTMLElement>('article[data-thread-status="open"]')];
  const at = card ? open.indexOf(card) : -1;
  const others = at === -1 ? open : [...open.slice(at + 1), ...open.slice(0, at).reverse()];
  return others[0]?.id ?? null;
}
