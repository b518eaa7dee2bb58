import type { DashboardRow } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import type { InputRecord, SuggestionRecord } from './exports.repository.js';
import { exportText } from './export-text.js';
import { renderSummaryMarkdown } from './summary-markdown.js';
import { buildSummaryNotes, type SummaryInput } from './summary-notes.js';

const CIVIL = { id: 'g-civil', name: 'Civil society organisation' };
const COMPANY = { id: 'g-company', name: 'Company / business' };
const STATE = { id: 'g-state', name: 'State / public authority' };
const ACADEMIA = { id: 'g-academia', name: 'Academia / research' };
const POOLED = 'Other stakeholders';
const LABELS: DashboardRow[] = [
  { key: STATE.id, groupId: STATE.id, scope: 'group', label: STATE.name },
  { key: CIVIL.id, groupId: CIVIL.id, scope: 'group', label: CIVIL.name },
  { key: 'pool', groupId: null, scope: 'pool', label: POOLED },
];
const civil = { groupId: CIVIL.id, labelScope: 'group' } as const;
const company = { groupId: COMPANY.id, labelScope: 'group' } as const;

function record(overrides: Partial<InputRecord>): InputRecord {
  return {
    threadId: 't1',
    questionId: 'q1',
    section: null,
    quote: null,
    status: 'open',
    outcome: null,
    resolutionNote: null,
    opener: civil,
    author: civil,
    body: 'A comment',
    isHidden: false,
    ...overrides,
  };
}

function source(overrides: Partial<SummaryInput> = {}): SummaryInput {
  return {
    consultation: { title: 'Smart mix', timezone: 'Europe/Zurich', kThreshold: 5 },
    sessions: [
      {
        id: 's1',
        kind: 'review',
        title: 'Scoping',
        startsAt: new Date('2026-03-02T09:00:00Z'),
        endsAt: new Date('2026-03-02T10:30:00Z'),
      },
    ],
    sessionNotes: new Map(),
    isSessionFiltered: false,
    questions: [
      { id: 'q1', number: 1, text: 'What is in scope?', sessionId: 's1', sections: ['1 Scope'] },
      { id: 'q2', number: 2, text: 'What is missing?', sessionId: null, sections: [] },
    ],
    groups: [STATE, CIVIL, COMPANY, ACADEMIA],
    // Company and Academia are too small to be named: pooled.
    labelScopes: { [STATE.id]: 'group', [CIVIL.id]: 'group', [COMPANY.id]: 'pool', [ACADEMIA.id]: 'pool' },
    labels: LABELS,
    input: [
      record({
        threadId: 't1',
        quote: 'smart mix',
        section: '1 Scope',
        status: 'resolved',
        outcome: 'accepted',
        resolutionNote: 'Added to the draft.',
        body: 'Opening from civil society',
      }),
      record({ threadId: 't1', author: company, body: 'Reply from a company', authorName: 'Carl' }),
      record({ threadId: 't2', opener: company, author: company, body: 'Company thread' }),
      record({ threadId: 't2', author: { ...civil, labelScope: 'pool' }, body: 'Civil, while small' }),
      record({ threadId: 't2', body: '', isHidden: true }),
      record({ threadId: 't3', questionId: null, body: 'General remark' }),
    ],
    commentsByLabel: [],
    threadsByOutcome: [],
    suggestions: [],
    suggestionsByState: [],
    includeNames: false,
    generatedAt: new Date('2026-03-02T23:30:00Z'),
    ...overrides,
  };
}

