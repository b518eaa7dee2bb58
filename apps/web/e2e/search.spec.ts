import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { signedInReviewer } from './support/demo-accounts';
import { openPaper } from './support/paper-page';

test('a reviewer searches the input from the keyboard, shares the search by its address and opens the thread found', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { page } = await signedInReviewer(browser, 'Civil society organisation');
  await openPaper(page);
  await page.getByRole('link', { name: 'Questions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Questions' })).toBeVisible();
  const stamp = Date.now();
  const body = `Wetland quillworts ${stamp} need protecting from dredging.`;

  const firstQuestion = page.getByRole('region', { name: /^Q1 / });
  await firstQuestion.getByRole('button', { name: 'New thread' }).click();
  // While typing input, the shortcut key is just a character.
  await firstQuestion.getByLabel('Your input').fill(body);
  await firstQuestion.getByLabel('Your input').press('/');
  await expect(firstQuestion.getByLabel('Your input')).toHaveValue(`${body}/`);
  await firstQuestion.getByLabel('Your input').fill(body);
  await firstQuestion.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.locator('li.thread-comment', { hasText: body })).toBeVisible();

  const box = page.getByRole('searchbox', { name: 'Search the input' });
  await expect(box).toHaveAttribute('aria-keyshortcuts', '/');
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await page.keyboard.type(`quillwort ${stamp}`);
  await page.keyboard.press('Enter');

  const results = page.getByRole('region', { name: `1 result for “quillwort ${stamp}”` });
  await expect(results).toBeVisible();
  await expect(results.locator('mark')).toHaveText(['quillworts', String(stamp)]);
  await expect(results.getByText('Comment by You')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('q')).toBe(`quillwort ${stamp}`);
  await expectNoAxeViolations(page);

  // The address holds the search: a reload (or the link, shared) shows it again.
  await page.reload();
  await expect(box).toHaveValue(`quillwort ${stamp}`);
  await expect(results.locator('mark')).toHaveText(['quillworts', String(stamp)]);

  await results.getByRole('link', { name: 'Open the thread' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search the input' })).toHaveValue('');
  await expect(page.locator('li.thread-comment', { hasText: body })).toBeInViewport();

  // The paper's text is searched too, and such a result leads to its section.
  await box.fill('periodically assess adequacy');
  await box.press('Enter');
  const inPaper = page.getByRole('listitem').filter({ hasText: 'The paper' }).first();
  await expect(inPaper.locator('mark')).toHaveText(['periodically', 'assess', 'adequacy']);
  await expectNoAxeViolations(page);
  await inPaper.getByRole('link', { name: 'Open in the paper' }).click();
  await expect(page).toHaveURL(/\/paper#section-/);
});
