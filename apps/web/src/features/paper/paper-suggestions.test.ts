// @vitest-environment jsdom
import { isSuggestionId, suggestionsOfAttributes } from '@cw/shared';
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import StarterKit from '@tiptap/starter-kit';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  acceptSuggestion,
  PaperSuggestions,
  rejectSuggestion,
  sectionSuggestions,
  setSuggesting,
  settleAllSuggestions,
  settleSuggestions,
  suggestionIdsInRange,
  suggestionRange,
} from './paper-suggestions';
import { passageAnchor } from './thread-passages';

const FRAGMENT = 'section:s1';
const editors: Editor[] = [];

/** Two documents kept in step as a server would relay them, each with its own editor. */
function twoPeers() {
  const docs = [new Y.Doc(), new Y.Doc()] as const;
  const [a, b] = docs;
  a.on('update', (update: Uint8Array, origin) => origin !== 'peer' && Y.applyUpdate(b, update, 'peer'));
  b.on('update', (update: Uint8Array, origin) => origin !== 'peer' && Y.applyUpdate(a, update, 'peer'));
  const own: string[][] = [[], []];
  const make = (doc: Y.Doc, index: number) => {
    const editor = new Editor({
      element: document.createElement('div'),
      extensions: [
        StarterKit.configure({ undoRedo: false, trailingNode: false }),
        Collaboration.configure({ fragment: doc.getXmlFragment(FRAGMENT) }),
        PaperSuggestions.configure({
          isOwnSuggestion: (id) => own[index]!.includes(id),
          onOwnSuggestion: (id) => own[index]!.push(id),
        }),
      ],
    });
    editors.push(editor);
    return editor;
  };
  return { docs, editors: [make(a, 0), make(b, 1)] as const, own };
}

afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

/** The format attributes of every text run of the section, as the server reads them. */
function runs(doc: Y.Doc) {
  const found: { insert: string; attributes?: Record<string, unknown> }[] = [];
  const visit = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) found.push(...(child.toDelta() as typeof found));
      else if (child instanceof Y.XmlElement) visit(child);
    }
  };
  visit(doc.getXmlFragment(FRAGMENT));
  return found;
}

/** Position just after the first occurrence of `text` in the editor, across differently marked runs. */
function after(editor: Editor, text: string): number {
  const positions: number[] = [];
  let chars = '';
  editor.state.doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (let i = 0; i < node.nodeSize; i++) positions.push(pos + i);
    chars += node.text;
    return false;
  });
  const at = chars.indexOf(text);
  if (at < 0) throw new Error(`"${text}" is not in the text`);
  return positions[at + text.length - 1]! + 1;
}

