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

/**
 * Runs axe-core on the page as it is now and fails on any violation, listing each one. Target size
 * (WCAG 2.2, 2.5.8), which axe leaves off by default, is checked where `targetSize` asks for it.
 */
export async function expectNoAxeViolations(
  page: Page,
  options: { exclude?: string[]; targetSize?: boolean } = {},
): Promise<void> {
  let builder = new AxeBuilder({ page });
  if (options.targetSize) builder = builder.options({ rules: { 'target-size': { enabled: true } } });
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  expect(violations.map(describe), `axe found ${violations.length} accessibility violation(s)`).toEqual([]);
}
