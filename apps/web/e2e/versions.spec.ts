import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { demoAccountWithRole, signIn } from './support/demo-accounts';
import { expectSaved, openPaper, sectionText, typeAtEnd } from './support/paper-page';

test('an editor takes a version, edits the paper, reads the version and compares it with the paper now', async ({
  page,
}) => {
  await signIn(page, await demoAccountWithRole(page.request, 'editor'));
  await openPaper(page);
  const paperUrl = page.url();
  const navigation = page.getByRole('navigation', { name: 'Consultation' });
  const versionName = `Draft for consultation ${Date.now()}`;
  const addition = `Remedy channels must be effective ${Date.now()}`;

  await navigation.getByRole('link', { name: 'Versions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Versions' })).toBeVisible();
  await page.getByRole('button', { name: 'Take version' }).click();
  await expect(page.getByText('must not be empty')).toBeVisible();
  await page.getByLabel('Version name').fill(versionName);
  await page.getByRole('button', { name: 'Take version' }).click();
  await expect(page.getByText(`Version “${versionName}” taken.`)).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Versions taken' })
      .getByRole('table')
      .getByRole('link', { name: versionName }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(paperUrl);
  const section = sectionText(page, 1);
  const before = await section.innerText();
  await typeAtEnd(page, section, ` ${addition}`);
  await expectSaved(page);

  await navigation.getByRole('link', { name: 'Versions' }).click();
  await page.getByRole('link', { name: versionName }).click();
  await expect(page.getByRole('heading', { level: 1, name: versionName })).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  const firstSection = page.getByRole('region', { name: /^1 / });
  await expect(firstSection).toContainText(before.slice(0, 60));
  await expect(firstSection).not.toContainText(addition);
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Compare with the current paper' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Comparison' })).toBeVisible();
  await expect(page.getByText(`From “${versionName}” to “Current paper”`)).toBeVisible();
  const compared = page.getByRole('region', { name: /^1 / });
  await expect(compared.getByText('Changed', { exact: true })).toBeVisible();
  await expect(compared.locator('ins').filter({ hasText: 'Remedy' })).toContainText(
    addition.split(' ').at(-1)!,
  );
  await expectNoAxeViolations(page);
});

test('the observer reads versions but has no way to take one', async ({ page }) => {
  await signIn(page, await demoAccountWithRole(page.request, 'observer'));
  await openPaper(page);
  await page
    .getByRole('navigation', { name: 'Consultation' })
    .getByRole('link', { name: 'Versions' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Versions' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Versions taken' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Take a version' })).toHaveCount(0);
  await expect(page.getByLabel('Version name')).toHaveCount(0);
  await expectNoAxeViolations(page);
});
