import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { createLongPaper, sessionToken, type LongPaper } from './support/long-paper';
import { signInAsOrganiser, TEST_ORGANISER } from './support/organiser';
import { expectSaved, sectionText, typeAtEnd } from './support/paper-page';

const SECTIONS = 100;

/** The editors mounted in one section (none while it waits off screen). */
function editorOf(page: Page, paper: LongPaper, number: number) {
  return page.locator(`#section-${paper.sections[number - 1]!.id} .ProseMirror`);
}

function heading(page: Page, number: number) {
  return page.getByRole('heading', { level: 2, name: new RegExp(`^${number} `) });
}

test('a long paper mounts only the sections near the viewport, and any section or thread on the way to it', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const paper = await createLongPaper(baseURL!, await sessionToken(baseURL!, TEST_ORGANISER), {
    title: `Long paper ${Date.now()}`,
    sections: SECTIONS,
    charactersPerSection: 2000,
    threads: 10,
  });
  await signInAsOrganiser(page);
  await page.goto(`/consultations/${paper.consultationId}/paper`);
  await expect(sectionText(page, 1)).toBeEditable();

  // Every heading is in the page; only the sections near the viewport have an editor.
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(SECTIONS);
  expect(await page.locator('.paper-section .ProseMirror').count()).toBeLessThan(10);
  await expect(editorOf(page, paper, SECTIONS)).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Scrolled to, the last section mounts; what is typed there is saved.
  await heading(page, SECTIONS).scrollIntoViewIfNeeded();
  const last = sectionText(page, SECTIONS);
  await expect(last).toBeEditable();
  const closing = `Closing words ${Date.now()}.`;
  await typeAtEnd(page, last, ` ${closing}`);
  await expectSaved(page);
  // The first section, far behind now, gave its editor up; brought back, it has its text again.
  await expect(editorOf(page, paper, 1)).toHaveCount(0);
  await heading(page, 1).scrollIntoViewIfNeeded();
  await expect(sectionText(page, 1)).toContainText('States');

  // Reached with the keyboard, a section mounts its editor and hands it the focus.
  await page.locator(`#section-${paper.sections[49]!.id} [role="textbox"]`).focus();
  await expect(sectionText(page, 50)).toBeFocused();
  await expect(editorOf(page, paper, 50)).toHaveCount(1);

  // A section without its editor (the last one lost it with the focus) still holds its text, as
  // it now stands, hidden until the browser's find-in-page matches it, and printed with the page.
  const copyOf = (number: number) =>
    page.locator(`#section-${paper.sections[number - 1]!.id} .paper-section__text-copy`);
  await expect(copyOf(SECTIONS)).toHaveAttribute('hidden', 'until-found');
  await expect(copyOf(SECTIONS)).toContainText(closing);
  const farParagraph = copyOf(80).locator('p').first();
  await expect(farParagraph).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(farParagraph).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  // What the browser does when find-in-page matches it: the section mounts its editor.
  await copyOf(80).dispatchEvent('beforematch');
  await expect(editorOf(page, paper, 80)).toHaveCount(1);

  // The link from a thread's card on the questions page opens the paper at its passage.
  const thread = paper.threads.at(-1)!;
  await page.goto(`/consultations/${paper.consultationId}/questions`);
  const listed = page.locator(`article[data-thread-id="${thread.id}"]`);
  await listed.getByRole('link', { name: 'Show in the paper' }).click();
  await expect(page).toHaveURL(new RegExp(`/paper#thread-${thread.id}$`));
  const sectionNumber = paper.sections.findIndex((section) => section.id === thread.sectionId) + 1;
  expect(sectionNumber).toBeGreaterThan(SECTIONS * 0.8);
  const passage = sectionText(page, sectionNumber).locator(
    `.thread-passage--focused[data-thread-id="${thread.id}"]`,
  );
  await expect(passage).toHaveText(thread.quote);
  await expect(passage).toBeInViewport();
  await expect(page.locator(`.paper-thread-cards article[data-thread-id="${thread.id}"]`)).toBeInViewport();
  await expect(editorOf(page, paper, 1)).toHaveCount(0);

  // A link to a section opens the paper there, with the text typed before.
  await page.goto(`/consultations/${paper.consultationId}/paper#section-${paper.sections.at(-1)!.id}`);
  await expect(sectionText(page, SECTIONS)).toContainText(closing);
  await expect(heading(page, SECTIONS)).toBeInViewport();
});
