import { QUOTE_MAX_LENGTH, sectionFragmentName } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkAnchor, passageState } from './anchors.js';

const SECTION = '0b6f6a4e-3c57-4e5b-9a57-0d4f8e1c2b3a';
const OTHER = '7d9c1b2a-4e3f-4a5b-8c6d-1e2f3a4b5c6d';

function paper(): { doc: Y.Doc; text: Y.XmlText; other: Y.XmlText } {
  const doc = new Y.Doc();
  const paragraph = (value: string) => {
    const element = new Y.XmlElement('paragraph');
    element.insert(0, [new Y.XmlText(value)]);
    return element;
  };
  doc.getXmlFragment(sectionFragmentName(SECTION)).insert(0, [paragraph('States must protect rights.')]);
  doc.getXmlFragment(sectionFragmentName(OTHER)).insert(0, [paragraph('Elsewhere.')]);
  const text = (doc.getXmlFragment(sectionFragmentName(SECTION)).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const other = (doc.getXmlFragment(sectionFragmentName(OTHER)).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  return { doc, text, other };
}

const encode = (type: Y.AbstractType<any>, index: number, assoc = 0) =>
  Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(type, index, assoc))).toString(
    'base64',
  );

describe('anchors', () => {
  it('accepts a passage inside the section and follows it through edits', () => {
    const { doc, text } = paper();
    const start = encode(text, 7);
    const end = encode(text, 14, -1);
    expect(checkAnchor(doc, SECTION, start, end)).toEqual([]);
    text.insert(0, 'All ');
    text.insert(4 + 14, 'ly');
    expect(passageState(doc, { sectionId: SECTION, start, end, quote: 'must pr' })).toBe('intact');
  });

  it('says the passage changed when the text between its ends is no longer the quote', () => {
    const { doc, text } = paper();
    const anchor = {
      sectionId: SECTION,
      start: encode(text, 7),
      end: encode(text, 14, -1),
      quote: 'must pr',
    };
    text.insert(11, 'XYZ');
    expect(passageState(doc, anchor)).toBe('changed');
    text.delete(11, 3);
    expect(passageState(doc, anchor)).toBe('intact');
    expect(passageState(doc, { ...anchor, quote: '' })).toBe('intact');
  });

  it('compares quotes across blocks without their line breaks, and a cut quote as a prefix', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(sectionFragmentName(SECTION));
    const long = 'x'.repeat(QUOTE_MAX_LENGTH + 20);
    fragment.insert(
      0,
      ['First block.', `${long}`].map((value) => {
        const element = new Y.XmlElement('paragraph');
        element.insert(0, [new Y.XmlText(value)]);
        return element;
      }),
    );
    const first = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const second = (fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText;
    const across = {
      sectionId: SECTION,
      start: encode(first, 6),
      end: encode(second, 3, -1),
      quote: 'block.\nxxx',
    };
    expect(passageState(doc, across)).toBe('intact');
    const cut = {
      sectionId: SECTION,
      start: encode(second, 0),
      end: encode(second, long.length, -1),
      quote: long.slice(0, QUOTE_MAX_LENGTH),
    };
    expect(passageState(doc, cut)).toBe('intact');
    second.insert(QUOTE_MAX_LENGTH - 1, 'y');
    expect(passageState(doc, cut)).toBe('changed');
  });

  it('reports the passage removed once its text is deleted', () => {
    const { doc, text } = paper();
    const start = encode(text, 7);
    const end = encode(text, 14, -1);
    text.delete(5, 12);
    expect(passageState(doc, { sectionId: SECTION, start, end, quote: 'must pr' })).toBe('removed');
  });

  it('refuses garbage, other sections, unknown items and reversed ranges', () => {
    const { doc, text, other } = paper();
    const valid = encode(text, 3);
    expect(checkAnchor(doc, SECTION, 'AAAA', valid)).toEqual([
      { field: 'start', message: expect.any(String) },
    ]);
    expect(checkAnchor(doc, SECTION, encode(other, 1), valid)[0]).toEqual({
      field: 'start',
      message: 'is not inside the section',
    });
    const foreign = new Y.Doc();
    const unknown = encode(foreign.getText('section:x'), 0);
    expect(checkAnchor(doc, SECTION, valid, unknown)[0]?.field).toBe('end');
    expect(checkAnchor(doc, SECTION, encode(text, 9), encode(text, 2))).toEqual([
      { field: 'end', message: 'must come after the start, with text between them' },
    ]);
    expect(checkAnchor(doc, SECTION, valid, valid)[0]?.field).toBe('end');
    expect(doc.share.has('section:x')).toBe(false);
  });

  it('converges: clients editing around and inside a passage concurrently agree on what it spans', () => {
    const { doc: origin, text } = paper();
    const start = encode(text, 7);
    const end = encode(text, 14, -1);
    const clients = [0, 1, 2].map(() => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(origin));
      return doc;
    });
    const textOf = (doc: Y.Doc) =>
      (doc.getXmlFragment(sectionFragmentName(SECTION)).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    textOf(clients[0]!).insert(0, 'All ');
    textOf(clients[1]!).insert(10, 'XYZ');
    textOf(clients[2]!).insert(20, ' (and more)');
    for (const from of clients)
      for (const to of clients) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
    const spans = clients.map((doc) => {
      const from = Y.createAbsolutePositionFromRelativePosition(
        Y.decodeRelativePosition(Buffer.from(start, 'base64')),
        doc,
      )!;
      const to = Y.createAbsolutePositionFromRelativePosition(
        Y.decodeRelativePosition(Buffer.from(end, 'base64')),
        doc,
      )!;
      return textOf(doc).toString().slice(from.index, to.index);
    });
    expect(new Set(spans).size).toBe(1);
    expect(spans[0]).toBe('musXYZt pr');
    for (const doc of clients)
      expect(passageState(doc, { sectionId: SECTION, start, end, quote: 'must pr' })).toBe('changed');
  });
});
