import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { signedInReviewer } from './support/demo-accounts';
import { expectSaved, openPaper, sectionText } from './support/paper-page';
import { selectText } from './support/thread-page';

/** How far a card's top may sit from its passage's first line, in px: a line of text and a border. */
const ALIGNMENT_TOLERANCE_PX = 24;

async function reviewerPage(browser: Browser, group: string): Promise<Page> {
  const { page } = await signedInReviewer(browser, group, { viewport: { width: 1400, height: 900 } });
  await openPaper(page);
  return page;
}

async function top(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element is not laid out');
  return box.y;
}

async function bottom(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element is not laid out');
  return box.y + box.height;
}

/** Posts a thread on a passage of section 3 and answers its card. */
async function commentOn(page: Page, passage: string, input: string): Promise<Locator> {
  await selectText(sectionText(page, 3), passage);
  const block = page.getByRole('group', { name: /^3 / });
  await block.getByRole('button', { name: 'Comment' }).click();
  await block.getByLabel('Your input').fill(input);
  await block.getByRole('button', { name: 'Post', exact: true }).click();
  const card = page.locator('article', { hasText: input });
  await expect(card).toBeVisible();
  return card;
}

test('thread cards sit beside their passages and follow them when text is added above', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const civil = await reviewerPage(browser, 'Civil society organisation');
  const state = await reviewerPage(browser, 'State / public authority');
  const stamp = Date.now();
  const filler = (index: number) =>
    `Filler paragraph ${index} ${stamp}: due diligence across the value chain needs stakeholder engagement that is meaningful, continuous and documented.`;
  const firstPassage = `First passage ${stamp}`;
  const secondPassage = `Second passage ${stamp}`;

  // A long section whose two passages sit near its end, one line apart.
  const section = sectionText(civil, 3);
  await section.click();
  await civil.keyboard.press('Control+End');
  for (let index = 0; index < 14; index += 1) {
    await civil.keyboard.press('Enter');
    await civil.keyboard.insertText(filler(index));
  }
  await civil.keyboard.press('Enter');
  await civil.keyboard.insertText(`${firstPassage} on remedy.`);
  await civil.keyboard.press('Enter');
  await civil.keyboard.insertText(`${secondPassage} on grievance mechanisms.`);
  await expectSaved(civil);

  const firstCard = await commentOn(civil, firstPassage, `Remedy input ${stamp}.`);
  const secondCard = await commentOn(civil, secondPassage, `Grievance input ${stamp}.`);
  const highlight = async (card: Locator) =>
    section.locator(`.thread-passage[data-thread-id="${await card.getAttribute('data-thread-id')}"]`).first();
  const firstHighlight = await highlight(firstCard);
  const secondHighlight = await highlight(secondCard);

  await expect
    .poll(async () => Math.abs((await top(firstCard)) - (await top(firstHighlight))))
    .toBeLessThanOrEqual(ALIGNMENT_TOLERANCE_PX);
  // The second passage is one line lower, so its card is pushed below the first instead of over it.
  expect(await top(secondHighlight)).toBeGreaterThan(await top(firstHighlight));
  await expect
    .poll(async () => (await top(secondCard)) - (await bottom(firstCard)))
    .toBeGreaterThanOrEqual(0);
  // Keyboard and screen readers meet the cards in passage order.
  const sectionCards = civil
    .getByRole('group', { name: /^3 / })
    .locator('.paper-thread-cards article')
    .filter({ hasText: String(stamp) });
  await expect(sectionCards).toHaveText([
    new RegExp(`Remedy input ${stamp}`),
    new RegExp(`Grievance input ${stamp}`),
  ]);
  await expectNoAxeViolations(civil);

  // Another reviewer adds a paragraph above the first passage; the card moves down with it.
  const passageBefore = await top(firstHighlight);
  const cardBefore = await top(firstCard);
  const lastFiller = filler(13);
  await expect(sectionText(state, 3)).toContainText(firstPassage);
  await selectText(sectionText(state, 3), lastFiller, { collapseAfter: lastFiller });
  await state.keyboard.press('Enter');
  await state.keyboard.insertText(`Inserted paragraph ${stamp} from another group.`);
  await expect(section).toContainText(`Inserted paragraph ${stamp}`);
  await expect.poll(() => top(firstHighlight)).toBeGreaterThan(passageBefore + 10);
  await expect.poll(() => top(firstCard)).toBeGreaterThan(cardBefore + 10);
  await expect
    .poll(async () => Math.abs((await top(firstCard)) - (await top(firstHighlight))))
    .toBeLessThanOrEqual(ALIGNMENT_TOLERANCE_PX);
  await expect
    .poll(async () => (await top(secondCard)) - (await bottom(firstCard)))
    .toBeGreaterThanOrEqual(0);

  await civil.context().close();
  await state.context().close();
});

test('on a narrow screen the cards stack under the text instead of floating beside it', async ({
  browser,
}) => {
  const page = await reviewerPage(browser, 'Civil society organisation');
  await page.setViewportSize({ width: 600, height: 900 });
  const stamp = Date.now();
  const passage = `Narrow passage ${stamp}`;
  const section = sectionText(page, 3);
  await section.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(`${passage}.`);
  await expectSaved(page);
  const card = await commentOn(page, passage, `Narrow input ${stamp}.`);
  await expect(page.locator('.paper-thread-cards').first()).not.toHaveAttribute('data-aligned');
  expect(await top(card)).toBeGreaterThan(await bottom(section));
  await expectNoAxeViolations(page);
  await page.context().close();
});
