import { describe, expect, it } from 'vitest';
import {
  isSuggestionId,
  markNameOfKey,
  suggestionKindOfKey,
  suggestionOfAttribute,
  suggestionsOfAttributes,
} from './suggestions.js';

const ID = 'q3Jx0_vB-2c9ZkLmN4pQrA';

describe('suggestion marks in the Yjs document', () => {
  it('reads the kind from plain and hashed format-attribute keys, as y-prosemirror does', () => {
    expect(suggestionKindOfKey('insertion')).toBe('insertion');
    expect(suggestionKindOfKey('deletion')).toBe('deletion');
    expect(suggestionKindOfKey('modification--a1B2+/9=')).toBe('modification');
    expect(suggestionKindOfKey('insertion--AbCd1234')).toBe('insertion');
    expect(markNameOfKey('threadPassage--AbCd1234')).toBe('threadPassage');
    for (const other of ['bold', 'link', 'insertions', 'insertion--short', 'modification-'])
      expect(suggestionKindOfKey(other)).toBeNull();
  });

  it('takes only 22-character base64url ids', () => {
    expect(isSuggestionId(ID)).toBe(true);
    for (const bad of [1, '1', `${ID}x`, 'q3Jx0_vB-2c9ZkLmN4pQr=', null])
      expect(isSuggestionId(bad)).toBe(false);
  });

  it('gives the kind and id of a suggestion attribute, and flags one without a well-formed id', () => {
    expect(suggestionOfAttribute('insertion', { id: ID })).toEqual({ kind: 'insertion', id: ID });
    expect(suggestionOfAttribute('bold', {})).toBeNull();
    expect(suggestionOfAttribute('deletion', { id: 7 })).toBe('invalid');
    expect(suggestionOfAttribute('deletion', null)).toBe('invalid');
  });

  it('lists the suggestions of a text run', () => {
    expect(suggestionsOfAttributes({ bold: {}, deletion: { id: ID } })).toEqual([
      { kind: 'deletion', id: ID },
    ]);
    expect(suggestionsOfAttributes(undefined)).toEqual([]);
  });
});
