import { SUGGESTION_BOUNDARY_CHARACTER, sectionFragmentName } from '@cw/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SuggestionAuthors, suggestionIdsIn } from './suggestion-authors.js';
import { SuggestionGuard } from './suggestion-guard.js';

const SECTION = sectionFragmentName('00000000-0000-4000-8000-000000000001');
const ZWSP = SUGGESTION_BOUNDARY_CHARACTER;

/** A well-formed suggestion id (22 base64url characters) that reads as `name`. */
const id = (name: string) => name.replace(/[^A-Za-z0-9]/g, '').padEnd(22, '0');
const REVIEWER = 'reviewer-a';
const OTHER = 'reviewer-b';

/** The paper as the server holds it, and a reviewer's copy that sends what it changes. */
class Paper {
  readonly server = new Y.Doc();
  client = new Y.Doc();
  readonly authors = new SuggestionAuthors([[id('theirs'), OTHER]]);
  readonly guard = new SuggestionGuard(this.authors);

  constructor() {
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    this.server.getXmlFragment(SECTION).insert(0, [paragraph]);
    text.insert(0, 'The quick brown fox');
    text.insert(19, ' jumps', { insertion: { id: id('theirs') } });
    text.format(4, 6, { deletion: { id: id('theirs') } });
    this.server.on('update', (update: Uint8Array) => this.guard.applied(update));
    Y.applyUpdate(this.client, Y.encodeStateAsUpdate(this.server));
  }

