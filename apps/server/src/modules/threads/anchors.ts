import { sectionFragmentName, stillQuotes } from '@cw/shared';
import * as Y from 'yjs';

/** Why an anchor was refused, per field of the request body. */
export interface AnchorProblem {
  field: 'start' | 'end';
  message: string;
}

/** A section's characters in order, and the text offset of every position inside it. */
interface SectionLayout {
  /** Plain text of the section's text nodes, without separators between blocks. */
  text: string;
  /**
   * For a text node its first character, for an element or the fragment the offset before each
   * child and after the last. Only characters count, so a range spanning nothing but node
   * boundaries is empty.
   */
  offsets: Map<unknown, number[]>;
}

/** An embedded object counts as one position in Yjs text; it shows as the replacement character. */
const plainText = (node: Y.XmlText): string =>
  (node.toDelta() as Array<{ insert: unknown }>)
    .map((op) => (typeof op.insert === 'string' ? op.insert : '\uFFFC'))
    .join('');

function layout(fragment: Y.XmlFragment): SectionLayout {
  const offsets = new Map<unknown, number[]>();
  const text: string[] = [];
  let count = 0;
  const visit = (node: Y.XmlFragment | Y.XmlElement | Y.XmlText | Y.XmlHook) => {
    if (node instanceof Y.XmlText) {
      offsets.set(node, [count]);
      text.push(plainText(node));
      count += node.length;
      return;
    }
    if (node instanceof Y.XmlHook) return;
    const starts: number[] = [];
    for (const child of node.toArray()) {
      starts.push(count);
      visit(child);
    }
    starts.push(count);
    offsets.set(node, starts);
  };
  visit(fragment);
  return { text: text.join(''), offsets };
}

type Resolved = { offset: number } | { problem: string };

/** Decodes one base64 relative position and finds its text offset inside the section. */
function resolve(
  doc: Y.Doc,
  fragmentName: string,
  offsets: Map<unknown, number[]>,
  encoded: string,
): Resolved {
  let position: Y.RelativePosition;
  try {
    position = Y.decodeRelativePosition(Buffer.from(encoded, 'base64'));
  } catch {
    return { problem: 'is not a valid relative position' };
  }
  // A root name other than the section's would make Yjs create that root type: refuse it first.
  if (position.tname !== null && position.tname !== fragmentName)
    return { problem: 'is not inside the section' };
  if (position.item === null && position.type === null && position.tname === null)
    return { problem: 'is not a valid relative position' };
  let absolute: Y.AbsolutePosition | null;
  try {
    absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  } catch {
    return { problem: 'does not resolve in the current paper' };
  }
  if (!absolute) return { problem: 'does not resolve in the current paper' };
  const entry = offsets.get(absolute.type);
  if (!entry) return { problem: 'is not inside the section' };
  const offset = absolute.type instanceof Y.XmlText ? entry[0]! + absolute.index : entry[absolute.index];
  if (offset === undefined) return { problem: 'is out of range' };
  return { offset };
}

type Span = { from: number; to: number } | { problems: AnchorProblem[] };

function span(doc: Y.Doc, sectionId: string, start: string, end: string, section: SectionLayout): Span {
  const fragmentName = sectionFragmentName(sectionId);
  const from = resolve(doc, fragmentName, section.offsets, start);
  const to = resolve(doc, fragmentName, section.offsets, end);
  const problems: AnchorProblem[] = [];
  if ('problem' in from) problems.push({ field: 'start', message: from.problem });
  if ('problem' in to) problems.push({ field: 'end', message: to.problem });
  if (problems.length === 0 && 'offset' in from && 'offset' in to && to.offset <= from.offset)
    problems.push({ field: 'end', message: 'must come after the start, with text between them' });
  return 'offset' in from && 'offset' in to && problems.length === 0
    ? { from: from.offset, to: to.offset }
    : { problems };
}

/**
 * Checks a new anchor against the current paper: both positions decode, resolve inside the
 * section's fragment, and span at least one character in order. Empty when all is well.
 */
export function checkAnchor(doc: Y.Doc, sectionId: string, start: string, end: string): AnchorProblem[] {
  const result = span(doc, sectionId, start, end, layout(doc.getXmlFragment(sectionFragmentName(sectionId))));
  return 'problems' in result ? result.problems : [];
}

/** What became of an anchored passage since the thread quoted it. */
export type PassageState = 'intact' | 'changed' | 'removed';

/**
 * `removed` when the positions no longer span any character; `changed` when the text between
 * them is no longer the quote (the shared rule); a thread without a quote is never `changed`.
 */
export function passageState(
  doc: Y.Doc,
  anchor: { sectionId: string; start: string; end: string; quote: string },
): PassageState {
  const section = layout(doc.getXmlFragment(sectionFragmentName(anchor.sectionId)));
  const result = span(doc, anchor.sectionId, anchor.start, anchor.end, section);
  if ('problems' in result) return 'removed';
  if (anchor.quote === '') return 'intact';
  return stillQuotes(section.text.slice(result.from, result.to), anchor.quote) ? 'intact' : 'changed';
}

/** A Yjs document holding the given state, for reading positions without touching the live paper. */
export function paperFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
