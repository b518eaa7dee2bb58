import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { demoAccountWithRole, signedInReviewer, signIn } from './support/demo-accounts';
import { expectSaved, openPaper, sectionBlock, sectionText, typeAtEnd } from './support/paper-page';
import { expectNoScriptRan, highlightedText, recordTraffic, selectText } from './support/thread-page';

test('a reviewer comments on a passage, another group sees it live by group only, an editor resolves it', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const civil = await signedInReviewer(browser, 'Civil society organisation');
  const state = await signedInReviewer(browser, 'State / public authority');
  const traffic = recordTraffic(state.page);
  await openPaper(civil.page);
  await openPaper(state.page);

  const stamp = Date.now();
  const passage = `Passage ${stamp} on remedy`;
  const input = `Remedy needs a timeline ${stamp}.`;
  const civilSection = sectionText(civil.page, 2);
  await typeAtEnd(civil.page, civilSection, ` ${passage}.`);
  await expectSaved(civil.page);
  await expect(sectionText(state.page, 2)).toContainText(passage);

  await selectText(civilSection, passage);
  const civilBlock = sectionBlock(civil.page, 2);
  await civilBlock.getByRole('button', { name: 'Comment' }).click();
  await civilBlock.getByLabel('Your input').fill(input);
  await civilBlock.getByRole('button', { name: 'Post', exact: true }).click();

  const civilCard = civil.page.locator('article', { hasText: input });
  await expect(civilCard).toContainText('Thread by You');
  const threadId = (await civilCard.getAttribute('data-thread-id')) ?? '';
  await expect.poll(() => highlightedText(civilSection, threadId)).toBe(passage);

  // Live, without reload, labelled by group only — pooled, as every demo group is smaller than k.
  const stateCard = state.page.locator('article', { hasText: input });
  await expect(stateCard).toBeVisible();
  await expect(stateCard).toContainText('Thread by Other stakeholders');
  await expect.poll(() => highlightedText(sectionText(state.page, 2), threadId)).toBe(passage);
  await expectNoAxeViolations(civil.page);
  await expectNoAxeViolations(state.page);

  // The passage is edited inside and before it at the same time; the highlight follows the text.
  await selectText(sectionText(state.page, 2), passage, { collapseAfter: 'Passage' });
  await state.page.keyboard.type(' edited');
  await civilSection.click();
  await civil.page.keyboard.press('Control+Home');
  await civil.page.keyboard.type('Opening words. ');
  const edited = `Passage edited ${stamp} on remedy`;
  await expect.poll(() => highlightedText(civilSection, threadId)).toBe(edited);
  await expect.poll(() => highlightedText(sectionText(state.page, 2), threadId)).toBe(edited);
  await stateCard.getByRole('button', { name: 'Show passage' }).click();
  await expect(sectionText(state.page, 2).locator('.thread-passage--focused')).toHaveAttribute(
    'data-thread-id',
    threadId,
  );

  const editorPage = await (await browser.newContext()).newPage();
  await signIn(editorPage, await demoAccountWithRole(editorPage.request, 'editor'));
  await editorPage.goto(civil.page.url().replace(/\/paper$/, '/triage'));
  const triageCard = editorPage.locator('article', { hasText: input });
  await expect(triageCard).toBeVisible();
  // The passage was edited after the comment: the card says so and keeps the quote as it was.
  await expect(triageCard).toContainText('Text changed since this comment');
  await expect(triageCard.locator('blockquote')).toHaveText(passage);
  await expectNoAxeViolations(editorPage);
  await triageCard.getByRole('button', { name: 'Resolve…' }).click();
  await triageCard.getByRole('combobox', { name: 'Outcome' }).click();
  await editorPage.getByRole('option', { name: 'Partly accepted' }).click();
  await triageCard.getByLabel('Note for the reviewers').fill(`A timeline is added in section 2 (${stamp}).`);
  await triageCard.getByRole('button', { name: 'Resolve', exact: true }).click();
  await expect(editorPage.locator('article', { hasText: input })).toHaveCount(0);
  // The work list shows open threads and says so; "Any status" brings the resolved one back.
  const statusFilter = editorPage.getByRole('combobox', { name: 'Status' });
  await expect(statusFilter).toHaveText('Open');
  await statusFilter.click();
  await editorPage.getByRole('option', { name: 'Any status' }).click();
  await expect(editorPage.locator('article', { hasText: input })).toBeVisible();

  await expect(civilCard).toContainText('Resolved: Partly accepted');
  await expect(civilCard).toContainText(`A timeline is added in section 2 (${stamp}).`);
  await expect(civil.page.getByRole('button', { name: /^Notifications\s*, [1-9]\d* unread$/ })).toBeVisible();
  await expect(stateCard).toContainText('Resolved: Partly accepted');

  // Chatham House rule: the other reviewer never receives the author's name, on screen or on the wire.
  expect(await state.page.content()).not.toContain(civil.name);
  expect(traffic.received.some((payload) => payload.includes(civil.name))).toBe(false);
  await expectNoAxeViolations(civil.page);

  for (const page of [civil.page, state.page, editorPage]) await page.context().close();
});

