import { SUGGESTION_BOUNDARY_CHARACTER } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { suggestionTexts } from './suggestion-texts.js';

const SECTION = '7f0c3a52-8d1e-4d8a-9f4e-2b6c1d3e5a70';
const id = (name: string) => name.padEnd(22, '0');

function paragraph(doc: Y.Doc, build: (text: Y.XmlText) => void): void {
  const element = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  element.insert(0, [text]);
  doc.getXmlFragment(`section:${SECTION}`).push([element]);
  build(text);
}

describe('suggestionTexts', () => {
  it('reads what each suggestion inserts and deletes, paragraph by paragraph', () => {
    const doc = new Y.Doc();
    paragraph(doc, (text) => {
      text.insert(0, 'States should protect rights.');
      text.format(7, 6, { deletion: { id: id('swap') } });
      text.insert(7, 'must', { insertion: { id: id('swap') } });
      text.insert(0, 'All ', { insertion: { id: id('other') }, bold: true });
    });
    paragraph(doc, (text) => {
      text.insert(0, `${SUGGESTION_BOUNDARY_CHARACTER}Remedy matters.`, { insertion: { id: id('swap') } });
    });
    const texts = suggestionTexts(doc, SECTION, [id('swap'), id('absent')]);
    expect(texts).toEqual(new Map([[id('swap'), { inserted: 'must\nRemedy matters.', deleted: 'should' }]]));
  });

  it('reads nothing of another section', () => {
    const doc = new Y.Doc();
    paragraph(doc, (text) => text.insert(0, 'Inserted', { insertion: { id: id('swap') } }));
    expect(suggestionTexts(doc, '00000000-0000-4000-8000-000000000000', [id('swap')]).size).toBe(0);
  });
});
