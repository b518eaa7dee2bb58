import { describe, expect, it } from 'vitest';
import { commentRefusal, threadRefusal } from './input-rules.js';
import { PERMISSIONS } from './permissions.js';

const facts = { isYours: true, isDeleted: false, isModerated: false };

describe('input rules', () => {
  it('refuses with the code the server answers', () => {
    expect(commentRefusal('comments.edit', { ...facts, isYours: false })?.code).toBe('FORBIDDEN');
    expect(commentRefusal('comments.edit', { ...facts, isDeleted: true })?.code).toBe('NOT_FOUND');
    expect(commentRefusal('comments.edit', { ...facts, isModerated: true })?.code).toBe('COMMENT_MODERATED');
    expect(commentRefusal('comments.delete', { ...facts, isYours: false })?.code).toBe('FORBIDDEN');
    expect(commentRefusal('comments.endorse', facts)?.code).toBe('SELF_ENDORSEMENT');
    expect(commentRefusal('comments.endorse', { ...facts, isYours: false, isDeleted: true })?.code).toBe(
      'NOT_FOUND',
    );
    expect(threadRefusal('threads.reply', { status: 'resolved' })?.code).toBe('THREAD_RESOLVED');
    expect(threadRefusal('threads.resolve', { status: 'resolved' })?.code).toBe('THREAD_STATUS');
    expect(threadRefusal('threads.reopen', { status: 'open' })?.code).toBe('THREAD_STATUS');
  });

  it('allows what the data does not forbid', () => {
    expect(commentRefusal('comments.edit', facts)).toBeNull();
    expect(commentRefusal('comments.delete', { ...facts, isModerated: true })).toBeNull();
    expect(commentRefusal('comments.endorse', { ...facts, isYours: false, isModerated: true })).toBeNull();
    expect(threadRefusal('threads.reply', { status: 'open' })).toBeNull();
    expect(threadRefusal('threads.reopen', { status: 'resolved' })).toBeNull();
  });

  it('lets replying and changing one’s comments follow the posting rules of the table', () => {
    for (const action of ['threads.reply', 'comments.edit', 'comments.delete'] as const) {
      expect(PERMISSIONS[action]).toEqual(PERMISSIONS['threads.create']);
    }
    expect(PERMISSIONS['threads.reopen']).toEqual(PERMISSIONS['threads.resolve']);
  });
});
