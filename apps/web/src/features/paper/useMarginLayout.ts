import type { Transaction } from '@tiptap/pm/state';
import type { Editor } from '@tiptap/react';
import { useEffect, type RefObject } from 'react';
import { placeMarginCards } from './margin-layout';
import { passageRanges } from './thread-passages';

/** Below this width the margin sits under the text and cards simply stack (see paper.css). */
const NARROW_SCREEN = '(max-width: 48rem)';
/** Space between two cards pushed against each other, in px (Radix --space-2). */
const CARD_GAP_PX = 8;

interface MarginLayoutTargets {
  editor: Editor | null;
  /** The section's text column: its height changes when the toolbar shows or the text rewraps. */
  text: RefObject<HTMLElement | null>;
  /** The margin column: its height changes when the comment form opens above the cards. */
  margin: RefObject<HTMLElement | null>;
  /** The list of thread cards, one `li[data-thread-id]` per thread, in passage order. */
  list: HTMLElement | null;
}

function stack(list: HTMLElement, items: readonly HTMLElement[]) {
  delete list.dataset.aligned;
  list.style.blockSize = '';
  for (const item of items) item.style.insetBlockStart = '';
}

/**
 * Lines each thread card up with the first line of its passage, pushing a card down when the one
 * above is in the way. Laid out again after every change of the text (passages move with remote
 * edits), on resize and when a card changes height; all reads and writes happen in one animation
 * frame, reads first, so the browser lays the page out once.
 */
export function useMarginLayout({ editor, text, margin, list }: MarginLayoutTargets) {
  useEffect(() => {
    if (!editor || !list) return;
    const narrow = window.matchMedia(NARROW_SCREEN);
    let frame = 0;

    const layout = () => {
      frame = 0;
      const items = [...list.children].filter((child) => child instanceof HTMLElement);
      if (narrow.matches || editor.isDestroyed) {
        stack(list, items);
        return;
      }
      const listTop = list.getBoundingClientRect().top;
      const passageStarts = new Map(passageRanges(editor.state).map((range) => [range.threadId, range.from]));
      const cards = items.map((item) => {
        const from = passageStarts.get(item.dataset.threadId ?? '');
        return {
          passageTop: from === undefined ? null : editor.view.coordsAtPos(from, 1).top - listTop,
          height: item.offsetHeight,
        };
      });
      const placement = placeMarginCards(cards, CARD_GAP_PX);
      list.dataset.aligned = '';
      list.style.blockSize = `${placement.height}px`;
      items.forEach((item, index) => {
        item.style.insetBlockStart = `${placement.tops[index]}px`;
      });
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(layout);
    };

    const resized = new ResizeObserver(schedule);
    const observeCards = (changes: readonly MutationRecord[] = []) => {
      for (const change of changes)
        for (const gone of change.removedNodes) if (gone instanceof Element) resized.unobserve(gone);
      for (const item of list.children) resized.observe(item);
      schedule();
    };
    for (const target of [text.current, margin.current]) if (target) resized.observe(target);
    observeCards();
    const cardsChanged = new MutationObserver(observeCards);
    cardsChanged.observe(list, { childList: true });
    // Only a change of the text moves passages: carets and selections (others' included, many a
    // second while they type) leave the cards where they are.
    const textChanged = ({ transaction }: { transaction: Transaction }) => {
      if (transaction.docChanged) schedule();
    };
    editor.on('transaction', textChanged);
    window.addEventListener('resize', schedule);
    narrow.addEventListener('change', schedule);
    return () => {
      cancelAnimationFrame(frame);
      resized.disconnect();
      cardsChanged.disconnect();
      editor.off('transaction', textChanged);
      window.removeEventListener('resize', schedule);
      narrow.removeEventListener('change', schedule);
      stack(
        list,
        [...list.children].filter((child) => child instanceof HTMLElement),
      );
    };
  }, [editor, text, margin, list]);
}
