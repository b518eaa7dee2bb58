import type { ConsultationDetail, GuidingQuestion } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import { filtersFromSearch, withFilter } from './thread-filters';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const question = (n: number, number: number, sessionId: string | null): GuidingQuestion => ({
  id: id(n),
  number,
  text: `Question ${number}`,
  sectionIds: [],
  sessionId,
});
const session = (n: number, position: number) => ({
  id: id(n),
  title: `Session ${position}`,
  description: '',
  speakers: [],
  startsAt: '2026-01-01T10:00:00.000Z',
  endsAt: '2026-01-01T11:00:00.000Z',
  sectionIds: [],
  position,
});

const consultation = {
  sessions: [session(2, 2), session(1, 1)],
  questions: [question(13, 3, null), question(12, 2, id(1)), question(11, 1, id(2))],
  sections: [{ id: id(20), number: '1', title: 'Scope', position: 0 }],
  groups: [{ id: id(30), name: 'Company', position: 0 }],
} as unknown as ConsultationDetail;

describe('filtersFromSearch', () => {
  it('keeps only filters that name a real status, section or group of the consultation', () => {
    expect(
      filtersFromSearch(
        new URLSearchParams({ status: 'resolved', section: id(20), group: id(30) }),
        consultation,
      ),
    ).toEqual({ status: 'resolved', sectionId: id(20), groupId: id(30) });
    expect(
      filtersFromSearch(new URLSearchParams({ status: 'closed', section: id(99), group: 'x' }), consultation),
    ).toEqual({});
  });

  it('sets and clears one filter without touching the others', () => {
    const search = withFilter(new URLSearchParams({ status: 'open' }), 'group', id(30));
    expect(search.toString()).toBe(`status=open&group=${id(30)}`);
    expect(withFilter(search, 'status', '').toString()).toBe(`group=${id(30)}`);
  });
});
