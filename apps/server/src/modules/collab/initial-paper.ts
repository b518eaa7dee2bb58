import { sectionFragmentName } from '@cw/shared';
import * as Y from 'yjs';

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** Plain starting text → editor nodes: blank lines separate paragraphs, `- ` or `• ` lines make a bullet list. */
function blocks(body: string): Y.XmlElement[] {
  const result: Y.XmlElement[] = [];
  for (const chunk of body.split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    if (lines.every((line) => /^[-•]\s+/.test(line))) {
      const list = new Y.XmlElement('bulletList');
      list.insert(
        0,
        lines.map((line) => {
          const item = new Y.XmlElement('listItem');
          item.insert(0, [paragraph(line.replace(/^[-•]\s+/, ''))]);
          return item;
        }),
      );
      result.push(list);
    } else {
      result.push(paragraph(lines.join(' ')));
    }
  }
  return result;
}

/**
 * The first state of a paper, built from each section's starting text (templates carry it), in
 * the node shapes the editor's schema uses. Empty when no section has text.
 */
export function buildInitialPaper(sections: Array<{ id: string; body: string }>): Uint8Array | undefined {
  const withText = sections.filter((section) => section.body.trim().length > 0);
  if (withText.length === 0) return undefined;
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const section of withText)
      doc.getXmlFragment(sectionFragmentName(section.id)).insert(0, blocks(section.body));
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
