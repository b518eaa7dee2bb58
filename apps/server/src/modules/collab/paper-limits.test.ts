import { describe, expect, it } from 'vitest';
import { EditBudgets, PaperSize } from './paper-limits.js';

describe('EditBudgets', () => {
  it('lets a member spend a whole minute’s budget at once, then refills it over the minute', () => {
    const budgets = new EditBudgets(60_000);
    expect(budgets.take('rita', 60_000, 0)).toBe('ok');
    expect(budgets.take('rita', 1, 0)).toBe('exceeded');
    expect(budgets.take('rita', 10_000, 9_000)).toBe('exceeded');
    expect(budgets.take('rita', 10_000, 10_000)).toBe('ok');
    // Another member has a budget of their own.
    expect(budgets.take('carl', 60_000, 10_000)).toBe('ok');
  });

  it('never passes an edit larger than a minute’s budget', () => {
    expect(new EditBudgets(1_000).take('rita', 1_001, 0)).toBe('tooLarge');
  });
});

describe('PaperSize', () => {
  it('admits growth within the limit by adding up updates, without counting the paper', () => {
    let counts = 0;
    const size = new PaperSize(100, 1_000, () => ++counts);
    expect(size.admits(800)).toBe(true);
    size.applied(800, true);
    expect(counts).toBe(0);
  });

  it('counts the paper exactly once the estimate passes the limit, then refuses until a deletion', () => {
    let actual = 700;
    let counts = 0;
    const size = new PaperSize(600, 1_000, () => (counts++, actual));
    size.applied(300, true);
    // Estimated 900 + 200 > 1000: counted, 700 + 200 fits.
    expect(size.admits(200)).toBe(true);
    size.applied(200, true);
    actual = 900;
    expect(size.admits(200)).toBe(false);
    expect(counts).toBe(1);
    expect(size.admits(50)).toBe(true);
    // Deleting may have made room: the next refusal counts again.
    size.applied(10, false);
    actual = 300;
    expect(size.admits(600)).toBe(true);
    expect(counts).toBe(2);
  });
});
