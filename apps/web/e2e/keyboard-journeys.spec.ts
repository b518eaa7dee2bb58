import { readFileSync } from 'node:fs';
import { consultationSummary, type Language } from '@cw/shared';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { demoAccountWithRole, listDemoAccounts, signIn } from './support/demo-accounts';

/** The app's own strings in a language, so the test reads what a reader of it would hear. */
function strings(language: Language) {
  return JSON.parse(readFileSync(new URL(`../src/i18n/locales/${language}.json`, import.meta.url), 'utf8'));
}

/** Fills a `{{placeholder}}` sentence the way the app does. */
function fill(sentence: string, values: Record<string, string>): string {
  return sentence.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text area of a section, named as the section's label says in this language. */
function sectionText(page: Page, text: ReturnType<typeof strings>, number: number): Locator {
  const [before] = (text.paper.sectionLabel as string).split('{{title}}');
  return page.getByRole('textbox', {
    name: new RegExp(`^${escapeRegExp(fill(before ?? '', { number: String(number) }))}`),
  });
}

/** What the app's live region says now. */
const liveRegion = (page: Page) => page.locator('#announcer');

/** Presses Tab until `target` has the focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator, { backwards = false } = {}): Promise<void> {
  for (let presses = 0; presses < 600; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

async function demoPaperUrl(page: Page): Promise<string> {
  const response = await page.request.get('/api/consultations');
  const [consultation] = consultationSummary.array().parse(await response.json());
  if (!consultation) throw new Error('the demo account belongs to no consultation');
  return `/consultations/${consultation.id}`;
}

/** A reviewer signs in through the form with the keyboard alone, in a browser set to `language`. */
async function reviewerSignsIn(browser: Browser, language: Language, group: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: language })).newPage();
  const account = (await listDemoAccounts(page.request)).find(
    (candidate) => candidate.role === 'reviewer' && candidate.group === group,
  );
  if (!account) throw new Error(`no demo reviewer speaks for ${group}`);
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await tabTo(page, page.locator('input[type="email"]'));
  await page.keyboard.type(account.email);
  await page.keyboard.press('Tab');
  await expect(page.locator('input[type="password"]')).toBeFocused();
  await page.keyboard.type(account.password);
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

