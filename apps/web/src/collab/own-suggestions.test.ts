// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { forgetOwnSuggestions, OwnSuggestions } from './own-suggestions';

afterEach(() => localStorage.clear());

describe('own suggestions', () => {
  it('are kept per account and consultation across page loads, and forgotten at sign-out', () => {
    new OwnSuggestions('user-1', 'consultation-1').add('id-a');
    new OwnSuggestions('user-2', 'consultation-1').add('id-b');

    const again = new OwnSuggestions('user-1', 'consultation-1');
    expect(again.has('id-a')).toBe(true);
    expect(again.has('id-b')).toBe(false);
    expect(new OwnSuggestions('user-1', 'consultation-2').has('id-a')).toBe(false);

    forgetOwnSuggestions('user-1');
    expect(new OwnSuggestions('user-1', 'consultation-1').has('id-a')).toBe(false);
    expect(new OwnSuggestions('user-2', 'consultation-1').has('id-b')).toBe(true);
  });

  it('take in the ids the server says are the account’s, kept with the others', () => {
    const own = new OwnSuggestions('user-1', 'consultation-1');
    own.add('id-a');
    let told = 0;
    own.subscribe(() => (told += 1));
    own.addAll(['id-b', 'id-a']);
    own.addAll(['id-b']);
    expect(told).toBe(1);
    expect(new OwnSuggestions('user-1', 'consultation-1').has('id-b')).toBe(true);
    expect(new OwnSuggestions('user-1', 'consultation-1').has('id-a')).toBe(true);
  });

  it('read a damaged entry as none', () => {
    localStorage.setItem('cw-suggestions:user-1:consultation-1', '{not json');
    expect(new OwnSuggestions('user-1', 'consultation-1').has('x')).toBe(false);
  });
});
