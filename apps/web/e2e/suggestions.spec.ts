import { consultationSummary, section as sectionSchema, type Section } from '@cw/shared';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { demoAccountWithRole, signedInReviewer, signIn } from './support/demo-accounts';
import { expectSaved, sectionBlock, sectionText } from './support/paper-page';

async function signedInPage(browser: Browser, role: 'editor' | 'admin'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, await demoAccountWithRole(page.request, role));
  return page;
}

/** A section's text as its readers see it, without other people's carets and their labels. */
function textOf(section: Locator): Promise<string | null> {
  return section.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.remote-caret')) caret.remove();
    return copy.textContent;
  });
}

/**
 * A section of the demo paper of its own, added by the editor signed in on `page`, so that tests
 * editing the demo paper alongside do not touch its text.
 */
async function addSection(page: Page): Promise<{ consultationId: string; section: Section }> {
  const [consultation] = consultationSummary
    .array()
    .parse(await (await page.request.get('/api/consultations')).json());
  if (!consultation) throw new Error('the demo editor belongs to no consultation');
  const created = await page.request.post(`/api/consultations/${consultation.id}/sections`, {
    data: { title: `Suggested changes ${Date.now()}` },
  });
  expect(created.status()).toBe(201);
  return { consultationId: consultation.id, section: sectionSchema.parse(await created.json()) };
}

async function removeSection(page: Page, consultationId: string, section: Section): Promise<void> {
  await page.request.delete(`/api/consultations/${consultationId}/sections/${section.id}`);
}

async function openPaperAt(page: Page, consultationId: string, sectionNumber: string): Promise<void> {
  await page.goto(`/consultations/${consultationId}/paper`);
  await expect(sectionText(page, sectionNumber)).toBeVisible();
}

test('an editor suggests an insertion and a deletion; an admin accepts one and rejects the other', async ({
  browser,
}) => {
  // Two browsers and two accessibility scans on a 2-core machine running two workers.
  test.setTimeout(90_000);
  const editor = await signedInPage(browser, 'editor');
  const admin = await signedInPage(browser, 'admin');

  const { consultationId, section } = await addSection(editor);

  try {
    await openPaperAt(editor, consultationId, section.number);
    const text = sectionText(editor, section.number);
    await text.click();
    await editor.keyboard.type('Remedy must be effective and prompt.');
    await expectSaved(editor);

    const toggle = editor.getByRole('button', { name: 'Suggest changes' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(editor.getByRole('button', { name: 'Heading', exact: true })).toBeDisabled();

    // Delete the word "prompt", then add a sentence at the end.
    await editor.keyboard.press('Control+End');
    await editor.keyboard.press('ArrowLeft');
    await editor.keyboard.press('Control+Shift+ArrowLeft');
    await editor.keyboard.press('Backspace');
    await editor.keyboard.press('Control+End');
    await editor.keyboard.type(' It is reviewed yearly.');

    await expect(text.locator('del')).toHaveText('prompt');
    await expect(text.locator('ins')).toHaveText(' It is reviewed yearly.');
    await expect.poll(() => textOf(text)).toBe('Remedy must be effective and prompt. It is reviewed yearly.');
    await expectSaved(editor);

    await openPaperAt(admin, consultationId, section.number);
    const seen = sectionText(admin, section.number);
    await expect(seen.locator('del')).toHaveText('prompt');
    await expect(seen.locator('ins')).toHaveText(' It is reviewed yearly.');
    const list = sectionBlock(admin, Number(section.number)).getByRole('group', {
      name: /suggested changes? in section/i,
    });
    await expect(list).toHaveAccessibleName(`2 suggested changes in section ${section.number}`);
    const insertion = list.getByRole('listitem').filter({ hasText: 'Insert “ It is reviewed yearly.”' });
    const deletion = list.getByRole('listitem').filter({ hasText: 'Delete “prompt”' });
    await expect(insertion).toBeVisible();
    await expect(deletion).toBeVisible();
    await expectNoAxeViolations(admin);

    await insertion.getByRole('button', { name: 'Accept' }).click();
    await deletion.getByRole('button', { name: 'Reject' }).click();

    const final = 'Remedy must be effective and prompt. It is reviewed yearly.';
    for (const [page, shown] of [
      [admin, seen],
      [editor, text],
    ] as const) {
      await expect.poll(() => textOf(shown)).toBe(final);
      await expect(shown.locator('ins, del')).toHaveCount(0);
      await expect(
        sectionBlock(page, Number(section.number)).getByRole('group', { name: /suggested change/i }),
      ).toHaveCount(0);
    }
    await expectSaved(admin);
    await expectNoAxeViolations(editor);
  } finally {
    await removeSection(editor, consultationId, section);
    await editor.context().close();
    await admin.context().close();
  }
});

test('a reviewer who suggests may withdraw their own suggestion, even after a reload, but not decide', async ({
  browser,
}) => {
  const editor = await signedInPage(browser, 'editor');
  const { consultationId, section } = await addSection(editor);
  const { page: reviewer } = await signedInReviewer(browser, 'Academia / research');
  try {
    await openPaperAt(reviewer, consultationId, section.number);
    const text = sectionText(reviewer, section.number);
    await text.click();
    await reviewer.getByRole('button', { name: 'Suggest changes' }).click();
    await reviewer.keyboard.type('A proposal from academia.');
    await expect(text.locator('ins')).toHaveText('A proposal from academia.');
    await expectSaved(reviewer);

    await reviewer.reload();
    const list = sectionBlock(reviewer, Number(section.number)).getByRole('group', {
      name: `Suggested change in section ${section.number}`,
    });
    await expect(list).toContainText('Insert “A proposal from academia.”');
    await expect(list.getByRole('button', { name: 'Accept' })).toHaveCount(0);
    await expect(list.getByRole('button', { name: 'Reject' })).toHaveCount(0);
    await list.getByRole('button', { name: 'Withdraw' }).click();

    await expect.poll(() => textOf(sectionText(reviewer, section.number))).toBe('');
    await expect(list).toHaveCount(0);
    await expectSaved(reviewer);
  } finally {
    await removeSection(editor, consultationId, section);
    await editor.context().close();
    await reviewer.context().close();
  }
});
