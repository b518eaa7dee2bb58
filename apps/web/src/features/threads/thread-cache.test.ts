import type { Thread } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import { matchesFilters, upsertThread } from './thread-cache';

const GROUP = '00000000-0000-4000-8000-000000000001';
const OTHER_GROUP = '00000000-0000-4000-8000-000000000002';
const QUESTION = '00000000-0000-4000-8000-000000000003';
const SECTION = '00000000-0000-4000-8000-000000000004';

function buildThread(id: string, patch: Partial<Thread> = {}): Thread {
  const author = {
    label: 'Company',
    scope: 'group' as const,
    group: { id: GROUP, name: 'Company' },
    isYou: false,
    timePrecision: 'hour' as const,
  };
  return {
    id,
    consultationId: '00000000-0000-4000-8000-000000000009',
    questionId: QUESTION,
    anchor: null,
    suggestionId: null,
    status: 'open',
    resolution: null,
    author,
    createdAt: '2026-01-01T10:00:00.000Z',
    comments: [
      {
        id: `${id.slice(0, -1)}c`,
        threadId: id,
        author,
        body: 'Text',
        isDeleted: false,
        moderation: null,
        isEdited: false,
        createdAt: '2026-01-01T10:00:00.000Z',
        editedAt: null,
        endorsements: [],
        endorsementTotal: 0,
        isEndorsedByYou: false,
      },
    ],
    ...patch,
  };
}

const first = buildThread('10000000-0000-4000-8000-000000000001');
const second = buildThread('10000000-0000-4000-8000-000000000002');

describe('upsertThread', () => {
  it('replaces a thread in place', () => {
    const resolved = { ...first, comments: [] };
    expect(upsertThread([first, second], resolved, {})).toEqual([resolved, second]);
  });

  it('appends a new thread at the end of an oldest-first list', () => {
    expect(upsertThread([first], second, {}).map((thread) => thread.id)).toEqual([first.id, second.id]);
  });

  it('drops a thread that no longer fits the filters and ignores a new one that does not', () => {
    const resolved = { ...first, status: 'resolved' as const };
    expect(upsertThread([first, second], resolved, { status: 'open' })).toEqual([second]);
    expect(upsertThread([second], resolved, { status: 'open' })).toEqual([second]);
  });
});

describe('matchesFilters', () => {
  it('selects general input, sections and groups as the server does', () => {
    expect(matchesFilters(first, { questionId: 'general' })).toBe(false);
    expect(matchesFilters({ ...first, questionId: null }, { questionId: 'general' })).toBe(true);
    expect(matchesFilters(first, { questionId: QUESTION })).toBe(true);
    expect(matchesFilters(first, { sectionId: SECTION })).toBe(false);
    const anchored = {
      ...first,
      anchor: {
        sectionId: SECTION,
        start: 'AAAA',
        end: 'AAAA',
        quote: 'q',
        isPassageRemoved: false,
        isPassageChanged: false,
      },
    };
    expect(matchesFilters(anchored, { sectionId: SECTION })).toBe(true);
    expect(matchesFilters(first, { groupId: GROUP })).toBe(true);
    expect(matchesFilters(first, { groupId: OTHER_GROUP })).toBe(false);
  });
});