  /** The reviewer's first paragraph's text. */
  get text(): Y.XmlText {
    return (this.client.getXmlFragment(SECTION).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  }

  /** Makes a change in the reviewer's copy; whether the server accepts it (and applies it if so). */
  send(change: () => void): boolean {
    const before = Y.encodeStateVector(this.client);
    this.client.transact(change);
    const update = Y.encodeStateAsUpdate(this.client, before);
    const allowed = this.guard.allows(this.server, update, REVIEWER);
    if (allowed) {
      // As the paper does with every update it applies.
      this.authors.claim(update, REVIEWER);
      Y.applyUpdate(this.server, update);
    } else {
      // A refused change stays in the sender's copy only: start again from the server's.
      this.client = new Y.Doc();
      Y.applyUpdate(this.client, Y.encodeStateAsUpdate(this.server));
    }
    return allowed;
  }

  serverText(): string {
    return this.server.getXmlFragment(SECTION).toString();
  }
}

describe('SuggestionGuard: a member who may only suggest', () => {
  let paper: Paper;
  beforeEach(() => {
    paper = new Paper();
  });

  it('may insert text under an insertion mark of a new suggestion', () => {
    expect(paper.send(() => paper.text.insert(10, 'red ', { insertion: { id: id('mine-1') } }))).toBe(true);
    expect(paper.serverText()).toContain('red ');
  });

  it('may mark existing text, theirs or another’s suggested text, for deletion', () => {
    expect(paper.send(() => paper.text.format(0, 3, { deletion: { id: id('mine-2') } }))).toBe(true);
    expect(paper.send(() => paper.text.format(19, 6, { deletion: { id: id('mine-3') } }))).toBe(true);
  });

  it('may withdraw its own suggestions: the inserted text removed, the deletion mark lifted', () => {
    expect(paper.send(() => paper.text.insert(0, 'Today ', { insertion: { id: id('mine-4') } }))).toBe(true);
    expect(paper.send(() => paper.text.format(16, 5, { deletion: { id: id('mine-5') } }))).toBe(true);
    expect(paper.send(() => paper.text.delete(0, 6))).toBe(true);
    expect(paper.send(() => paper.text.format(10, 5, { deletion: null }))).toBe(true);
    expect(paper.serverText()).not.toContain('Today');
  });

  it('may suggest a paragraph break: a marked boundary character on each side of it', () => {
    const split = (marked: boolean, kind = 'paragraph') =>
      paper.send(() => {
        const mark = marked ? { insertion: { id: id('mine-6') } } : {};
        const tail = paper.text.toDelta() as { insert: string; attributes?: object }[];
        paper.text.delete(9, paper.text.length - 9);
        paper.text.insert(9, ZWSP, mark);
        const rest = new Y.XmlText();
        const block = new Y.XmlElement(kind);
        block.insert(0, [rest]);
        paper.client.getXmlFragment(SECTION).insert(1, [block]);
        rest.insert(0, ZWSP, mark);
        let offset = 0;
        for (const op of tail) {
          const from = Math.max(offset, 9) - offset;
          if (from < op.insert.length) rest.insert(rest.length, op.insert.slice(from), op.attributes ?? {});
          offset += op.insert.length;
        }
      });
    expect(split(false)).toBe(false);
    // A break may not turn the second half into another kind of block.
    expect(split(true, 'heading')).toBe(false);
    expect(split(true)).toBe(true);
    expect(paper.server.getXmlFragment(SECTION).length).toBe(2);
    // Taking out one side's boundary would leave an unmarked break in the original text.
    expect(paper.send(() => paper.text.delete(9, 1))).toBe(false);
    expect(paper.server.getXmlFragment(SECTION).toString()).toContain(ZWSP);
  });

  it('checks every text one update changes, in any paragraph', () => {
    const second = new Y.XmlText();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [second]);
    paper.server.getXmlFragment(SECTION).insert(1, [paragraph]);
    second.insert(0, 'Over the lazy dog');
    Y.applyUpdate(paper.client, Y.encodeStateAsUpdate(paper.server));
    const secondText = () =>
      (paper.client.getXmlFragment(SECTION).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    expect(paper.send(() => secondText().insert(0, 'Far ', { insertion: { id: id('mine-12') } }))).toBe(true);
    expect(
      paper.send(() => {
        paper.text.insert(0, 'So ', { insertion: { id: id('mine-13') } });
        secondText().delete(4, 5);
      }),
    ).toBe(false);
    expect(paper.server.getXmlFragment(SECTION).toString()).toContain('Over the lazy dog');
  });

  it('may suggest formatting as a deletion and a formatted insertion, but not format text in place', () => {
    expect(paper.send(() => paper.text.format(0, 3, { bold: true }))).toBe(false);
    expect(
      paper.send(() => {
        paper.text.format(0, 3, { deletion: { id: id('mine-7') } });
        paper.text.insert(3, 'The', { bold: true, insertion: { id: id('mine-7') } });
      }),
    ).toBe(true);
  });

  it('may not use a suggestion mark without a well-formed id', () => {
    expect(paper.send(() => paper.text.insert(0, 'Odd ', { insertion: { id: 7 } }))).toBe(false);
    expect(paper.send(() => paper.text.format(0, 3, { deletion: {} }))).toBe(false);
  });

  it('may not insert, delete or rewrite unmarked text', () => {
    expect(paper.send(() => paper.text.insert(4, 'slow '))).toBe(false);
    expect(paper.send(() => paper.text.delete(0, 4))).toBe(false);
    expect(paper.send(() => paper.text.insert(0, 'A', { insertion: { id: id('mine-8') } }))).toBe(true);
    expect(paper.serverText()).not.toContain('slow');
    expect(paper.serverText()).toContain(`>The <deletion id="${id('theirs')}">quick </deletion>brown fox`);
  });

  it('may not remove, accept or lift another member’s suggestion', () => {
    expect(paper.send(() => paper.text.delete(19, 6))).toBe(false);
    expect(paper.send(() => paper.text.format(19, 6, { insertion: null }))).toBe(false);
    expect(paper.send(() => paper.text.format(4, 6, { deletion: null }))).toBe(false);
    expect(paper.serverText()).toContain('jumps');
  });

  it('may not accept its own suggestion either: that is the editors’ decision', () => {
    expect(paper.send(() => paper.text.insert(0, 'Today ', { insertion: { id: id('mine-9') } }))).toBe(true);
    expect(paper.send(() => paper.text.format(0, 6, { insertion: null }))).toBe(false);
  });

  it('may not write under another member’s suggestion id, nor claim existing text as its insertion', () => {
    expect(paper.send(() => paper.text.insert(0, 'Forged ', { insertion: { id: id('theirs') } }))).toBe(
      false,
    );
    expect(paper.send(() => paper.text.format(0, 3, { insertion: { id: id('mine-10') } }))).toBe(false);
  });

  it('is checked against the paper as it is after a refusal', () => {
    expect(paper.send(() => paper.text.delete(0, 4))).toBe(false);
    expect(paper.send(() => paper.text.insert(0, 'So ', { insertion: { id: id('mine-11') } }))).toBe(true);
    expect(paper.serverText()).toContain('So ');
  });
});

describe('SuggestionAuthors', () => {
  it('reads suggestion ids from text marks and block attributes, and nothing else', () => {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.setAttribute('insertion', { id: id('block') } as never);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    doc.getXmlFragment(SECTION).insert(0, [paragraph]);
    text.insert(0, 'plain deletion insertion words');
    text.format(0, 5, { deletion: { id: id('del-1') }, bold: true });
    text.format(6, 8, { link: { href: 'https://example.org', id: id('link') } });
    text.format(15, 9, { deletion: { id: 'too-short' } });
    expect([...suggestionIdsIn(Y.encodeStateAsUpdate(doc)).keys()]).toEqual([id('block'), id('del-1')]);
  });

  it('gives an id to the first member who brings it in, for good', () => {
    const authors = new SuggestionAuthors([]);
    const doc = new Y.Doc();
    const text = new Y.XmlText();
    doc.getXmlFragment(SECTION).insert(0, [text]);
    text.insert(0, 'x', { insertion: { id: id('a') } });
    expect(authors.claim(Y.encodeStateAsUpdate(doc), REVIEWER).map((claimed) => claimed.id)).toEqual([
      id('a'),
    ]);
    expect(authors.claim(Y.encodeStateAsUpdate(doc), OTHER)).toEqual([]);
    expect(authors.authorOf(id('a'))).toBe(REVIEWER);
  });

  it('leaves suggestions found in the paper without a record to nobody', () => {
    const doc = new Y.Doc();
    const text = new Y.XmlText();
    doc.getXmlFragment(SECTION).insert(0, [text]);
    text.insert(0, 'x', { insertion: { id: id('unrecorded') } });
    const authors = new SuggestionAuthors([]);
    authors.scanOnce(doc);
    expect(authors.authorOf(id('unrecorded'))).toBeNull();
  });
});
