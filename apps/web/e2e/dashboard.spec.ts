import { consultationSummary } from '@cw/shared';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { demoAccountWithRole, signIn } from './support/demo-accounts';

async function openConsultation(page: Page): Promise<void> {
  const response = await page.request.get('/api/consultations');
  expect(response.status()).toBe(200);
  const [consultation] = consultationSummary.array().parse(await response.json());
  if (!consultation) throw new Error('the demo account belongs to no consultation');
  await page.goto(`/consultations/${consultation.id}`);
}

test('the admin opens the dashboard and sees the gap for a group with no input', async ({ page }) => {
  await signIn(page, await demoAccountWithRole(page.request, 'admin'));
  await openConsultation(page);
  await page
    .getByRole('navigation', { name: 'Consultation' })
    .getByRole('link', { name: 'Dashboard' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Input dashboard' })).toBeVisible();

  // The demo's only "Other" member is an observer, who cannot give input.
  const gaps = page.getByRole('region', { name: 'Representation gaps' });
  await expect(gaps.getByRole('listitem').filter({ hasText: 'No Other input on question 1' })).toBeVisible();
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

  // The published preview: every demo group is smaller than k, so none is named; their input is
  // pooled in one row, whose figures leave out cells drawn from fewer than 5 people.
  await page.getByLabel('Figures', { exact: true }).click();
  await page.getByRole('option', { name: 'Published (thresholded)' }).click();
  await expect(
    page.getByText(/^Published figures: rows name only groups of at least 5 members/),
  ).toBeVisible();
  await expect(civilRow).toHaveCount(0);
  await expect(questions.getByRole('row', { name: /^Other stakeholders/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('editors get the published figures only, and reviewers no dashboard at all', async ({ page }) => {
  await signIn(page, await demoAccountWithRole(page.request, 'editor'));
  await openConsultation(page);
  await page
    .getByRole('navigation', { name: 'Consultation' })
    .getByRole('link', { name: 'Dashboard' })
    .click();
  await expect(
    page.getByText(/^Published figures: rows name only groups of at least 5 members/),
  ).toBeVisible();
  await expect(page.getByLabel('Figures', { exact: true })).toHaveCount(0);

  await signIn(page, await demoAccountWithRole(page.request, 'reviewer'));
  await openConsultation(page);
  await expect(
    page.getByRole('navigation', { name: 'Consultation' }).getByRole('link', { name: 'Dashboard' }),
  ).toHaveCount(0);
});
