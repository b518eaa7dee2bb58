import { consultationSummary } from '@cw/shared';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { demoAccountWithRole, signIn } from './support/demo-accounts';

/**
 * The dashboard draws several charts at once and axe reads them all: on a busy machine each takes
 * tens of seconds.
 */
const FIRST_RENDER = { timeout: 45_000 };
const DASHBOARD_TEST_TIMEOUT = 120_000;

const WITHHELD_REASON = /figures drawn from fewer than 5 people are not shown, so no one can be identified/;

async function openDashboard(page: Page): Promise<void> {
  await openConsultation(page);
  await page
    .getByRole('navigation', { name: 'Consultation' })
    .getByRole('link', { name: 'Dashboard' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Input dashboard' })).toBeVisible();
}

async function openConsultation(page: Page): Promise<void> {
  const response = await page.request.get('/api/consultations');
  expect(response.status()).toBe(200);
  const [consultation] = consultationSummary.array().parse(await response.json());
  if (!consultation) throw new Error('the demo account belongs to no consultation');
  await page.goto(`/consultations/${consultation.id}`);
}

test('the admin opens the dashboard and sees the gaps grouped by kind, for groups that can give input', async ({
  page,
}) => {
  test.setTimeout(DASHBOARD_TEST_TIMEOUT);
  await signIn(page, await demoAccountWithRole(page.request, 'admin'));
  await openDashboard(page);

  const gaps = page.getByRole('region', { name: 'Representation gaps' });
  const kinds = gaps.getByRole('heading', { level: 3 });
  await expect(kinds.first()).toBeVisible(FIRST_RENDER);
  for (const kind of await kinds.allTextContents())
    expect(kind).toMatch(/^Questions and sections .+ \(\d+\)$/);
  // The demo seeds input on questions 1 to 3 and sections 1 and 2 only.
  const unanswered = 'Questions and sections with no input at all';
  await expect(kinds.first()).toHaveText(new RegExp(`^${unanswered} \\(\\d+\\)$`));
  const unansweredCount = Number(/\((\d+)\)$/.exec((await kinds.first().textContent()) ?? '')![1]);
  expect(unansweredCount).toBeGreaterThan(3);
  const unansweredList = gaps.getByRole('list', { name: new RegExp(`^${unanswered}`) });
  await expect(unansweredList.getByRole('listitem')).toHaveCount(3);
  await expect(unansweredList.getByRole('listitem').first()).toHaveText(/^Question \d+$/);
  const showAll = gaps.getByRole('button', { name: `Show all ${unansweredCount}` });
  await expect(showAll).toHaveAttribute('aria-expanded', 'false');
  await showAll.click();
  await expect(unansweredList.getByRole('listitem')).toHaveCount(unansweredCount);
  await expect(gaps.getByRole('button', { name: 'Show fewer' })).toHaveAttribute('aria-expanded', 'true');
  // The organisers' group (admin and editor) and "Other" (an observer alone) cannot give input.
  await expect(gaps.getByText(/International organisation|\bOther\b/)).toHaveCount(0);
  await expect(gaps.getByText(/no input from .*Civil society organisation/)).toBeVisible();
  await expect(page.getByText('Exact internal counts, for admins only.')).toBeVisible();

  const questions = page.getByRole('table', { name: 'Comments by stakeholder group and guiding question' });
  await expect(questions.getByRole('columnheader', { name: 'Q1' })).toBeVisible();
  const civilRow = questions.getByRole('row', { name: /^Civil society organisation/ });
  await expect(civilRow.getByRole('cell').first()).toHaveText(/^[1-9]\d*$/);
  await expect(
    page.getByRole('img', { name: /^Chart: Comments by stakeholder group and guiding question/ }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: /^Members invited, joined and active/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the published preview pools small groups and says why charts are empty', async ({ page }) => {
  test.setTimeout(DASHBOARD_TEST_TIMEOUT);
  await signIn(page, await demoAccountWithRole(page.request, 'admin'));
  await openDashboard(page);
  const questions = page.getByRole('table', { name: 'Comments by stakeholder group and guiding question' });
  const civilRow = questions.getByRole('row', { name: /^Civil society organisation/ });
  await expect(civilRow).toBeVisible(FIRST_RENDER);

  // The published preview: every demo group is smaller than k, so none is named; their input is
  // pooled in one row, whose figures leave out cells drawn from fewer than 5 people.
  await page.getByLabel('Figures', { exact: true }).click();
  await page.getByRole('option', { name: 'Published (thresholded)' }).click();
  await expect(
    page.getByText(/^Published figures: rows name only groups of at least 5 members/),
  ).toBeVisible();
  await expect(civilRow).toHaveCount(0);
  await expect(questions.getByRole('row', { name: /^Other stakeholders/ })).toBeVisible();
  // Charts say why figures are missing; one the threshold left nothing to draw gives way to the note.
  const byQuestion = page.getByRole('region', { name: 'By guiding question' });
  const withheldNote = byQuestion.getByRole('note').filter({ hasText: WITHHELD_REASON });
  await expect(withheldNote).toBeVisible();
  const isNothingToChart = /^Nothing to chart/.test((await withheldNote.textContent()) ?? '');
  await expect(byQuestion.getByRole('img')).toHaveCount(isNothingToChart ? 0 : 1);
  await expectNoAxeViolations(page);
});

test('editors get the published figures only, and reviewers no dashboard at all', async ({ page }) => {
  test.slow();
  await signIn(page, await demoAccountWithRole(page.request, 'editor'));
  await openDashboard(page);
  await expect(page.getByText(/^Published figures: rows name only groups of at least 5 members/)).toBeVisible(
    FIRST_RENDER,
  );
  await expect(page.getByLabel('Figures', { exact: true })).toHaveCount(0);
  await expect(
    page
      .getByRole('region', { name: 'By guiding question' })
      .getByRole('note')
      .filter({ hasText: WITHHELD_REASON }),
  ).toBeVisible();

  await signIn(page, await demoAccountWithRole(page.request, 'reviewer'));
  await openConsultation(page);
  await expect(
    page.getByRole('navigation', { name: 'Consultation' }).getByRole('link', { name: 'Dashboard' }),
  ).toHaveCount(0);
});
