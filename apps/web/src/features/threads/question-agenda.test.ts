import { describe, expect, it } from 'vitest';
import { questionsByAgenda } from './question-agenda';
import { consultation } from './test-consultation';

describe('questionsByAgenda', () => {
  it('orders sessions by position, questions by number, and puts questions without a session last', () => {
    expect(
      questionsByAgenda(consultation).map((block) => [block.title, block.questions.map((q) => q.number)]),
    ).toEqual([
      ['Session 1', [2]],
      ['Session 2', [1]],
      [null, [3]],
    ]);
  });
});
