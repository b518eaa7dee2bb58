import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { demoAccountWithRole, signIn } from './support/demo-accounts';
import { openPaper } from './support/paper-page';

test('switching to a more open mode shows the admin what it changes, and nothing changes until confirmed', async ({
  page,
}) => {
  await signIn(page, await demoAccountWithRole(page.request, 'admin'));
  await openPaper(page);
  await page
    .getByRole('navigation', { name: 'Consultation' })
    .getByRole('link', { name: 'Settings' })
    .click();
  const form = page.getByRole('form', { name: 'Consultation details' });
  await form.getByLabel('Attribution', { exact: true }).click();
  await page.getByRole('option', { name: 'Named' }).click();
  await form.getByRole('button', { name: 'Save' }).click();

  const dialog = page.getByRole('alertdialog', { name: 'Open attribution?' });
  await expect(dialog).toContainText('no earlier comment, endorsement, edit or version will show a name');
  await expect(dialog).toContainText(
    'Switching from Chatham House rule to Named: from now on observers and reviewers will see the names',
  );
  await expectNoAxeViolations(page);
  // Cancelled here, so the demo stays under the Chatham House rule for the tests alongside.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Attribution', { exact: true })).toHaveText('Chatham House rule');
});
