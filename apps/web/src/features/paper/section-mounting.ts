import * as Y from 'yjs';

/**
 * A section's editor mounts once the section comes within a screen of the viewport, and may
 * unmount once it is more than three screens away: the gap between the two keeps a section that
 * hovers near one edge from mounting and unmounting as the reader scrolls back and forth.
 */
const NEAR_SCREENS = 1;
const KEEP_SCREENS = 3;
/** The same distances as IntersectionObserver margins. */
export const NEAR_VIEWPORT_MARGIN = `${NEAR_SCREENS * 100}% 0px`;
export const KEEP_MOUNTED_MARGIN = `${KEEP_SCREENS * 100}% 0px`;

/**
 * Where a section's box (relative to the viewport, in px) stands as the observers would report
 * it: for the first layout, before they have.
 */
export function viewportPosition(box: { top: number; bottom: number }, viewportHeight: number) {
  const within = (screens: number) =>
    box.bottom >= -screens * viewportHeight && box.top <= (1 + screens) * viewportHeight;
  return { isNear: within(NEAR_SCREENS), isKept: within(KEEP_SCREENS) };
}

export interface SectionMountInput {
  isMounted: boolean;
  /** Within NEAR_VIEWPORT_MARGIN of the viewport. */
  isNear: boolean;
  /** Within KEEP_MOUNTED_MARGIN of the viewport. */
  isKept: boolean;
  /** Holds focus, a comment being written, or the target of a link: it stays whatever the scroll. */
  isPinned: boolean;
}

/** Whether a section's editor and margin should be mounted now. */
export function shouldMountSection({ isMounted, isNear, isKept, isPinned }: SectionMountInput): boolean {
  return isPinned || isNear || (isMounted && isKept);
}

/** Characters of text in each top-level block of a section (paragraph, heading, list, table). */
export function blockLengths(fragment: Y.XmlFragment): number[] {
  const length = (node: Y.XmlElement | Y.XmlText | Y.XmlHook): number =>
    node instanceof Y.XmlText
      ? node.length
      : node instanceof Y.XmlElement
        ? node.toArray().reduce((sum, child) => sum + length(child), 0)
        : 0;
  return fragment.toArray().map(length);
}

/** The section text's typography, from paper.css and Radix Themes' scale, in px. */
const LINE_HEIGHT = 16 * 1.6;
/** Average advance of a character of running text in the paper's font, word wrapping included, in px. */
const CHARACTER_WIDTH = 8.2;
/** Space a paragraph's margin adds below it. */
const BLOCK_GAP = 16;
/** The text box's padding and border, around the text and beside it. */
const BOX_BLOCK = 2 * 8 + 2;
const BOX_INLINE = 2 * 12 + 2;
const MIN_TEXT_HEIGHT = 64;
/** A thread card and a guiding question in the margin, with the gap after them. */
const CARD_HEIGHT = 150;
const QUESTION_HEIGHT = 60;

export interface SectionSize {
  blockLengths: readonly number[];
  /** Width of the text column, in px. */
  width: number;
  threads: number;
  questions: number;
}

/**
 * The height a section's text and margin will take once mounted, in px, from the length of its
 * blocks and the column's width: close enough that the page's height and its scroll bar barely
 * move as sections mount.
 */
export function estimateSectionHeight({ blockLengths, width, threads, questions }: SectionSize): number {
  const perLine = Math.max(1, Math.floor((width - BOX_INLINE) / CHARACTER_WIDTH));
  const lines = blockLengths.reduce((sum, length) => sum + Math.max(1, Math.ceil(length / perLine)), 0);
  const text = Math.max(MIN_TEXT_HEIGHT, lines * LINE_HEIGHT + blockLengths.length * BLOCK_GAP + BOX_BLOCK);
  const margin = threads * CARD_HEIGHT + questions * QUESTION_HEIGHT;
  return Math.round(Math.max(text, margin));
}

/** Where a link into the paper points: a section, or a thread and the section it is anchored in. */
export interface PaperTarget {
  sectionId: string;
  threadId: string | null;
}

/**
 * The target of the address's fragment: `#section-<id>` for a section, `#thread-<id>` for an
 * anchored thread; null when it names neither, or a thread not known (yet) or not anchored.
 */
export function paperTarget(
  hash: string,
  sectionIds: readonly string[],
  threads: ReadonlyArray<{ id: string; anchor: { sectionId: string } | null }>,
): PaperTarget | null {
  const [, kind, id] = /^#(section|thread)-(.+)$/.exec(hash) ?? [];
  if (kind === 'section') return id && sectionIds.includes(id) ? { sectionId: id, threadId: null } : null;
  const sectionId = threads.find((thread) => thread.id === id)?.anchor?.sectionId;
  return id && sectionId && sectionIds.includes(sectionId) ? { sectionId, threadId: id } : null;
}
