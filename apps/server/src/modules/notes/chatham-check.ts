import type { NotesFinding, NotesFindingKind, PublishedNotesText } from '@cw/shared';

/** A member of the consultation, as the check looks for them. */
export interface Person {
  name: string;
  email: string;
}

/** What the check looks for, each with the kind of finding it gives. */
interface Term {
  kind: NotesFindingKind;
  pattern: RegExp;
}

/** Shorter parts of a name, and name particles, match too many ordinary words to be worth a warning. */
const MIN_NAME_PART_LENGTH = 3;
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'del', 'della', 'des', 'bin', 'ibn']);
/** Characters of context on each side of a finding. */
const EXCERPT_CONTEXT = 40;
/** A check answers at most this many findings: enough to show that the notes need work. */
export const MAX_FINDINGS = 200;

/**
 * Text folded for comparison — accents dropped, compatibility forms unified, lower case — with,
 * for every folded character, where it came from in the original.
 */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let index = 0; index < text.length;) {
    const character = String.fromCodePoint(text.codePointAt(index)!);
    const part = character.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    for (let unit = 0; unit < part.length; unit++) origin.push(index);
    folded += part;
    index += character.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

/** The folded form of a term, as the notes are compared with it. */
export function foldTerm(text: string): string {
  return fold(text).folded.replace(/\s+/g, ' ').trim();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A term found as a whole: not inside a longer word, however the words between are spaced. */
function wholeWords(term: string): RegExp {
  const words = term.split(' ').map(escape).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'gu');
}

function termsOf(people: readonly Person[], smallGroups: readonly string[]): Term[] {
  const seen = new Set<string>();
  const terms: Term[] = [];
  const add = (kind: NotesFindingKind, text: string) => {
    const folded = foldTerm(text);
    if (!folded || seen.has(folded)) return;
    seen.add(folded);
    terms.push({ kind, pattern: wholeWords(folded) });
  };
  for (const person of people) {
    add('email', person.email);
    add('name', person.name);
    for (const part of foldTerm(person.name).split(' ')) {
      if ([...part].length >= MIN_NAME_PART_LENGTH && !PARTICLES.has(part)) add('name', part);
    }
  }
  for (const group of smallGroups) add('organisation', group);
  return terms;
}

/** The words around a finding, on one line, cut at the edges with an ellipsis. */
function excerptOf(text: string, start: number, end: number): string {
  const from = Math.max(0, start - EXCERPT_CONTEXT);
  const to = Math.min(text.length, end + EXCERPT_CONTEXT);
  const excerpt = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${excerpt}${to < text.length ? '…' : ''}`;
}

/** Every place one text names a term: where two overlap, the longer (an email over the name in it). */
function findIn(
  text: string,
  terms: readonly Term[],
): Array<{ kind: NotesFindingKind; start: number; end: number }> {
  const { folded, origin } = fold(text);
  const matches: Array<{ kind: NotesFindingKind; start: number; end: number }> = [];
  for (const term of terms) {
    for (const match of folded.matchAll(term.pattern)) {
      matches.push({ kind: term.kind, start: match.index, end: match.index + match[0].length });
    }
  }
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof matches = [];
  for (const match of matches) {
    if (kept.length > 0 && match.start < kept.at(-1)!.end) continue;
    kept.push(match);
  }
  return kept.map((match) => ({ ...match, start: origin[match.start]!, end: origin[match.end]! }));
}

/**
 * The Chatham House check (issue 18): every place the notes give a member away — their name, a
 * part of it, their email — or name a stakeholder group small enough to single its members out
 * (the app keeps no organisation; its stakeholder group stands for it). Matching ignores case
 * and accents and takes whole words only; it is a warning for the editor who publishes, who
 * knows what else may identify someone.
 */
export function findMentions(
  notes: PublishedNotesText,
  people: readonly Person[],
  smallGroups: readonly string[],
): NotesFinding[] {
  const terms = termsOf(people, smallGroups);
  const findings: NotesFinding[] = [];
  const parts = [
    ...notes.questions.map((question) => ({ questionId: question.questionId, blocks: question.blocks })),
    { questionId: null, blocks: notes.general },
  ];
  for (const { questionId, blocks } of parts) {
    for (const { text } of blocks) {
      for (const { kind, start, end } of findIn(text, terms)) {
        if (findings.length === MAX_FINDINGS) return findings;
        findings.push({
          kind,
          text: text.slice(start, end),
          questionId,
          excerpt: excerptOf(text, start, end),
        });
      }
    }
  }
  return findings;
}