for (const { language, group } of [
  { language: 'en', group: 'Company / business' },
  { language: 'ar', group: 'Academia / research' },
] as const) {
  test(`keyboard only, in ${language}: a reviewer comments on a passage and on a guiding question and replies, an editor resolves`, async ({
    browser,
  }) => {
    // Sign-in, three pages and an editor's triage, by key presses alone: three times the default.
    test.setTimeout(150_000);
    const text = strings(language);
    const stamp = Date.now();
    const page = await reviewerSignsIn(browser, language, group);
    const base = await demoPaperUrl(page);
    const you = text.threads.author.you as string;

    // The paper: the live region names the page reached.
    await page.goto(`${base}/paper`);
    await expect(page.getByRole('heading', { level: 1, name: text.paper.pageTitle })).toBeVisible();
    await expect(liveRegion(page)).toHaveText(text.paper.pageTitle);
    await expect(
      page.getByText(fill(text.paper.comment.hint, { shortcut: 'Ctrl+Alt+M' }), { exact: true }),
    ).toBeVisible();

    // A passage of its own, typed as a paragraph of its own and selected with Shift+Home.
    const section = sectionText(page, text, 3);
    await tabTo(page, section);
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    const passage = `Passage ${stamp}`;
    await page.keyboard.type(passage);
    await expect(liveRegion(page)).toHaveText(text.paper.announce.saved);
    await page.keyboard.press('Shift+Home');
    const block = page.locator('.paper-section', { has: section });
    const commentButton = block.getByRole('button', { name: text.threads.margin.comment, exact: true });
    await expect(commentButton).toBeVisible();
    await expect(commentButton).toHaveAttribute('aria-keyshortcuts', 'Control+Alt+M');

    // The shortcut opens the comment form with the focus in its field; Escape gives it back to the text.
    await page.keyboard.press('Control+Alt+KeyM');
    const field = block.getByRole('textbox', { name: text.threads.new.label });
    await expect(field).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(field).toHaveCount(0);
    await expect(section).toBeFocused();
    await page.keyboard.press('Control+Alt+KeyM');
    await expect(field).toBeFocused();
    const onPassage = `On the passage ${stamp}`;
    await page.keyboard.type(onPassage);
    await page.keyboard.press('Tab');
    await expect(block.getByRole('button', { name: text.threads.new.submit, exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    const ownComment = fill(text.threads.comment.label, { author: you });
    const passageComment = block.getByRole('listitem', { name: ownComment }).filter({ hasText: onPassage });
    await expect(passageComment).toBeFocused();
    await expect(liveRegion(page)).toHaveText(text.threads.announce.commentPosted);
    await expectNoAxeViolations(page, { targetSize: true });
    const sectionId = ((await block.getAttribute('id')) ?? '').replace(/^section-/, '');

    // A guiding question on the questions page: New thread → its field; Post → the new comment.
    await page.goto(`${base}/questions`);
    await expect(liveRegion(page)).toHaveText(text.threads.questions.pageTitle);
    const question = page.getByRole('region', {
      name: new RegExp(`^${escapeRegExp(fill(text.paper.questions.number, { number: '1' }))}\\b`),
    });
    const newThread = question.getByRole('button', { name: text.threads.new.open, exact: true });
    await tabTo(page, newThread);
    await page.keyboard.press('Enter');
    const questionField = question.getByRole('textbox', { name: text.threads.new.label });
    await expect(questionField).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(newThread).toBeFocused();
    await page.keyboard.press('Enter');
    const onQuestion = `On the question ${stamp}`;
    await page.keyboard.type(onQuestion);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const card = page.locator('article', { hasText: onQuestion });
    await expect(card.getByRole('listitem', { name: ownComment })).toBeFocused();
    await expect(liveRegion(page)).toHaveText(text.threads.announce.commentPosted);

    // Reply → the reply field; Escape → back to Reply; Post reply → the reply itself.
    const replyButton = card.getByRole('button', { name: text.threads.reply.open, exact: true });
    await tabTo(page, replyButton);
    await page.keyboard.press('Enter');
    const replyField = card.getByRole('textbox', { name: text.threads.reply.label });
    await expect(replyField).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(replyButton).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(replyField).toBeFocused();
    const reply = `A reply ${stamp}`;
    await page.keyboard.type(reply);
    await page.keyboard.press('Tab');
    await expect(card.getByRole('button', { name: text.threads.reply.submit, exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(card.getByRole('listitem', { name: ownComment }).filter({ hasText: reply })).toBeFocused();
    await expect(liveRegion(page)).toHaveText(text.threads.announce.replyPosted);
    await expectNoAxeViolations(page, { targetSize: true });

    // An editor resolves the passage's thread from triage: Resolve… → the outcome; Resolve → the next thread.
    const editor = await (await browser.newContext({ locale: language })).newPage();
    await signIn(editor, await demoAccountWithRole(editor.request, 'editor'));
    // Triage narrowed to the passage's section, as its editor would.
    await editor.goto(`${base}/triage?section=${sectionId}`);
    await expect(liveRegion(editor)).toHaveText(text.threads.triage.pageTitle);
    const triageCard = editor.locator('article', { hasText: onPassage });
    const resolveButton = triageCard.getByRole('button', { name: text.threads.resolution.open, exact: true });
    await tabTo(editor, resolveButton);
    await editor.keyboard.press('Enter');
    await expect(triageCard.getByRole('combobox', { name: text.threads.resolution.outcome })).toBeFocused();
    await editor.keyboard.press('Escape');
    await expect(resolveButton).toBeFocused();
    await editor.keyboard.press('Enter');
    await editor.keyboard.press('Tab');
    await expect(triageCard.getByRole('textbox', { name: text.threads.resolution.note })).toBeFocused();
    await editor.keyboard.type(`Taken up ${stamp}`);
    await editor.keyboard.press('Tab');
    await expect(
      triageCard.getByRole('button', { name: text.threads.resolution.resolve, exact: true }),
    ).toBeFocused();
    await editor.keyboard.press('Enter');
    await expect(liveRegion(editor)).toHaveText(
      fill(text.threads.announce.resolved, { outcome: text.threads.outcomes.accepted }),
    );
    await expect(editor.locator('article', { hasText: onPassage })).toHaveCount(0);
    // The focus is on the next open thread's card, or on the list's word that none is left.
    await expect(
      editor.locator('article[data-thread-status="open"]:focus, #threads-empty:focus'),
    ).toHaveCount(1);
    await expectNoAxeViolations(editor, { targetSize: true });

    for (const opened of [page, editor]) await opened.context().close();
  });
}

test('on a phone the Comment button appears next to the selected passage, on screen', async ({ browser }) => {
  test.slow();
  const text = strings('en');
  const page = await reviewerSignsIn(browser, 'en', 'State / public authority');
  const base = await demoPaperUrl(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/paper`);
  const section = sectionText(page, text, 3);
  await tabTo(page, section);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(`Phone ${Date.now()}`);
  await page.keyboard.press('Shift+Home');

  const button = page
    .locator('.paper-section', { has: section })
    .getByRole('button', { name: text.threads.margin.comment, exact: true });
  await expect(button).toBeInViewport();
  const caret = await page.evaluate(
    () => window.getSelection()?.getRangeAt(0).getBoundingClientRect().bottom ?? 0,
  );
  const box = await button.boundingBox();
  expect(box).not.toBeNull();
  // Just below the selection's line, not a screen below in the margin.
  expect(Math.abs((box?.y ?? 0) - caret)).toBeLessThan(60);
  await page.context().close();
});
