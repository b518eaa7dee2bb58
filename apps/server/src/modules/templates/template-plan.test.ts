import { describe, expect, it } from 'vitest';
import { loadTemplates } from './template-catalog.js';
import { templateFile } from './template-file.schema.js';
import { planFromTemplate } from './template-plan.js';

const minimal = {
  id: 'tiny',
  name: 'Tiny',
  description: 'A template with one of each',
  timezone: 'Europe/Zurich',
  sections: [{ number: '1', title: 'Scope' }],
  sessions: [{ key: 'a', title: 'A', startsAt: '09:00', endsAt: '10:30', sections: ['1'] }],
  questions: [{ number: 1, text: 'Why?', session: 'a', sections: ['1'] }],
};

describe('planFromTemplate', () => {
  it('places wall-clock times on the agenda day in the consultation zone', () => {
    const template = templateFile.parse(minimal);
    const winter = planFromTemplate(template, '2026-01-15', 'Europe/Zurich');
    expect(winter.sessions[0]).toMatchObject({
      startsAt: '2026-01-15T08:00:00.000Z',
      endsAt: '2026-01-15T09:30:00.000Z',
      sectionNumbers: ['1'],
    });
    const summer = planFromTemplate(template, '2026-07-15', 'Europe/Zurich');
    expect(summer.sessions[0]!.startsAt).toBe('2026-07-15T07:00:00.000Z');
    const newYork = planFromTemplate(template, '2026-01-15', 'America/New_York');
    expect(newYork.sessions[0]!.startsAt).toBe('2026-01-15T14:00:00.000Z');
  });

  it('keeps section order, bodies, question links and checklist positions', () => {
    const plan = planFromTemplate(
      templateFile.parse({ ...minimal, checklist: ['First', 'Second'] }),
      '2026-03-01',
      'UTC',
    );
    expect(plan.sections).toEqual([{ number: '1', title: 'Scope', body: '', position: 0 }]);
    expect(plan.questions).toEqual([{ number: 1, text: 'Why?', sectionNumbers: ['1'], sessionKey: 'a' }]);
    expect(plan.checklist).toEqual([
      { label: 'First', position: 0 },
      { label: 'Second', position: 1 },
    ]);
  });
});

describe('template file schema', () => {
  it('rejects links to sections and sessions the template does not have', () => {
    const result = templateFile.safeParse({
      ...minimal,
      sessions: [{ key: 'a', title: 'A', startsAt: '09:00', endsAt: '10:00', sections: ['9'] }],
      questions: [{ number: 1, text: 'Why?', session: 'b', sections: ['1'] }],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.message)).toEqual(
      expect.arrayContaining(['unknown section 9', 'unknown session b']),
    );
  });

  it('keeps programme items free of sections and questions', () => {
    const result = templateFile.safeParse({
      ...minimal,
      sessions: [
        {
          key: 'a',
          kind: 'programme',
          title: 'Opening',
          startsAt: '09:00',
          endsAt: '09:10',
          sections: ['1'],
        },
        { key: 'b', kind: 'programme', title: 'Wrap-up', startsAt: '10:00', endsAt: '10:10' },
      ],
      questions: [{ number: 1, text: 'Why?', session: 'b', sections: ['1'] }],
    });
    expect(result.error!.issues.map((issue) => issue.message)).toEqual(
      expect.arrayContaining([
        'a programme item has no sections',
        'b is a programme item, not a review session',
      ]),
    );
    const plan = planFromTemplate(
      templateFile.parse({
        ...minimal,
        sessions: [
          ...minimal.sessions,
          { key: 'b', kind: 'programme', title: 'B', startsAt: '11:00', endsAt: '11:10' },
        ],
      }),
      '2026-03-01',
      'UTC',
    );
    expect(plan.sessions.map((session) => session.kind)).toEqual(['review', 'programme']);
  });

  it('rejects duplicate question numbers, sessions ending before they start and unknown fields', () => {
    const result = templateFile.safeParse({
      ...minimal,
      sessions: [{ key: 'a', title: 'A', startsAt: '10:00', endsAt: '09:00' }],
      questions: [
        { number: 1, text: 'One' },
        { number: 1, text: 'Again' },
      ],
      extra: true,
    });
    expect(result.success).toBe(false);
  });
});

describe('shipped templates', () => {
  it('load and follow their seed documents', async () => {
    const templates = await loadTemplates();
    const paper = templates.find((template) => template.id === 'foundational-paper')!;
    expect(paper.sections.map((section) => section.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(paper.sections.every((section) => section.body.length > 0)).toBe(true);
    expect(
      paper.sessions.map((session) => [session.kind, session.startsAt, session.endsAt, session.sections]),
    ).toEqual([
      ['programme', '15:45', '16:00', []],
      ['programme', '16:00', '16:10', []],
      ['programme', '16:10', '16:15', []],
      ['review', '16:15', '16:45', ['1', '2', '3']],
      ['review', '16:50', '17:20', ['4']],
      ['review', '17:20', '17:50', ['5']],
      ['programme', '17:50', '18:00', []],
    ]);
    const opening = paper.sessions.find((session) => session.key === 'opening')!;
    expect(opening.title).toBe('Opening remarks, welcome and introductions');
    expect(opening.speakers).toHaveLength(2);
    expect(paper.questions.map((question) => question.number)).toEqual([1, 2, 3, 4, 5, 6]);
    const compass = templates.find((template) => template.id === 'ungps-compass')!;
    expect(compass.sections).toHaveLength(4);
    expect(compass.sessions).toHaveLength(0);
    expect(compass.questions).toHaveLength(19);
    expect(compass.checklist).toHaveLength(7);
  });
});
