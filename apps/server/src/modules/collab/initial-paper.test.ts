import { sectionFragmentName } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildInitialPaper } from './initial-paper.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

describe('buildInitialPaper', () => {
  it('puts each section body into its own fragment as paragraphs and bullet lists', () => {
    const update = buildInitialPaper([
      { id: A, body: 'First paragraph\ncontinues here.\n\n- one\n- two' },
      { id: B, body: 'Only one.' },
    ]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update!);
    expect(doc.getXmlFragment(sectionFragmentName(A)).toString()).toBe(
      '<paragraph>First paragraph continues here.</paragraph>' +
        '<bulletlist><listitem><paragraph>one</paragraph></listitem><listitem><paragraph>two</paragraph></listitem></bulletlist>',
    );
    // The editor schema's node names are case-sensitive (toString above lowercases them).
    expect((doc.getXmlFragment(sectionFragmentName(A)).get(1) as Y.XmlElement).nodeName).toBe('bulletList');
    expect(doc.getXmlFragment(sectionFragmentName(B)).toString()).toBe('<paragraph>Only one.</paragraph>');
  });

  it('builds nothing when no section has text', () => {
    expect(buildInitialPaper([{ id: A, body: '  ' }])).toBeUndefined();
  });
});
