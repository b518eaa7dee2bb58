import { describe, expect, it } from 'vitest';
import { ANY_FILTER, filtersFromSearch, groupFilterChoices, withFilter } from './thread-filters';
import { consultation, id } from './test-consultation';

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

  it('applies a view’s default status unless the address names one, or says any', () => {
    expect(filtersFromSearch(new URLSearchParams(), consultation, 'open')).toEqual({ status: 'open' });
    expect(filtersFromSearch(new URLSearchParams({ status: 'resolved' }), consultation, 'open')).toEqual({
      status: 'resolved',
    });
    expect(filtersFromSearch(new URLSearchParams({ status: ANY_FILTER }), consultation, 'open')).toEqual({});
  });

  it('offers a viewer without names only the named groups and the pool, as the server filters', () => {
    expect(groupFilterChoices(consultation).map((choice) => choice.key)).toEqual([id(30), 'other']);
    expect(filtersFromSearch(new URLSearchParams({ group: id(31) }), consultation)).toEqual({});
    expect(filtersFromSearch(new URLSearchParams({ group: 'other' }), consultation)).toEqual({
      groupId: 'other',
    });
    const editor = { ...consultation, role: 'editor' as const };
    expect(groupFilterChoices(editor).map((choice) => choice.key)).toEqual([id(30), id(31), id(32), 'other']);
  });

  it('sets and clears one filter without touching the others', () => {
    const search = withFilter(new URLSearchParams({ status: 'open' }), 'group', id(30));
    expect(search.toString()).toBe(`status=open&group=${id(30)}`);
    expect(withFilter(search, 'status', '').toString()).toBe(`group=${id(30)}`);
  });
});
