import { describe, expect, it } from 'vitest';
import {
  AwarenessTooLargeError,
  decodeAwarenessUpdate,
  encodeAwarenessUpdate,
  leastUsedColour,
  PRESENCE_COLOURS,
  sanitizeAwarenessState,
} from './awareness-states.js';

const cursor = {
  anchor: { type: { client: 1, clock: 2 }, tname: null, item: { client: 1, clock: 5 }, assoc: 0 },
  head: { type: null, tname: 'section:x', item: null, assoc: -1 },
};

describe('awareness states', () => {
  it('round-trips the y-protocols wire format', () => {
    const entries = [
      { clientId: 42, clock: 3, state: { cursor: null } },
      { clientId: 7, clock: 1, state: null },
    ];
    expect(decodeAwarenessUpdate(encodeAwarenessUpdate(entries), 1000)).toEqual(entries);
  });

  it('refuses oversized states, trailing bytes and non-object states', () => {
    const big = encodeAwarenessUpdate([{ clientId: 1, clock: 1, state: { pad: 'x'.repeat(5000) } }]);
    expect(() => decodeAwarenessUpdate(big, 4096)).toThrow(AwarenessTooLargeError);
    const trailing = new Uint8Array([...encodeAwarenessUpdate([]), 9]);
    expect(() => decodeAwarenessUpdate(trailing, 4096)).toThrow();
    const array = encodeAwarenessUpdate([{ clientId: 1, clock: 1, state: [1] as never }]);
    expect(() => decodeAwarenessUpdate(array, 4096)).toThrow();
  });

  it('drops identity claims and anything that is not a well-formed cursor', () => {
    const section = 'cursor:6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f';
    const clean = sanitizeAwarenessState({
      user: { name: 'Somebody Else', id: 'u1' },
      cursor,
      [section]: null,
      'cursor:not-a-uuid': cursor,
      script: '<img onerror=alert(1)>',
      bad: { anchor: { evil: true }, head: {} },
    });
    expect(clean).toEqual({ cursor, [section]: null });
    expect(sanitizeAwarenessState({ cursor: { anchor: { type: 'x' }, head: cursor.head } })).toEqual({});
    expect(sanitizeAwarenessState(null)).toBeNull();
  });
});

describe('leastUsedColour', () => {
  it('hands out every colour once before any twice, in palette order', () => {
    const handed: string[] = [];
    for (let i = 0; i < PRESENCE_COLOURS.length; i++) handed.push(leastUsedColour(handed));
    expect(handed).toEqual([...PRESENCE_COLOURS]);
    expect(leastUsedColour([...handed, PRESENCE_COLOURS[0]!])).toBe(PRESENCE_COLOURS[1]);
  });
});
