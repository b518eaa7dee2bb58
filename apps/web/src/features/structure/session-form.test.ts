import type { AgendaSession } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import { sessionForm, sessionValues } from './session-form';

const session: AgendaSession = {
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'programme',
  title: 'Opening',
  description: '',
  speakers: ['Ada', 'Grace'],
  startsAt: '2026-05-04T08:00:00.000Z',
  endsAt: '2026-05-04T09:30:00.000Z',
  sectionIds: [],
  position: 0,
};

describe('sessionForm', () => {
  it('shows a stored session in the consultation’s zone and sends it back unchanged', () => {
    const values = sessionValues(session, 'Europe/Zurich');
    expect(values).toMatchObject({
      startsAt: '2026-05-04T10:00',
      endsAt: '2026-05-04T11:30',
      speakers: 'Ada\nGrace',
    });
    expect(sessionForm.parse(values)).toEqual({
      kind: 'programme',
      title: 'Opening',
      description: '',
      speakers: ['Ada', 'Grace'],
      startsAt: '2026-05-04T10:00',
      endsAt: '2026-05-04T11:30',
      sectionIds: [],
    });
  });

  it('sends a programme item without the sections picked while it was a review session', () => {
    const values = { ...sessionValues(session, 'UTC'), sectionIds: ['00000000-0000-4000-8000-000000000009'] };
    expect(sessionForm.parse(values).sectionIds).toEqual([]);
    expect(sessionForm.parse({ ...values, kind: 'review' }).sectionIds).toEqual(values.sectionIds);
  });

  it('sends one speaker a line, dropping blank lines', () => {
    const values = { ...sessionValues(session, 'UTC'), speakers: ' Ada \n\n  \nGrace' };
    expect(sessionForm.parse(values).speakers).toEqual(['Ada', 'Grace']);
  });

  it('refuses an end before the start on the end field, and an empty title on the title', () => {
    const values = {
      ...sessionValues(undefined, 'UTC'),
      startsAt: '2026-05-04T10:00',
      endsAt: '2026-05-04T09:00',
    };
    expect(sessionForm.safeParse({ ...values, title: 'T' }).error?.issues.map((issue) => issue.path)).toEqual(
      [['endsAt']],
    );
    expect(sessionForm.safeParse(values).error?.issues.map((issue) => issue.path)).toEqual([
      ['title'],
      ['endsAt'],
    ]);
  });
});
