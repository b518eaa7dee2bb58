import { sectionFragmentName } from '@cw/shared';
import * as Y from 'yjs';

/** Why an anchor was refused, per field of the request body. */
export interface AnchorProblem {
  field: 'start' | 'end';
  message: string;
}

/**
 * Text offset of every position inside a section: for a text node its first character, for an
 * element or the fragment the offset before each child and after the last. Only characters
 * count, so a range spanning nothing but node boundaries is empty.
 */
function textOffsets(fragment: Y.XmlFragment): Map<unknown, number[]> {
  const offsets = new Map<unknown, number[]>();
  let count = 0;
  const visit = (node: Y.XmlFragment | Y.XmlElement | Y.XmlText | Y.XmlHook) => {
    if (node instanceof Y.XmlText) {
      offsets.set(node, [count]);
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
  return offsets;
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

/**
 * Checks a new anchor against the current paper: both positions decode, resolve inside the
 * section's fragment, and span at least one character in order. Empty when all is well.
 */
export function checkAnchor(doc: Y.Doc, sectionId: string, start: string, end: string): AnchorProblem[] {
  const fragmentName = sectionFragmentName(sectionId);
  const offsets = textOffsets(doc.getXmlFragment(fragmentName));
  const from = resolve(doc, fragmentName, offsets, start);
  const to = resolve(doc, fragmentName, offsets, end);
  const problems: AnchorProblem[] = [];
  if ('problem' in from) problems.push({ field: 'start', message: from.problem });
  if ('problem' in to) problems.push({ field: 'end', message: to.problem });
  if (problems.length === 0 && 'offset' in from && 'offset' in to && to.offset <= from.offset)
    problems.push({ field: 'end', message: 'must come after the start, with text between them' });
  return problems;
}

/** Whether an anchored passage has lost its text (its positions no longer span any character). */
export function isPassageRemoved(doc: Y.Doc, sectionId: string, start: string, end: string): boolean {
  return checkAnchor(doc, sectionId, start, end).length > 0;
}

/** A Yjs document holding the given state, for reading positions without touching the live paper. */
export function paperFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
