import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { demoAccountWithRole, signedInReviewer, signIn } from './support/demo-accounts';
import { openPaper } from './support/paper-page';

async function openQuestions(page: Page): Promise<void> {
  await openPaper(page);
  await page.getByRole('link', { name: 'Questions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Questions' })).toBeVisible();
}

test('a reviewer flags a comment that names its author, an editor hides it, and it is gone live for everyone', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const author = await signedInReviewer(browser, 'Civil society organisation');
  const reader = await signedInReviewer(browser, 'State / public authority');
  for (const { page } of [author, reader]) await openQuestions(page);
  const stamp = Date.now();
  const body = `As the delegate of Ruritania ${stamp}, I call for an impact assessment.`;

  const firstQuestion = author.page.getByRole('region', { name: /^Q1 / });
  await firstQuestion.getByRole('button', { name: 'New thread' }).click();
  await firstQuestion.getByLabel('Your input').fill(body);
  await firstQuestion.getByRole('button', { name: 'Post', exact: true }).click();
  const readerComment = reader.page.locator('li.thread-comment', { hasText: body });
  await expect(readerComment).toBeVisible();

  await readerComment.getByRole('button', { name: 'Flag' }).click();
  await readerComment.getByLabel('What is wrong with this comment?').fill(`It names its author ${stamp}`);
  await readerComment.getByRole('button', { name: 'Send to the organisers' }).click();
  await expect(readerComment.getByRole('status')).toHaveText('Flag sent to the organisers.');
  await expectNoAxeViolations(reader.page);

  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, await demoAccountWithRole(editor.request, 'editor'));
  await openPaper(editor);
  await editor
    .getByRole('navigation', { name: 'Consultation' })
    .getByRole('link', { name: 'Moderation' })
    .click();
  await expect(editor.getByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
  const flagged = editor.locator('article', { hasText: `It names its author ${stamp}` });
  await expect(flagged.getByLabel('Text as written')).toHaveValue(body);
  await expectNoAxeViolations(editor);
  await flagged.getByRole('button', { name: 'Hide…' }).click();
  await flagged.getByLabel('Why it is hidden').fill(`Names a delegation ${stamp}`);
  await flagged.getByRole('button', { name: 'Hide comment' }).click();
  await expect(flagged).toHaveCount(0);

  // Live, without reload: the text is gone for the reader, and the author is told why.
  await expect(reader.page.getByText(body)).toHaveCount(0);
  await expect(reader.page.getByText('Hidden by the organisers.').first()).toBeVisible();
  await expect(
    author.page.getByText(`The organisers hid your comment: Names a delegation ${stamp}`),
  ).toBeVisible();
  await expect(author.page.getByText(body)).toHaveCount(0);
  await expectNoAxeViolations(reader.page);

  // The admin finds the editor's action in the audit log, by name.
  const admin = await (await browser.newContext()).newPage();
  const editorAccount = await demoAccountWithRole(admin.request, 'editor');
  await signIn(admin, await demoAccountWithRole(admin.request, 'admin'));
  await openPaper(admin);
  await admin
    .getByRole('navigation', { name: 'Consultation' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await admin.getByLabel('Action').click();
  await admin.getByRole('option', { name: 'Comment hidden' }).click();
  const entry = admin.getByRole('row', { name: new RegExp(editorAccount.name) }).filter({
    hasText: `Names a delegation ${stamp}`,
  });
  await expect(entry).toContainText('Comment hidden');
  await expectNoAxeViolations(admin);
  for (const page of [author.page, reader.page, editor, admin]) await page.context().close();
});
