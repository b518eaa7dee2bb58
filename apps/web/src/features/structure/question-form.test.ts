import type { GuidingQuestion } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import { questionForm, questionValues } from './question-form';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const question: GuidingQuestion = {
  id: id(1),
  number: 4,
  text: 'Which gaps?',
  sectionIds: [id(2)],
  sessionId: id(3),
};

describe('questionForm', () => {
  it('sends a stored question back as it is', () => {
    expect(questionForm.parse(questionValues(question))).toEqual({
      number: 4,
      text: 'Which gaps?',
      sectionIds: [id(2)],
      sessionId: id(3),
    });
  });

  it('leaves the number to the server when none is typed, and links no session by default', () => {
    const body = questionForm.parse({ ...questionValues(undefined), text: 'New question' });
    expect(body).toEqual({ text: 'New question', sectionIds: [], sessionId: null });
  });

  it('refuses an empty text and a number out of range, each on its own field', () => {
    const result = questionForm.safeParse({ ...questionValues(undefined), number: '1000' });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['number', 'text']);
  });
});
