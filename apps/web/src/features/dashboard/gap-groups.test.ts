import type { Gap, GapTarget } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import { groupGaps } from './gap-groups';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const questions = [1, 2, 3].map((number) => ({ id: id(number), number, text: `Question ${number}` }));
const sections = ['1', '2'].map((number, index) => ({ id: id(10 + index), number, title: number }));
const question = (number: number): GapTarget => ({ kind: 'question', id: id(number), number });
const section = (index: number): GapTarget => ({
  kind: 'section',
  id: id(10 + index),
  number: String(index + 1),
});
const group = (gaps: Gap[]) => groupGaps({ gaps, questions, sections });

describe('groupGaps', () => {
  it('groups gaps by kind, the most serious kind first, and leaves out kinds without gaps', () => {
    const groups = group([
      { kind: 'dominant', rowKey: 'civil', target: question(1), share: 0.7 },
      { kind: 'noInput', rowKey: 'state', target: question(1) },
      { kind: 'noInput', rowKey: null, target: question(2) },
    ]);
    expect(groups).toEqual([
      { kind: 'unanswered', items: [{ target: question(2), rowKeys: [] }] },
      { kind: 'missingVoices', items: [{ target: question(1), rowKeys: ['state'] }] },
      { kind: 'dominated', items: [{ target: question(1), rowKeys: ['civil'] }] },
    ]);
    expect(group([{ kind: 'noInput', rowKey: null, target: section(0) }]).map((g) => g.kind)).toEqual([
      'unanswered',
    ]);
  });

  it('names every missing group on one line per question or section, the most missing first', () => {
    const [missing] = group([
      { kind: 'noInput', rowKey: 'state', target: question(1) },
      { kind: 'noInput', rowKey: 'state', target: question(3) },
      { kind: 'noInput', rowKey: 'academia', target: question(3) },
      { kind: 'noInput', rowKey: 'civil', target: section(0) },
      { kind: 'noInput', rowKey: 'company', target: section(0) },
    ]);
    expect(missing!.items).toEqual([
      { target: question(3), rowKeys: ['state', 'academia'] },
      { target: section(0), rowKeys: ['civil', 'company'] },
      { target: question(1), rowKeys: ['state'] },
    ]);
  });

  it('lists what nobody spoke to in paper order: questions by number, then sections', () => {
    const [unanswered] = group([
      { kind: 'noInput', rowKey: null, target: section(1) },
      { kind: 'noInput', rowKey: null, target: question(3) },
      { kind: 'noInput', rowKey: null, target: section(0) },
      { kind: 'noInput', rowKey: null, target: question(2) },
    ]);
    expect(unanswered!.items.map((item) => item.target)).toEqual([
      question(2),
      question(3),
      section(0),
      section(1),
    ]);
  });
});
