import { describe, expect, it } from 'vitest';
import { escapeInline, renderSummaryMarkdown } from './summary-markdown.js';
import type { SummaryNotes } from './summary-notes.model.js';

const notes: SummaryNotes = {
  language: 'en',
  title: 'Summary notes: Smart mix',
  preamble: ['Prepared on 2026-03-02 (Europe/Zurich).'],
  parts: [
    {
      heading: 'Session: Scoping',
      intro: [],
      sessionNotes: null,
      questions: [
        {
          heading: 'Question 1. What is *in* scope?',
          intro: [],
          emptyText: null,
          groups: [
            {
              heading: 'Civil society organisation',
              threads: [
                {
                  passage: 'On the passage: “smart mix”',
                  comments: [
                    {
                      label: 'Civil society organisation',
                      text: '**Yes**, but <script>alert(1)</script>\n\nsecond & last',
                    },
                  ],
                  outcome: 'Outcome: Accepted',
                  note: 'Added | to the draft',
                },
              ],
            },
          ],
        },
      ],
    },
  ],
  accountHeading: 'How input was taken into account',
  tables: [
    {
      heading: 'Input',
      caption: 'Comments',
      header: ['Question', 'A|B', 'Total'],
      rows: [['Question 1', 'fewer than 5', '7']],
      footnote: null,
    },
  ],
};

describe('renderSummaryMarkdown', () => {
  const markdown = renderSummaryMarkdown(notes);

  it('nests session, question and group headings, and quotes comments with their formatting', () => {
    expect(markdown).toContain('## Session: Scoping\n');
    expect(markdown).toContain('### Question 1. What is \\*in\\* scope?\n');
    expect(markdown).toContain('#### Civil society organisation\n');
    expect(markdown).toContain('**Civil society organisation:**\n\n> **Yes**, but');
    expect(markdown).toContain('>\n> second &amp; last');
    expect(markdown).toContain('**Outcome: Accepted** Added \\| to the draft');
  });

  it('never lets HTML a participant typed through', () => {
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('&lt;script>');
  });

  it('escapes table cells so a label cannot add a column', () => {
    expect(markdown).toContain('| Question | A\\|B | Total |');
    expect(markdown).toContain('| Question 1 | fewer than 5 | 7 |');
  });

  it('lays a session’s notes out before its questions, as literal text', () => {
    const withNotes = renderSummaryMarkdown({
      ...notes,
      parts: [
        {
          ...notes.parts[0]!,
          sessionNotes: {
            heading: 'Session notes',
            intro: ['Published 2026-03-02 17:05 (Europe/Zurich).'],
            parts: [
              {
                heading: 'Question 1. What is in scope?',
                blocks: [
                  { type: 'heading', text: 'Examples' },
                  { type: 'item', text: 'EU *law*' },
                  { type: 'item', text: '1. procurement' },
                  { type: 'paragraph', text: '- not a list\n<b>two</b> lines' },
                ],
              },
            ],
          },
        },
      ],
    });
    expect(withNotes).toContain(
      [
        '## Session: Scoping',
        '',
        '### Session notes',
        '',
        '_Published 2026-03-02 17:05 (Europe/Zurich)._',
        '',
        '#### Question 1. What is in scope?',
        '',
        '**Examples**',
        '',
        '- EU \\*law\\*',
        '- 1\\. procurement',
        '',
        '\\- not a list\\',
        '\\<b\\>two\\</b\\> lines',
        '',
        '### Question 1.',
      ].join('\n'),
    );
  });

  it('keeps labels on one line', () => {
    expect(escapeInline('two\nlines')).toBe('two lines');
  });
});
