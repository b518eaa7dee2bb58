import type { SectionComparison, TextChange, TextChangeKind } from '@cw/shared';
import { diffWordsWithSpace } from 'diff';

/** How a section's text differs between the two sides. */
export type SectionTextComparison = Omit<SectionComparison, 'acceptedSuggestions'>;

/** Longest time one section's word diff may take; past it the section shows as replaced whole. */
const DIFF_TIMEOUT_MS = 2_000;

/**
 * A word-level diff of two texts in readable stretches (the diff library joins neighbouring
 * tokens of one kind). Whitespace and line breaks are tokens too, so `same` + `removed` spell
 * `from` exactly and `same` + `added` spell `to`.
 */
export function diffText(from: string, to: string): TextChange[] {
  if (from === to) return from === '' ? [] : [{ kind: 'same', text: from }];
  const parts = diffWordsWithSpace(from, to, { timeout: DIFF_TIMEOUT_MS }) ?? [
    { value: from, added: false, removed: true },
    { value: to, added: true, removed: false },
  ];
  return parts
    .filter((part) => part.value !== '')
    .map((part) => {
      const kind: TextChangeKind = part.added ? 'added' : part.removed ? 'removed' : 'same';
      return { kind, text: part.value };
    });
}

/** One side's section: where it stands in that side's paper and its plain text. */
export interface SectionText {
  sectionId: string;
  number: string;
  title: string;
  text: string;
}

/**
 * Section by section comparison: the newer side's sections in its order, then the sections only
 * the older side had. Status follows the text; a renamed section with the same text is unchanged.
 */
export function compareSections(from: SectionText[], to: SectionText[]): SectionTextComparison[] {
  const older = new Map(from.map((section) => [section.sectionId, section]));
  const newerIds = new Set(to.map((section) => section.sectionId));
  const compared: SectionTextComparison[] = to.map((section) => {
    const before = older.get(section.sectionId);
    const status = !before ? 'added' : before.text === section.text ? 'unchanged' : 'changed';
    return {
      sectionId: section.sectionId,
      number: section.number,
      title: section.title,
      status,
      changes: diffText(before?.text ?? '', section.text),
    };
  });
  for (const section of from) {
    if (newerIds.has(section.sectionId)) continue;
    compared.push({
      sectionId: section.sectionId,
      number: section.number,
      title: section.title,
      status: 'removed',
      changes: diffText(section.text, ''),
    });
  }
  return compared;
}
