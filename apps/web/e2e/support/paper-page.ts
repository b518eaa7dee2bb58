import { consultationSummary } from '@cw/shared';
import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the demo consultation's paper and waits until its text has loaded. */
export async function openPaper(page: Page): Promise<void> {
  const response = await page.request.get('/api/consultations');
  expect(response.status()).toBe(200);
  const [consultation] = consultationSummary.array().parse(await response.json());
  if (!consultation) throw new Error('the demo account belongs to no consultation');
  await page.goto(`/consultations/${consultation.id}/paper`);
  await expect(page.getByRole('heading', { level: 1, name: 'Paper' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Section 1: / })).toBeVisible();
}

/** The text area of the section with this number. */
export function sectionText(page: Page, number: number | string): Locator {
  return page.getByRole('textbox', { name: new RegExp(`^Section ${number}: `) });
}

/** A section's whole block: heading, text, guiding questions and comment margin. */
export function sectionBlock(page: Page, number: number): Locator {
  return page.getByRole('group', { name: new RegExp(`^${number} `) });
}

/** Puts the caret at the end of a section's text and types there, as a person would. */
export async function typeAtEnd(page: Page, section: Locator, text: string): Promise<void> {
  await section.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** The save indicator once everything this page wrote is stored on the server. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
}

/** A section's text as its readers see it, without other people's carets and their labels. */
export function textOf(section: Locator): Promise<string | null> {
  return section.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.remote-caret')) caret.remove();
    return copy.textContent;
  });
}
