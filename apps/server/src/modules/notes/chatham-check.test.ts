import type { PublishedNotesText } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import { findMentions, foldTerm, MAX_FINDINGS } from './chatham-check.js';

const QUESTION = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const people = [
  { name: 'Rosa Müller-Díaz', email: 'rosa@example.org' },
  { name: 'Al Li', email: 'al.li@example.org' },
];

function notes(general: string[], answer: string[] = []): PublishedNotesText {
  return {
    questions: [
      {
        questionId: QUESTION,
        number: 1,
        text: 'What should States require?',
        blocks: answer.map((text) => ({ type: 'paragraph', text })),
      },
    ],
    general: general.map((text) => ({ type: 'item', text })),
  };
}

describe('the Chatham House check of session notes', () => {
  it('finds a member’s name, a part of it and their email, whatever the case and accents', () => {
    const findings = findMentions(
      notes(
        ['Mail rosa@EXAMPLE.org for the slides.'],
        ['ROSA MULLER-DIAZ said States should act.', 'As Müller-Díaz put it, and Rosa agreed.'],
      ),
      people,
      [],
    );
    expect(findings.map(({ kind, text, questionId }) => ({ kind, text, questionId }))).toEqual([
      { kind: 'name', text: 'ROSA MULLER-DIAZ', questionId: QUESTION },
      { kind: 'name', text: 'Müller-Díaz', questionId: QUESTION },
      { kind: 'name', text: 'Rosa', questionId: QUESTION },
      // The email, not the name inside it.
      { kind: 'email', text: 'rosa@EXAMPLE.org', questionId: null },
    ]);
    expect(findings[0]!.excerpt).toBe('ROSA MULLER-DIAZ said States should act.');
  });

  it('takes whole words only, and leaves out short name parts', () => {
    const findings = findMentions(notes(['Rosaries, a prose rosarium; all lines align.']), people, []);
    expect(findings).toEqual([]);
  });

  it('names a stakeholder group only where it is small enough to single someone out', () => {
    const findings = findMentions(
      notes(['One company / business raised the point; civil society agreed.']),
      people,
      ['Company / business'],
    );
    expect(findings).toEqual([
      {
        kind: 'organisation',
        text: 'company / business',
        questionId: null,
        excerpt: 'One company / business raised the point; civil society agreed.',
      },
    ]);
  });

  it('cuts long context and stops at a bound', () => {
    const long = `${'a '.repeat(60)}Rosa ${'b '.repeat(60)}`;
    const [finding] = findMentions(notes([long]), people, []);
    expect(finding!.excerpt.startsWith('…')).toBe(true);
    expect(finding!.excerpt.endsWith('…')).toBe(true);
    expect(findMentions(notes(['Rosa '.repeat(MAX_FINDINGS + 5)]), people, [])).toHaveLength(MAX_FINDINGS);
  });

  it('folds a confirmed text as it folds the notes', () => {
    expect(foldTerm('  Müller-Díaz\n ')).toBe(foldTerm('muller-diaz'));
  });
});
