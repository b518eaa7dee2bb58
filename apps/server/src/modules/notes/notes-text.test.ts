import { NOTES_GENERAL_FRAGMENT, notesQuestionFragmentName } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hasText, notesText } from './notes-text.js';

const QUESTION = { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', number: 2, text: 'Which examples?' };

function element(name: string, children: Array<Y.XmlElement | Y.XmlText>, attributes = {}): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}

describe('notes as published text', () => {
  it('reads each question’s notes and the general notes as plain blocks, formatting left out', () => {
    const doc = new Y.Doc();
    const bold = new Y.XmlText();
    bold.insert(0, 'Smart mix');
    bold.insert(9, ' of measures', { bold: true });
    doc
      .getXmlFragment(notesQuestionFragmentName(QUESTION.id))
      .insert(0, [
        element('heading', [new Y.XmlText('Examples')], { level: 3 }),
        element('paragraph', [bold]),
        element('bulletList', [
          element('listItem', [element('paragraph', [new Y.XmlText('EU due diligence')])]),
          element('listItem', [
            element('paragraph', [new Y.XmlText('Procurement')]),
            element('bulletList', [element('listItem', [element('paragraph', [new Y.XmlText('Nested')])])]),
          ]),
        ]),
        element('paragraph', [new Y.XmlText('  ')]),
      ]);
    doc
      .getXmlFragment(NOTES_GENERAL_FRAGMENT)
      .insert(0, [
        element('paragraph', [new Y.XmlText('First line'), element('hardBreak', []), new Y.XmlText('next')]),
      ]);
    const notes = notesText(Y.encodeStateAsUpdate(doc), [QUESTION]);
    expect(notes).toEqual({
      questions: [
        {
          questionId: QUESTION.id,
          number: 2,
          text: 'Which examples?',
          blocks: [
            { type: 'heading', text: 'Examples' },
            { type: 'paragraph', text: 'Smart mix of measures' },
            { type: 'item', text: 'EU due diligence' },
            { type: 'item', text: 'Procurement' },
            { type: 'item', text: 'Nested' },
          ],
        },
      ],
      general: [{ type: 'paragraph', text: 'First line\nnext' }],
    });
    expect(hasText(notes)).toBe(true);
  });

  it('says when nothing is written', () => {
    expect(hasText(notesText(Y.encodeStateAsUpdate(new Y.Doc()), [QUESTION]))).toBe(false);
  });
});
