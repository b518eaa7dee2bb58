import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { associated } from './thread-passages';

/** A text "States must protect rights." with a passage over "must", its ends as y-tiptap makes them. */
function passage() {
  const doc = new Y.Doc();
  const text = doc.getText('section');
  text.insert(0, 'States must protect rights.');
  const leftOf = (index: number) => Y.createRelativePositionFromTypeIndex(text, index, -1);
  return {
    doc,
    text,
    start: associated(leftOf(7), doc, 0),
    end: associated(leftOf(11), doc, -1),
  };
}

const spanned = (doc: Y.Doc, text: Y.Text, start: Y.RelativePosition, end: Y.RelativePosition) => {
  const from = Y.createAbsolutePositionFromRelativePosition(start, doc)!.index;
  const to = Y.createAbsolutePositionFromRelativePosition(end, doc)!.index;
  return text.toString().slice(from, to);
};

describe('passage anchors', () => {
  it('keep text typed just before or just after the passage outside it', () => {
    const { doc, text, start, end } = passage();
    text.insert(7, 'really ');
    text.insert(18, 'ly');
    expect(spanned(doc, text, start, end)).toBe('must');
  });

  it('take in text typed inside the passage', () => {
    const { doc, text, start, end } = passage();
    text.insert(9, 'X');
    expect(spanned(doc, text, start, end)).toBe('muXst');
  });

  it('span nothing once the passage is deleted, without moving onto a neighbouring character', () => {
    const { doc, text, start, end } = passage();
    text.delete(7, 4);
    expect(spanned(doc, text, start, end)).toBe('');
    expect(Y.createAbsolutePositionFromRelativePosition(start, doc)!.index).toBe(7);
  });

  it('made with the left association at the start, the passage would swallow text typed before it', () => {
    const { doc, text, end } = passage();
    const leftStart = Y.createRelativePositionFromTypeIndex(text, 7, -1);
    text.insert(7, 'really ');
    expect(spanned(doc, text, leftStart, end)).toBe('really must');
  });
});
