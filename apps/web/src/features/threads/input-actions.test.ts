import type { Action, Comment } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import { mayOnComment, mayOnThread } from './input-actions';

const member = (...allowedActions: Action[]) => ({ allowedActions });
const reviewer = member('threads.reply', 'comments.edit', 'comments.delete', 'comments.endorse');
const comment = (change: { isYou?: boolean; isDeleted?: boolean; moderated?: boolean } = {}) =>
  ({
    author: { isYou: change.isYou ?? false },
    isDeleted: change.isDeleted ?? false,
    moderation: change.moderated ? { state: 'hidden', reason: null } : null,
  }) as unknown as Comment;

describe('what a member may do to a comment', () => {
  it('lets only the author edit or delete, and nobody endorse their own', () => {
    expect(mayOnComment(reviewer, 'comments.edit', comment({ isYou: true }))).toBe(true);
    expect(mayOnComment(reviewer, 'comments.delete', comment({ isYou: true }))).toBe(true);
    expect(mayOnComment(reviewer, 'comments.endorse', comment({ isYou: true }))).toBe(false);
    expect(mayOnComment(reviewer, 'comments.edit', comment())).toBe(false);
    expect(mayOnComment(reviewer, 'comments.delete', comment())).toBe(false);
    expect(mayOnComment(reviewer, 'comments.endorse', comment())).toBe(true);
  });

  it('keeps a moderated comment as the organisers left it, and a deleted one untouched', () => {
    expect(mayOnComment(reviewer, 'comments.edit', comment({ isYou: true, moderated: true }))).toBe(false);
    expect(mayOnComment(reviewer, 'comments.delete', comment({ isYou: true, moderated: true }))).toBe(true);
    for (const action of ['comments.edit', 'comments.delete', 'comments.endorse'] as const) {
      expect(mayOnComment(reviewer, action, comment({ isYou: true, isDeleted: true }))).toBe(false);
      expect(mayOnComment(reviewer, action, comment({ isDeleted: true }))).toBe(false);
    }
  });

  it('asks the role and phase first: without the action allowed, no comment allows it', () => {
    expect(mayOnComment(member(), 'comments.edit', comment({ isYou: true }))).toBe(false);
    expect(mayOnComment(member('comments.edit'), 'comments.endorse', comment())).toBe(false);
  });
});

describe('what a member may do to a thread', () => {
  it('replies and resolves only open threads, and reopens only resolved ones', () => {
    const editor = member('threads.reply', 'threads.resolve', 'threads.reopen');
    expect(mayOnThread(editor, 'threads.reply', { status: 'open' })).toBe(true);
    expect(mayOnThread(editor, 'threads.reply', { status: 'resolved' })).toBe(false);
    expect(mayOnThread(editor, 'threads.resolve', { status: 'open' })).toBe(true);
    expect(mayOnThread(editor, 'threads.resolve', { status: 'resolved' })).toBe(false);
    expect(mayOnThread(editor, 'threads.reopen', { status: 'resolved' })).toBe(true);
    expect(mayOnThread(editor, 'threads.reopen', { status: 'open' })).toBe(false);
    expect(mayOnThread(reviewer, 'threads.resolve', { status: 'open' })).toBe(false);
  });
});
