/** One thread card in the margin: where its passage begins, if anywhere, and how tall it is. */
export interface MarginCard {
  /** Offset of the passage's first line from the top of the card list, in px; null when unanchored. */
  passageTop: number | null;
  /** The card's height, in px. */
  height: number;
}

export interface MarginPlacement {
  /** Each card's offset from the top of the card list, in px, in the order given. */
  tops: number[];
  /** Height the list needs to hold every card, in px. */
  height: number;
}

/**
 * Places cards beside their passages: each card starts level with its passage unless the card
 * above still occupies that space, in which case it is pushed just below it. Cards come in
 * passage order; cards without a passage go after the anchored ones, stacked.
 */
export function placeMarginCards(cards: readonly MarginCard[], gap: number): MarginPlacement {
  const tops: number[] = [];
  let nextFree = 0;
  for (const card of cards) {
    const top = Math.max(nextFree, card.passageTop ?? 0);
    tops.push(top);
    nextFree = top + card.height + gap;
  }
  return { tops, height: cards.length === 0 ? 0 : nextFree - gap };
}
