import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { listDemoAccounts, signedInReviewer, signIn } from './support/demo-accounts';
import { expectSaved, openPaper, sectionBlock, sectionText, typeAtEnd } from './support/paper-page';

async function reviewerPage(browser: Browser, group: string): Promise<{ page: Page; name: string }> {
  const reviewer = await signedInReviewer(browser, group);
  await openPaper(reviewer.page);
  return reviewer;
}

test('two reviewers of different groups edit one section together and see each other by group only', async ({
  browser,
}) => {
  // Two browsers, two accessibility scans and a reload: on a 2-core machine running two
  // workers this journey has taken 20-30 s.
  test.setTimeout(90_000);
  const state = await reviewerPage(browser, 'State / public authority');
  const civil = await reviewerPage(browser, 'Civil society organisation');
  const stamp = Date.now();
  const fromState = ` State input ${stamp}.`;
  const fromCivil = ` Civil society input ${stamp}.`;

  await typeAtEnd(state.page, sectionText(state.page, 1), fromState);
  await expect(sectionText(civil.page, 1)).toContainText(fromState.trim());

  await typeAtEnd(civil.page, sectionText(civil.page, 1), fromCivil);
  await expect(sectionText(state.page, 1)).toContainText(fromCivil.trim());

  // Every demo group is smaller than k: carets and presence show the pooled label, never a group.
  // `first`: reviewers of tests running alongside carry the same label.
  await expect(
    state.page.locator('.remote-caret__label', { hasText: 'Other stakeholders' }).first(),
  ).toBeVisible();
  await expect(
    state.page.getByRole('list', { name: 'Also here' }).getByText('Other stakeholders').first(),
  ).toBeVisible();
  await expect(
    civil.page.locator('.remote-caret__label', { hasText: 'Other stakeholders' }).first(),
  ).toBeVisible();

  await expectSaved(state.page);
  await expectSaved(civil.page);
  // Chatham House rule: a reviewer never receives another reviewer's name, not even in presence.
  expect(await state.page.content()).not.toContain(civil.name);
  expect(await civil.page.content()).not.toContain(state.name);
  await expectNoAxeViolations(state.page);
  await expectNoAxeViolations(civil.page);

  await state.page.reload();
  await expect(sectionText(state.page, 1)).toContainText(fromState.trim());
  await expect(sectionText(state.page, 1)).toContainText(fromCivil.trim());

  await state.page.context().close();
  await civil.page.context().close();
});

test('the observer reads the paper but cannot change it', async ({ page }) => {
  const observer = (await listDemoAccounts(page.request)).find((account) => account.role === 'observer');
  if (!observer) throw new Error('no demo observer');
  await signIn(page, observer);
  await openPaper(page);

  await expect(page.getByText('Read-only', { exact: true })).toBeVisible();
  await expect(page.getByText('Your role lets you read the paper but not edit it.')).toBeVisible();
  const section = sectionText(page, 1);
  await expect(section).toHaveAttribute('contenteditable', 'false');
  await expect(section).toHaveAttribute('aria-readonly', 'true');
  // Other tests edit the demo paper at the same time, so only the observer's own words are checked.
  const attempt = `Observer text ${Date.now()}`;

  await section.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(attempt);
  await page.keyboard.press('Backspace');

  await expect(page.getByRole('toolbar')).toHaveCount(0);
  await expect(section).not.toContainText(attempt);
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(sectionText(page, 1)).toBeVisible();
  await expect(sectionText(page, 1)).not.toContainText(attempt);
});

test('a reviewer formats text from the toolbar, and a script address is refused as a link', async ({
  browser,
}) => {
  const { page } = await reviewerPage(browser, 'Academia / research');
  const section = sectionText(page, 2);
  const word = `Emphasised${Date.now()}`;
  // Appended to the section's last paragraph, plain text, so the word inherits no formatting.
  // Typing is safe right after moving the caret by keyboard: the editor reads the caret with the
  // typed text. A key the editor handles itself is not (it acts on the caret it last read).
  await typeAtEnd(page, section, ` ${word}`);
  // The editor reads a keyboard selection at the browser's next "selectionchange"; an update
  // landing in between (another reviewer's caret moving) writes the editor's caret back. Like a
  // person who sees the selection did not take, select again; the margin's Comment button shows
  // once the editor has it.
  const comment = sectionBlock(page, 2).getByRole('button', { name: 'Comment' });
  await expect(async () => {
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await expect(comment).toBeVisible({ timeout: 1_000 });
  }).toPass();

  const toolbar = page.getByRole('toolbar', { name: /^Formatting for section 2/ });
  await expect(toolbar).toBeVisible();
  const bold = toolbar.getByRole('button', { name: 'Bold' });
  await expect(bold).toHaveAttribute('aria-pressed', 'false');
  await bold.click();
  await expect(bold).toHaveAttribute('aria-pressed', 'true');
  await expect(section.locator('strong', { hasText: word })).toBeVisible();

  await toolbar.getByRole('button', { name: 'Link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link' });
  await dialog.getByLabel('Address').fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Apply link' }).click();
  await expect(dialog.getByText('Use a web address (https://…) or an email link (mailto:…).')).toBeVisible();
  await expect(dialog.getByLabel('Address')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await dialog
    .getByLabel('Address')
    .fill('https://www.ohchr.org/en/business-and-human-rights/b-tech-project');
  await dialog.getByRole('button', { name: 'Apply link' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.locator('a[href^="https://www.ohchr.org/"]', { hasText: word })).toBeVisible();
  await expect(section.locator('a[href^="javascript:"]')).toHaveCount(0);
  await expectSaved(page);
  await page.context().close();
});