test('comment text is shown literally: no HTML, script or javascript: link from a comment ever runs', async ({
  browser,
}) => {
  // A sign-up, the paper and every comment checked: near the default time even on an idle machine.
  test.slow();
  const { page } = await signedInReviewer(browser, 'Company / business');
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openPaper(page);
  await page.getByRole('link', { name: 'Questions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Questions' })).toBeVisible();

  const stamp = Date.now();
  const payloads = [
    `<img src=x onerror="window.__xss=1;alert(1)"> ${stamp}`,
    '<script>window.__xss=2;alert(2)</script>',
    '[click me](javascript:window.__xss=3)',
    '<a href="javascript:window.__xss=4">raw link</a>',
    '<svg onload="window.__xss=5"></svg>',
  ];
  const general = page.getByRole('region', { name: 'General input' });
  await general.getByRole('button', { name: 'New thread' }).click();
  await general.getByLabel('Your input').fill(payloads.join('\n\n'));
  await general.getByRole('button', { name: 'Post', exact: true }).click();

  const card = page.locator('article', { hasText: String(stamp) });
  await expect(card).toContainText(`<img src=x onerror="window.__xss=1;alert(1)"> ${stamp}`);
  await expect(card).toContainText('<script>window.__xss=2;alert(2)</script>');
  await expect(card).toContainText('<a href="javascript:window.__xss=4">raw link</a>');
  await expect(card.locator('img, script, svg, a[href^="javascript"]')).toHaveCount(0);
  await expect(card.getByRole('link', { name: 'click me' })).toHaveCount(0);
  await card.getByText('click me').click();
  await expectNoScriptRan(page, dialogs);

  await page.reload();
  await expect(page.locator('article', { hasText: String(stamp) })).toContainText('<script>');
  await expectNoScriptRan(page, dialogs);
  await expectNoAxeViolations(page);
  await page.context().close();
});

test('on the questions page reviewers of two groups reply, endorse, edit, delete and filter, live on both pages', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const author = await signedInReviewer(browser, 'Civil society organisation');
  const other = await signedInReviewer(browser, 'State / public authority');
  for (const { page } of [author, other]) {
    await openPaper(page);
    await page.getByRole('link', { name: 'Questions' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Questions' })).toBeVisible();
  }
  const stamp = Date.now();
  const body = `Grievance mechanisms need funding ${stamp}`;
  const firstQuestion = author.page.getByRole('region', { name: /^Q1 / });
  await expect(firstQuestion.getByText(/^\d+ open · \d+ resolved$/)).toBeVisible();
  await firstQuestion.getByRole('button', { name: 'New thread' }).click();
  await firstQuestion.getByLabel('Your input').fill(body);
  await firstQuestion.getByRole('button', { name: 'Post', exact: true }).click();
  const authorCard = author.page.locator('article', { hasText: body });
  await expect(authorCard).toContainText('Thread by You');
  const threadId = (await authorCard.getAttribute('data-thread-id')) ?? '';
  const otherCard = other.page.locator(`article[data-thread-id="${threadId}"]`);
  await expect(otherCard).toContainText('Thread by Other stakeholders');
  await expect(authorCard.getByRole('button', { name: 'Endorse' })).toHaveCount(0);

  await otherCard.getByRole('button', { name: 'Endorse' }).click();
  await expect(otherCard.getByRole('button', { name: 'Withdraw endorsement' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(authorCard).toContainText('Endorsed by Other stakeholders (1)');

  await otherCard.getByRole('button', { name: 'Reply' }).click();
  await otherCard.getByLabel('Your reply').fill(`We agree ${stamp}`);
  await otherCard.getByRole('button', { name: 'Post reply' }).click();
  await expect(authorCard).toContainText(`We agree ${stamp}`);
  await expect(authorCard.getByRole('listitem').filter({ hasText: `We agree ${stamp}` })).toContainText(
    'Other stakeholders',
  );

  const authorComment = authorCard.getByRole('listitem').filter({ hasText: body });
  await authorComment.getByRole('button', { name: 'Edit' }).click();
  await authorComment.getByLabel('Edit your comment').fill(`${body}, *urgently*`);
  await authorComment.getByRole('button', { name: 'Save' }).click();
  await expect(otherCard.locator('em', { hasText: 'urgently' })).toBeVisible();
  await expect(otherCard).toContainText('edited');

  await authorCard
    .getByRole('listitem')
    .filter({ hasText: 'urgently' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await author.page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(otherCard).toContainText('Comment deleted');
  await expect(otherCard).not.toContainText(body);
  await expect(otherCard).toContainText(`We agree ${stamp}`);

  await other.page.getByRole('combobox', { name: 'Status' }).click();
  await other.page.getByRole('option', { name: 'Resolved' }).click();
  await expect(other.page).toHaveURL(/status=resolved/);
  await expect(otherCard).toHaveCount(0);
  await other.page.getByRole('combobox', { name: 'Status' }).click();
  await other.page.getByRole('option', { name: 'Open' }).click();
  await expect(otherCard).toBeVisible();

  expect(await other.page.content()).not.toContain(author.name);
  expect(await author.page.content()).not.toContain(other.name);
  await expectNoAxeViolations(author.page);
  await expectNoAxeViolations(other.page);
  for (const { page } of [author, other]) await page.context().close();
});