describe('buildSummaryNotes', () => {
  it('lists the decided suggestions by section under their group label, with what each changes', () => {
    const decided = (overrides: Partial<SuggestionRecord>): SuggestionRecord => ({
      section: '1 Scope',
      outcome: 'accepted',
      reason: '',
      insertedText: '',
      deletedText: '',
      suggester: civil,
      ...overrides,
    });
    const notes = buildSummaryNotes(
      source({
        suggestions: [
          decided({ insertedText: 'must', deletedText: 'should', reason: 'Agreed in session 1' }),
          decided({ deletedText: 'voluntary', outcome: 'rejected', suggester: company, authorName: 'Carl' }),
          decided({ section: '2 Remedy', insertedText: 'effective ' }),
          decided({ section: '2 Remedy', outcome: 'rejected' }),
        ],
      }),
      exportText('en'),
    );
    const part = notes.parts.find((p) => p.heading === 'Suggested changes to the paper')!;
    expect(part.questions.map((q) => q.heading)).toEqual(['Section 1 Scope', 'Section 2 Remedy']);
    expect(part.questions[0]!.groups).toEqual([
      {
        heading: CIVIL.name,
        threads: [
          {
            passage: 'Replace “should” with “must”',
            comments: [],
            outcome: 'Decision: Accepted',
            note: 'Agreed in session 1',
          },
        ],
      },
      {
        heading: POOLED,
        threads: [{ passage: 'Delete “voluntary”', comments: [], outcome: 'Decision: Rejected', note: null }],
      },
    ]);
    expect(part.questions[1]!.groups[0]!.threads.map((t) => t.passage)).toEqual([
      'Insert “effective ”',
      'A change of formatting',
    ]);
    expect(JSON.stringify(notes)).not.toContain('Carl');
    expect(notes.tables.map((table) => table.heading)).toContain('Suggested changes per stakeholder group');
  });

  it('has no part on suggested changes when none was decided', () => {
    const notes = buildSummaryNotes(source(), exportText('en'));
    expect(notes.parts.map((part) => part.heading)).not.toContain('Suggested changes to the paper');
  });

  it('orders session → question → opening group, with passages, outcomes and notes', () => {
    const notes = buildSummaryNotes(source(), exportText('en'));
    expect(notes.preamble[0]).toBe('Prepared on March 3, 2026 (Europe/Zurich).');
    expect(notes.parts.map((part) => part.heading)).toEqual([
      'Session: Scoping',
      'Questions outside the agenda',
      'General input',
    ]);
    // The session's times on the consultation's wall clock, as Intl writes a range in English.
    expect(notes.parts[0]!.intro).toEqual([
      expect.stringMatching(/^March 2, 2026, 10:00\s–\s11:30\sAM \(Europe\/Zurich\)$/u),
    ]);
    const [question] = notes.parts[0]!.questions;
    expect(question!.heading).toBe('Question 1. What is in scope?');
    expect(question!.intro).toEqual([
      'Sections: 1 Scope',
      'No threads opened from: State / public authority.',
    ]);
    expect(question!.groups.map((group) => group.heading)).toEqual([CIVIL.name, POOLED]);
    expect(question!.groups[0]!.threads).toEqual([
      {
        passage: 'On the passage (section 1 Scope): “smart mix”',
        comments: [
          { label: CIVIL.name, text: 'Opening from civil society' },
          { label: POOLED, text: 'Reply from a company' },
        ],
        outcome: 'Outcome: Accepted',
        note: 'Added to the draft.',
      },
    ]);
    expect(question!.groups[1]!.threads[0]!.outcome).toBe('Outcome: not yet resolved');
    // Input keeps the scope its group had when it was given; hidden text never appears.
    expect(question!.groups[1]!.threads[0]!.comments).toEqual([
      { label: POOLED, text: 'Company thread' },
      { label: POOLED, text: 'Civil, while small' },
      { label: CIVIL.name, text: '(Hidden by the organisers.)' },
    ]);
    expect(notes.parts[1]!.questions[0]).toMatchObject({
      heading: 'Question 2. What is missing?',
      emptyText: 'No input.',
    });
    expect(notes.parts[2]!.questions[0]!.groups[0]!.threads[0]!.comments[0]!.text).toBe('General remark');
  });

  it('puts a session’s notes at the top of its part: per question that has any, then general notes', () => {
    const published = buildSummaryNotes(
      source({
        sessionNotes: new Map([
          [
            's1',
            {
              publishedAt: new Date('2026-03-02T16:05:00Z'),
              notes: {
                questions: [
                  {
                    questionId: 'q1',
                    number: 1,
                    text: 'What is in scope?',
                    blocks: [{ type: 'item', text: 'Procurement' }],
                  },
                  { questionId: 'q3', number: 3, text: 'Unanswered?', blocks: [] },
                ],
                general: [{ type: 'paragraph', text: 'A lively session.' }],
              },
            },
          ],
        ]),
      }),
      exportText('en'),
    );
    expect(published.parts[0]!.sessionNotes).toEqual({
      heading: 'Session notes',
      intro: [
        expect.stringMatching(
          /^Published March 2, 2026 at 5:05\sPM \(Europe\/Zurich\)\. No participant is named\.$/u,
        ),
      ],
      parts: [
        { heading: 'Question 1. What is in scope?', blocks: [{ type: 'item', text: 'Procurement' }] },
        { heading: 'General notes', blocks: [{ type: 'paragraph', text: 'A lively session.' }] },
      ],
    });
    expect(buildSummaryNotes(source(), exportText('en')).parts.map((part) => part.sessionNotes)).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('labels quotes by k-anonymous label only, even when the records carry a name, unless names were granted', () => {
    const labels = (includeNames: boolean) =>
      buildSummaryNotes(
        source({ includeNames }),
        exportText('en'),
      ).parts[0]!.questions[0]!.groups[0]!.threads[0]!.comments.map((comment) => comment.label);
    expect(labels(false)).toEqual([CIVIL.name, POOLED]);
    expect(labels(true)).toEqual([CIVIL.name, `Carl (${COMPANY.name})`]);
  });

  it('lists as silent only the groups it names, never the pooled ones', () => {
    const notes = buildSummaryNotes(source(), exportText('en'));
    const [question] = notes.parts[0]!.questions;
    expect(question!.intro).toContain('No threads opened from: State / public authority.');
    expect(JSON.stringify(notes)).not.toContain(ACADEMIA.name);
  });

  it('keeps to one session when filtered: no other questions, no general input', () => {
    const notes = buildSummaryNotes(
      source({
        isSessionFiltered: true,
        questions: source().questions.slice(0, 1),
        input: source().input.slice(0, 5),
      }),
      exportText('en'),
    );
    expect(notes.parts.map((part) => part.heading)).toEqual(['Session: Scoping']);
    expect(notes.preamble).toContain('Agenda session: Scoping.');
    expect(notes.tables[0]!.rows.map((row) => row[0])).toEqual(['Question 1', 'Total']);
  });

  it('tabulates outcomes per question and comments per group, general input included', () => {
    const notes = buildSummaryNotes(source(), exportText('en'));
    expect(notes.tables.map((table) => table.heading)).toEqual([
      'Outcomes per guiding question',
      'Input per stakeholder group',
      'Suggested changes per stakeholder group',
    ]);
    expect(notes.tables[2]!.header).toEqual([
      'Stakeholder group',
      'Accepted',
      'Rejected',
      'Withdrawn by its author',
      'Not yet decided',
      'Total',
    ]);
    expect(notes.tables[0]!.header).toEqual([
      'Guiding question',
      'Accepted',
      'Partly accepted',
      'Not accepted',
      'No change needed',
      'Not yet resolved',
      'Total',
    ]);
    expect(notes.tables[1]!.header).toEqual(['Guiding question', STATE.name, CIVIL.name, POOLED, 'Total']);
    expect(notes.tables[1]!.rows.map((row) => row[0])).toEqual([
      'Question 1',
      'Question 2',
      'General input',
      'Total',
    ]);
  });
});

describe('buildSummaryNotes in another language', () => {
  it('writes its own words, dates and figures in French and leaves what people wrote as written', () => {
    const markdown = renderSummaryMarkdown(buildSummaryNotes(source(), exportText('fr')));
    expect(markdown).toContain('# Notes de synthèse : Smart mix');
    expect(markdown).toContain('Document établi le 3 mars 2026 (Europe/Zurich).');
    expect(markdown).toContain('## Séance : Scoping');
    expect(markdown).toContain('### Question 1 : What is in scope?');
    expect(markdown).toContain('#### Autres parties prenantes');
    expect(markdown).toContain('## Prise en compte des contributions');
    expect(markdown).toContain('### Suites données par question directrice');
    expect(markdown).toContain('| Question directrice | Contribution retenue |');
    expect(markdown).toContain('**Suite donnée : Contribution retenue** Added to the draft.');
    expect(markdown).toContain('> Civil, while small');
    expect(markdown).not.toMatch(/Question 1\. |Outcome:|Other stakeholders|Summary notes/);
  });

  it('counts in the plural form the language has for the number', () => {
    const russian = (k: number) =>
      buildSummaryNotes(
        source({ consultation: { ...source().consultation, kThreshold: k } }),
        exportText('ru'),
      ).preamble;
    expect(russian(2)).toContain(
      'Ни один показатель не учитывает вклад из ячейки, в которую входит менее 2 человек.',
    );
    expect(russian(21)).toContain(
      'Ни один показатель не учитывает вклад из ячейки, в которую входит менее 21 человека.',
    );
  });
});