describe('suggestions between two collaborating editors', () => {
  it('reach the other editor as marks, and accept and reject there converge on both', () => {
    const {
      docs,
      editors: [alice, bob],
      own,
    } = twoPeers();
    alice.commands.setContent('<p>States must protect rights online.</p>');
    expect(bob.getText()).toBe('States must protect rights online.');

    setSuggesting(alice, true);
    alice.commands.insertContentAt(after(alice, 'must'), ' always');
    const online = after(alice, 'online');
    alice.commands.deleteRange({ from: online - 'online'.length - 1, to: online });

    // Nothing was removed: the deletion is struck through, the insertion is marked.
    expect(alice.getText()).toBe('States must always protect rights online.');
    expect(own[0]).toHaveLength(2);
    expect(own[0]!.every(isSuggestionId)).toBe(true);

    const shown = sectionSuggestions(bob.state.doc);
    expect(shown).toEqual([
      { id: own[0]![0], inserted: ' always', deleted: '' },
      { id: own[0]![1], inserted: '', deleted: ' online' },
    ]);

    // In Yjs: format attributes keyed by the mark name, the value holding the id only.
    const marked = runs(docs[1]).filter((run) => run.attributes);
    expect(marked).toEqual([
      { insert: ' always', attributes: { insertion: { id: own[0]![0] } } },
      { insert: ' online', attributes: { deletion: { id: own[0]![1] } } },
    ]);
    expect(marked.flatMap((run) => suggestionsOfAttributes(run.attributes))).toEqual([
      { kind: 'insertion', id: own[0]![0] },
      { kind: 'deletion', id: own[0]![1] },
    ]);

    expect(acceptSuggestion(bob, own[0]![0]!)).toBe(true);
    expect(rejectSuggestion(bob, own[0]![1]!)).toBe(true);
    for (const editor of [alice, bob]) {
      expect(editor.getText()).toBe('States must always protect rights online.');
      expect(sectionSuggestions(editor.state.doc)).toEqual([]);
    }
    expect(runs(docs[0]).every((run) => !run.attributes)).toBe(true);
  });

  it('settle the suggestions a selection touches, and leave the others', () => {
    const {
      editors: [alice, bob],
      own,
    } = twoPeers();
    alice.commands.setContent('<p>States must protect rights online and offline.</p>');
    setSuggesting(alice, true);
    alice.commands.insertContentAt(after(alice, 'must'), ' always');
    alice.commands.insertContentAt(after(alice, 'rights'), ' of all');
    alice.commands.insertContentAt(after(alice, 'offline'), ' alike');
    expect(own[0]).toHaveLength(3);
    // Bob selects from "always" to "all": the first two suggestions.
    const from = after(bob, 'must');
    const to = after(bob, 'of all');
    expect(suggestionIdsInRange(bob.state.doc, from, to)).toEqual(own[0]!.slice(0, 2));
    expect(suggestionIdsInRange(bob.state.doc, from, from)).toEqual([]);
    settleSuggestions(bob, own[0]!.slice(0, 2), 'reject');
    for (const editor of [alice, bob]) {
      expect(editor.getText()).toBe('States must protect rights online and offline alike.');
      expect(sectionSuggestions(editor.state.doc).map((s) => s.id)).toEqual([own[0]![2]]);
    }
  });

  it('keep typing next to an own insertion in the same suggestion, and accept all at once', () => {
    const {
      editors: [alice, bob],
      own,
    } = twoPeers();
    alice.commands.setContent('<p>Remedy.</p>');
    setSuggesting(alice, true);
    let at = after(alice, 'Remedy');
    for (const letter of ' now') alice.commands.insertContentAt(at++, letter);
    expect(own[0]).toHaveLength(1);
    expect(sectionSuggestions(bob.state.doc)).toEqual([{ id: own[0]![0], inserted: ' now', deleted: '' }]);
    settleAllSuggestions(bob, 'reject');
    expect(alice.getText()).toBe('Remedy.');
  });

  it('turn formatting into a deletion of the old run and an insertion of the new one', () => {
    const {
      editors: [alice, bob],
    } = twoPeers();
    alice.commands.setContent('<p>Due diligence.</p>');
    setSuggesting(alice, true);
    alice.chain().setTextSelection({ from: 1, to: 4 }).toggleBold().run();
    const [suggestion] = sectionSuggestions(bob.state.doc);
    expect(suggestion).toMatchObject({ inserted: 'Due', deleted: 'Due' });
    settleAllSuggestions(bob, 'accept');
    expect(alice.getHTML()).toBe('<p><strong>Due</strong> diligence.</p>');
  });

  it('leave edits made with suggesting off, and edits of other editors, as they are', () => {
    const {
      editors: [alice, bob],
      own,
    } = twoPeers();
    alice.commands.setContent('<p>Text.</p>');
    setSuggesting(bob, true);
    alice.commands.insertContentAt(1, 'Plain ');
    expect(bob.getText()).toBe('Plain Text.');
    expect(sectionSuggestions(bob.state.doc)).toEqual([]);
    expect(own[1]).toEqual([]);
  });

  it('do not make changes to whole blocks, which the Yjs binding could not keep as suggestions', () => {
    const {
      docs,
      editors: [alice, bob],
    } = twoPeers();
    alice.commands.setContent('<p>One two.</p>');
    setSuggesting(alice, true);
    alice.commands.insertContentAt(after(alice, 'One'), '<p>X</p><p>Y</p><p>Z</p>');
    alice.chain().setTextSelection(2).toggleHeading({ level: 3 }).run();
    expect(bob.getHTML()).toBe('<p>One two.</p>');
    expect(runs(docs[1])).toEqual([{ insert: 'One two.' }]);
  });

  it('paste several paragraphs as one inserted run while suggesting', () => {
    const {
      editors: [alice, bob],
      own,
    } = twoPeers();
    alice.commands.setContent('<p>One two.</p>');
    setSuggesting(alice, true);
    alice.commands.setTextSelection(after(alice, 'One'));
    // jsdom has no ClipboardEvent; the paste handlers here read none of it.
    const paste = new Event('paste') as ClipboardEvent;
    alice.view.pasteHTML('<p>Alpha</p><ul><li><p>Beta</p></li></ul><p>Gamma</p>', paste);
    expect(sectionSuggestions(bob.state.doc)).toEqual([
      { id: own[0]![0], inserted: 'Alpha Beta Gamma', deleted: '' },
    ]);
    expect(bob.state.doc.childCount).toBe(1);
  });

  it('split a paragraph with marked zero-width spaces on both sides', () => {
    const {
      docs,
      editors: [alice, bob],
    } = twoPeers();
    alice.commands.setContent('<p>One two.</p>');
    setSuggesting(alice, true);
    alice.chain().setTextSelection(after(alice, 'One')).splitBlock().run();
    const [split] = sectionSuggestions(bob.state.doc);
    expect(bob.state.doc.childCount).toBe(2);
    expect(runs(docs[1]).filter((run) => run.attributes)).toEqual([
      { insert: '\u200B', attributes: { insertion: { id: split!.id } } },
      { insert: '\u200B', attributes: { insertion: { id: split!.id } } },
    ]);
    settleAllSuggestions(bob, 'reject');
    expect(alice.getHTML()).toBe('<p>One two.</p>');
  });

  it('give the passage of a suggestion, from its first run to its last, as an anchor the other peer resolves alike', () => {
    const {
      docs,
      editors: [alice, bob],
    } = twoPeers();
    alice.commands.setContent('<p>Remedy must be prompt.</p>');
    setSuggesting(alice, true);
    alice
      .chain()
      .setTextSelection({ from: after(alice, 'must be '), to: after(alice, 'prompt') })
      .insertContent('effective')
      .run();
    const [replacement] = sectionSuggestions(bob.state.doc);
    expect(replacement).toMatchObject({ inserted: 'effective', deleted: 'prompt' });
    expect(suggestionRange(bob.state.doc, 'unknownSuggestion00000')).toBeNull();

    const range = suggestionRange(bob.state.doc, replacement!.id)!;
    const passage = passageAnchor(bob.state, range.from, range.to)!;
    expect(passage.quote).toBe('prompteffective');
    // Read in Alice's copy of the paper, the positions span the same text.
    const [start, end] = [passage.start, passage.end].map((encoded) =>
      Y.createAbsolutePositionFromRelativePosition(
        Y.decodeRelativePosition(Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0))),
        docs[0],
      )!,
    );
    const text = (start!.type as Y.XmlText).toDelta() as { insert: string }[];
    expect(
      text
        .map((run) => run.insert)
        .join('')
        .slice(start!.index, end!.index),
    ).toBe(passage.quote);
  });

  it("neither extend nor take over someone else's suggestion, nor delete its text", () => {
    const {
      docs,
      editors: [alice, bob],
      own,
    } = twoPeers();
    alice.commands.setContent('<p>Access to remedy.</p>');
    setSuggesting(alice, true);
    setSuggesting(bob, true);
    alice.commands.insertContentAt(after(alice, 'Access'), ' effective');
    alice.commands.deleteRange({ from: after(alice, 'to') - 2, to: after(alice, 'to') });
    const [aliceInsertion, aliceDeletion] = own[0]!;

    // Bob types right after Alice's insertion and deletes across her deletion.
    bob.commands.insertContentAt(after(bob, 'effective'), ' and prompt');
    bob.commands.deleteRange({ from: after(bob, 'Access effective and prompt'), to: after(bob, 'remedy') });
    // His deletion follows his own insertion, so the library makes the two one replacement.
    expect(own[1]).toHaveLength(1);
    expect(sectionSuggestions(alice.state.doc)).toEqual([
      { id: aliceInsertion, inserted: ' effective', deleted: '' },
      { id: own[1]![0], inserted: ' and prompt', deleted: '  remedy' },
      { id: aliceDeletion, inserted: '', deleted: 'to' },
    ]);

    // Deleting inside Alice's insertion would remove her suggested text: nothing happens.
    const before = JSON.stringify(runs(docs[0]));
    bob.commands.deleteRange({ from: after(bob, 'effec'), to: after(bob, 'effective') });
    expect(JSON.stringify(runs(docs[0]))).toBe(before);
  });
});
