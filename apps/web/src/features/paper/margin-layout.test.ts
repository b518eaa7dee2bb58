import { describe, expect, it } from 'vitest';
import { placeMarginCards } from './margin-layout';

describe('placeMarginCards', () => {
  it('puts each card level with its passage when there is room', () => {
    expect(
      placeMarginCards(
        [
          { passageTop: 10, height: 50 },
          { passageTop: 200, height: 40 },
        ],
        8,
      ),
    ).toEqual({ tops: [10, 200], height: 240 });
  });

  it('pushes a card below the one above when they would overlap', () => {
    expect(
      placeMarginCards(
        [
          { passageTop: 100, height: 80 },
          { passageTop: 120, height: 30 },
        ],
        8,
      ),
    ).toEqual({ tops: [100, 188], height: 218 });
  });

  it('never starts a card above the top of the list', () => {
    expect(placeMarginCards([{ passageTop: -40, height: 20 }], 8).tops).toEqual([0]);
  });

  it('stacks cards without a passage after the anchored ones', () => {
    expect(
      placeMarginCards(
        [
          { passageTop: 300, height: 50 },
          { passageTop: null, height: 20 },
          { passageTop: null, height: 20 },
        ],
        8,
      ),
    ).toEqual({ tops: [300, 358, 386], height: 406 });
  });

  it('needs no room for no cards', () => {
    expect(placeMarginCards([], 8)).toEqual({ tops: [], height: 0 });
  });
});
