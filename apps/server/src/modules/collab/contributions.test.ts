import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { countSectionChanges, type SectionCounts } from './contributions.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

function track(doc: Y.Doc): SectionCounts[] {
  const seen: SectionCounts[] = [];
  doc.on('afterTransaction', (transaction: Y.Transaction) => seen.push(countSectionChanges(transaction)));
  return seen;
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

describe('countSectionChanges', () => {
  it('counts characters typed into each section', () => {
    const doc = new Y.Doc();
    const seen = track(doc);
    doc.transact(() => {
      doc.getXmlFragment(`section:${A}`).insert(0, [paragraph('Hello')]);
      doc.getXmlFragment(`section:${B}`).insert(0, [paragraph('Hi')]);
    });
    expect(seen.at(-1)).toEqual(
      new Map([
        [A, { inserted: 5, deleted: 0 }],
        [B, { inserted: 2, deleted: 0 }],
      ]),
    );
  });

  it('counts deletions in the section they happen in', () => {
    const doc = new Y.Doc();
    doc.getXmlFragment(`section:${A}`).insert(0, [paragraph('Hello world')]);
    const seen = track(doc);
    const text = (doc.getXmlFragment(`section:${A}`).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.delete(5, 6);
    text.insert(5, '!');
    expect(seen).toEqual([
      new Map([[A, { inserted: 0, deleted: 6 }]]),
      new Map([[A, { inserted: 1, deleted: 0 }]]),
    ]);
  });

  it('counts the same when the change arrives as a remote update', () => {
    const source = new Y.Doc();
    source.getXmlFragment(`section:${B}`).insert(0, [paragraph('Remote text')]);
    const target = new Y.Doc();
    const seen = track(target);
    Y.applyUpdate(target, Y.encodeStateAsUpdate(source));
    expect(seen.at(-1)).toEqual(new Map([[B, { inserted: 11, deleted: 0 }]]));
  });
});
