import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** One readable paragraph per violated rule: what, how bad, where, and how to fix it. */
function describe(violation: Violation): string {
  const where = violation.nodes.map(
    (node) => `    at ${node.target.join(' ')}\n      ${node.html}\n      ${node.failureSummary ?? ''}`,
  );
  return [
    `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}`,
    `    ${violation.helpUrl}`,
    ...where,
  ].join('\n');
}

/** Runs axe-core on the page as it is now and fails on any violation, listing each one. */
export async function expectNoAxeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
  let builder = new AxeBuilder({ page });
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  expect(violations.map(describe), `axe found ${violations.length} accessibility violation(s)`).toEqual([]);
}
