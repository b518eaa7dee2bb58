import * as Y from 'yjs';

const PARAGRAPHS = 40;
const AUTHORS = 60;
/** Operations merged into one upload message (the paper reaches the server as 100 messages). */
const OPERATIONS_PER_UPLOAD = 1_000;
/** Share of operations that move the author to a random place instead of typing on. */
const JUMP_PROBABILITY = 0.02;
const WORDS = ['duty', 'State', 'due', 'rights', 'mix', 'remedy', 'tech', 'UNGPs', 'a', 'to'];

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same paper. */
function random(seed) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A paper of about 1 MB built from `operations` edits by many authors at random places (nine
 * insertions to one deletion), as a long consultation leaves it: fragmented, not one long string.
 * Returns the uploads (each the merged updates of 1,000 operations) and the final text length.
 */
export function buildLargePaper(sectionId, operations = 100_000) {
  const next = random(42);
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(`section:${sectionId}`);
  const uploads = [];
  let pending = [];
  doc.on('update', (update) => pending.push(update));
  const texts = [];
  doc.transact(() => {
    for (let i = 0; i < PARAGRAPHS; i++) {
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      fragment.insert(i, [paragraph]);
      texts.push(text);
    }
  });
  // Authors mostly keep typing where they were (Yjs merges such runs); now and then they jump.
  const cursors = new Map();
  for (let op = 0; op < operations; op++) {
    const author = 1_000 + Math.floor(next() * AUTHORS);
    doc.clientID = author;
    let cursor = cursors.get(author);
    if (!cursor || next() < JUMP_PROBABILITY || cursor.index > cursor.text.length) {
      const text = texts[Math.floor(next() * texts.length)];
      cursor = { text, index: Math.floor(next() * (text.length + 1)) };
      cursors.set(author, cursor);
    }
    if (next() < 0.9 || cursor.index < 4) {
      const word = `${WORDS[Math.floor(next() * WORDS.length)]} `;
      cursor.text.insert(cursor.index, word);
      cursor.index += word.length;
    } else {
      // A typo fixed with backspace.
      const length = 1 + Math.floor(next() * 3);
      cursor.text.delete(cursor.index - length, length);
      cursor.index -= length;
    }
    if ((op + 1) % OPERATIONS_PER_UPLOAD === 0) {
      uploads.push(Y.mergeUpdates(pending));
      pending = [];
    }
  }
  if (pending.length > 0) uploads.push(Y.mergeUpdates(pending));
  const size = Y.encodeStateAsUpdate(doc).length;
  const textLength = texts.reduce((sum, text) => sum + text.length, 0);
  doc.destroy();
  return { uploads, size, textLength };
}

/** Characters of text in one section of `doc` (to check that a joiner received the whole paper). */
export function sectionTextLength(doc, sectionId) {
  return doc
    .getXmlFragment(`section:${sectionId}`)
    .toArray()
    .reduce((sum, paragraph) => sum + paragraph.toArray().reduce((s, text) => s + text.length, 0), 0);
}
