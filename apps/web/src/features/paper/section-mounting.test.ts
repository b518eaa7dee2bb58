import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  blockLengths,
  estimateSectionHeight,
  paperTarget,
  shouldMountSection,
  viewportPosition,
} from './section-mounting';

describe('viewportPosition', () => {
  const screen = 800;

  it('finds a section on screen, or within a screen of it, near', () => {
    expect(viewportPosition({ top: 100, bottom: 500 }, screen)).toEqual({ isNear: true, isKept: true });
    expect(viewportPosition({ top: 1500, bottom: 2500 }, screen)).toEqual({ isNear: true, isKept: true });
    expect(viewportPosition({ top: -3000, bottom: -700 }, screen)).toEqual({ isNear: true, isKept: true });
  });

  it('finds a section between one and three screens away kept but not near', () => {
    expect(viewportPosition({ top: 1700, bottom: 2500 }, screen)).toEqual({ isNear: false, isKept: true });
    expect(viewportPosition({ top: -3000, bottom: -2300 }, screen)).toEqual({ isNear: false, isKept: true });
  });

  it('finds a section more than three screens away neither', () => {
    expect(viewportPosition({ top: 3300, bottom: 4000 }, screen)).toEqual({ isNear: false, isKept: false });
    expect(viewportPosition({ top: -4000, bottom: -2500 }, screen)).toEqual({ isNear: false, isKept: false });
  });

  it('finds a section taller than the screen and around it near', () => {
    expect(viewportPosition({ top: -5000, bottom: 5000 }, screen)).toEqual({ isNear: true, isKept: true });
  });
});

describe('shouldMountSection', () => {
  const away = { isMounted: false, isNear: false, isKept: false, isPinned: false };

  it('mounts a section near the viewport, and only then', () => {
    expect(shouldMountSection({ ...away, isNear: true, isKept: true })).toBe(true);
    expect(shouldMountSection(away)).toBe(false);
  });

  it('does not mount a section merely within the wider margin', () => {
    expect(shouldMountSection({ ...away, isKept: true })).toBe(false);
  });

  it('keeps a mounted section until it is far from the viewport', () => {
    expect(shouldMountSection({ ...away, isMounted: true, isKept: true })).toBe(true);
    expect(shouldMountSection({ ...away, isMounted: true })).toBe(false);
  });

  it('keeps a pinned section whatever the scroll, and mounts one far away', () => {
    expect(shouldMountSection({ ...away, isMounted: true, isPinned: true })).toBe(true);
    expect(shouldMountSection({ ...away, isPinned: true })).toBe(true);
  });
});

describe('blockLengths', () => {
  it('counts the characters of each top-level block, nested ones included', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('section:s');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Due diligence')]);
    const listItem = (text: string) => {
      const item = new Y.XmlElement('listItem');
      const itemParagraph = new Y.XmlElement('paragraph');
      itemParagraph.insert(0, [new Y.XmlText(text)]);
      item.insert(0, [itemParagraph]);
      return item;
    };
    const list = new Y.XmlElement('bulletList');
    list.insert(0, [listItem('Remedy'), listItem('Redress')]);
    fragment.insert(0, [paragraph, list, new Y.XmlElement('paragraph')]);
    expect(blockLengths(fragment)).toEqual([13, 13, 0]);
  });
});

describe('estimateSectionHeight', () => {
  const base = { blockLengths: [], width: 700, threads: 0, questions: 0 };

  it('gives an empty section the text box’s least height', () => {
    expect(estimateSectionHeight(base)).toBe(64);
  });

  it('grows with the lines the text wraps to', () => {
    const short = estimateSectionHeight({ ...base, blockLengths: [400, 400] });
    const long = estimateSectionHeight({ ...base, blockLengths: [4000, 4000] });
    expect(long).toBeGreaterThan(short * 5);
  });

  it('wraps to more lines in a narrower column', () => {
    const wide = estimateSectionHeight({ ...base, blockLengths: [4000] });
    const narrow = estimateSectionHeight({ ...base, blockLengths: [4000], width: 350 });
    expect(narrow).toBeGreaterThan(wide * 1.8);
  });

  it('is as tall as the margin when its threads outgrow the text', () => {
    const text = estimateSectionHeight({ ...base, blockLengths: [100] });
    const withThreads = estimateSectionHeight({ ...base, blockLengths: [100], threads: 6, questions: 1 });
    expect(withThreads).toBeGreaterThan(text);
    expect(estimateSectionHeight({ ...base, blockLengths: [100], threads: 7 })).toBeGreaterThan(withThreads);
  });
});

describe('paperTarget', () => {
  const sections = ['s1', 's2'];
  const threads = [
    { id: 't1', anchor: { sectionId: 's2' } },
    { id: 't2', anchor: null },
    { id: 't3', anchor: { sectionId: 'gone' } },
  ];

  it('follows a link to a section', () => {
    expect(paperTarget('#section-s1', sections, threads)).toEqual({ sectionId: 's1', threadId: null });
  });

  it('follows a link to an anchored thread to its section', () => {
    expect(paperTarget('#thread-t1', sections, threads)).toEqual({ sectionId: 's2', threadId: 't1' });
  });

  it('ignores unknown sections and threads, threads without a passage and other fragments', () => {
    expect(paperTarget('#section-s9', sections, threads)).toBeNull();
    expect(paperTarget('#thread-t9', sections, threads)).toBeNull();
    expect(paperTarget('#thread-t2', sections, threads)).toBeNull();
    expect(paperTarget('#thread-t3', sections, threads)).toBeNull();
    expect(paperTarget('#main', sections, threads)).toBeNull();
    expect(paperTarget('', sections, threads)).toBeNull();
  });
});
