import type { TextChange } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import { compareSections, diffText } from './text-diff.js';

const spell = (changes: TextChange[], side: 'from' | 'to') =>
  changes
    .filter((change) => change.kind === 'same' || change.kind === (side === 'from' ? 'removed' : 'added'))
    .map((change) => change.text)
    .join('');

describe('diffText', () => {
  it('shows exactly the words that changed', () => {
    expect(
      diffText('States should adopt a smart mix.', 'States must adopt a smart mix of measures.'),
    ).toEqual([
      { kind: 'same', text: 'States ' },
      { kind: 'removed', text: 'should' },
      { kind: 'added', text: 'must' },
      { kind: 'same', text: ' adopt a smart mix' },
      { kind: 'added', text: ' of measures' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('spells both texts back exactly, line breaks and spacing included', () => {
    const from = 'Scoping\nRegulatory  gap analysis\n\nProcess';
    const to = 'Scoping step\nRegulatory gap analysis\nDesign';
    const changes = diffText(from, to);
    expect(spell(changes, 'from')).toBe(from);
    expect(spell(changes, 'to')).toBe(to);
    for (const [index, change] of changes.entries()) {
      expect(change.text).not.toBe('');
      expect(change.kind).not.toBe(changes[index + 1]?.kind);
    }
  });

  it('gives one stretch for equal, new and emptied texts, and none for two empty ones', () => {
    expect(diffText('Same words.', 'Same words.')).toEqual([{ kind: 'same', text: 'Same words.' }]);
    expect(diffText('', 'New text')).toEqual([{ kind: 'added', text: 'New text' }]);
    expect(diffText('Old text', '')).toEqual([{ kind: 'removed', text: 'Old text' }]);
    expect(diffText('', '')).toEqual([]);
  });
});

describe('compareSections', () => {
  const section = (sectionId: string, text: string, title = `Title ${sectionId}`) => ({
    sectionId,
    number: sectionId,
    title,
    text,
  });

  it('orders by the newer side, then lists sections only the older side had', () => {
    const result = compareSections(
      [section('a', 'Alpha'), section('b', 'Beta'), section('gone', 'Old')],
      [section('b', 'Beta changed'), section('a', 'Alpha', 'Renamed'), section('new', 'Fresh')],
    );
    expect(result.map(({ sectionId, title, status }) => ({ sectionId, title, status }))).toEqual([
      { sectionId: 'b', title: 'Title b', status: 'changed' },
      { sectionId: 'a', title: 'Renamed', status: 'unchanged' },
      { sectionId: 'new', title: 'Title new', status: 'added' },
      { sectionId: 'gone', title: 'Title gone', status: 'removed' },
    ]);
    expect(result[0]!.changes).toEqual([
      { kind: 'same', text: 'Beta' },
      { kind: 'added', text: ' changed' },
    ]);
    expect(result[2]!.changes).toEqual([{ kind: 'added', text: 'Fresh' }]);
    expect(result[3]!.changes).toEqual([{ kind: 'removed', text: 'Old' }]);
  });
});
