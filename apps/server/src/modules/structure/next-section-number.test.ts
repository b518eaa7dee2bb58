import { describe, expect, it } from 'vitest';
import { nextSectionNumber } from './sections.service.js';

describe('nextSectionNumber', () => {
  it('starts at 1', () => {
    expect(nextSectionNumber([])).toBe('1');
  });

  it('follows the highest whole number, ignoring sub-numbers and letters', () => {
    expect(nextSectionNumber([{ number: '1' }, { number: '3' }, { number: '3.2' }, { number: 'A' }])).toBe(
      '4',
    );
    expect(nextSectionNumber([{ number: '2.1' }, { number: 'B' }])).toBe('1');
  });
});
