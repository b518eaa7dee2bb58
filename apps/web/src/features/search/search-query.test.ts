import { describe, expect, it } from 'vitest';
import { searchFromAddress, withSearch } from './search-query';

describe('the search in the address', () => {
  it('reads the query trimmed, and none when empty', () => {
    expect(searchFromAddress(new URLSearchParams('q=%20audit%20'))).toBe('audit');
    expect(searchFromAddress(new URLSearchParams('q=%20'))).toBeUndefined();
    expect(searchFromAddress(new URLSearchParams('status=open'))).toBeUndefined();
  });

  it('keeps the filters when the query changes, and drops an emptied query', () => {
    const search = new URLSearchParams('status=open&q=old');
    expect(withSearch(search, ' 人权 ').toString()).toBe('status=open&q=%E4%BA%BA%E6%9D%83');
    expect(withSearch(search, '  ').toString()).toBe('status=open');
  });
});
