import {
  type ConsultationDetail,
  consultationDetail,
  consultationSummary,
  createdInvitation,
  guidingQuestion,
  section as sectionSchema,
  thread as threadSchema,
  type Section,
} from '@cw/shared';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { demoAccountWithRole, signedInReviewer, signIn } from './support/demo-accounts';
import { signInAsOrganiser } from './support/organiser';
import { expectSaved, sectionBlock, sectionText, textOf } from './support/paper-page';
import { highlightedText } from './support/thread-page';

async function signedInPage(browser: Browser, role: 'observer' | 'editor' | 'admin'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, await demoAccountWithRole(page.request, role));
  return page;
}

/** The text marked `tag` (ins or del) in a section, without others' carets. */
function markedText(section: Locator, tag: 'ins' | 'del'): Promise<string | null> {
  return textOf(section.locator(tag));
}

/** Rejects from `trigger`, giving `reason` in the popover it opens. */
async function reject(page: Page, trigger: Locator, reason: string): Promise<void> {
  await trigger.click();
  const popover = page.getByRole('dialog');
  await popover.getByLabel('Reason').fill(reason);
  await popover.getByRole('button', { name: /^Reject/ }).click();
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

/** Opens the paper with the section scrolled into view, so that its editor and margin mount. */
async function openPaperAt(page: Page, consultationId: string, sectionNumber: string): Promise<void> {
  await page.goto(`/consultations/${consultationId}/paper`);
  await bringIntoView(page, sectionNumber);
}

async function bringIntoView(page: Page, sectionNumber: string): Promise<void> {
  await sectionText(page, sectionNumber).scrollIntoViewIfNeeded();
  await expect(sectionText(page, sectionNumber)).toHaveAttribute('contenteditable', /true|false/);
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
    await expect.poll(() => markedText(seen, 'del')).toBe('prompt');
    await expect.poll(() => markedText(seen, 'ins')).toBe(' It is reviewed yearly.');
    const list = sectionBlock(admin, Number(section.number)).getByRole('group', {
      name: /suggested changes? in section/i,
    });
    await expect(list).toHaveAccessibleName(`2 suggested changes in section ${section.number}`);
    const insertion = list.getByRole('listitem').filter({ hasText: 'Insert “ It is reviewed yearly.”' });
    const deletion = list.getByRole('listitem').filter({ hasText: 'Delete “prompt”' });
    await expect(insertion).toBeVisible();
    await expect(deletion).toBeVisible();
    await expectNoAxeViolations(admin);

    // The observer sees the suggestions, marked and listed, and can act on none of them.
    const observer = await signedInPage(browser, 'observer');
    await openPaperAt(observer, consultationId, section.number);
    const watched = sectionText(observer, section.number);
    await expect.poll(() => markedText(watched, 'del')).toBe('prompt');
    await expect.poll(() => markedText(watched, 'ins')).toBe(' It is reviewed yearly.');
    const observed = sectionBlock(observer, Number(section.number)).getByRole('group', {
      name: /suggested changes? in section/i,
    });
    await expect(observed).toContainText('Insert “ It is reviewed yearly.”');
    await expect(observed.getByRole('button')).toHaveCount(0);
    await observer.context().close();

    await insertion.getByRole('button', { name: 'Accept' }).click();
    // A rejection says why: without a reason it is not made.
    await deletion.getByRole('button', { name: 'Reject' }).click();
    const popover = admin.getByRole('dialog');
    await popover.getByRole('button', { name: /^Reject/ }).click();
    await expect(popover.getByText('Say why it is not taken up.')).toBeVisible();
    await expect(popover.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
    await popover.getByLabel('Reason').fill('The wording was agreed');
    await popover.getByRole('button', { name: /^Reject/ }).click();

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
    await bringIntoView(reviewer, section.number);
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

/**
 * A consultation of the test organiser's own where reviewers suggest, open, with one section
 * the organiser has written in, and a reviewer who joined through an invitation: both signed in.
 */
async function consultationWhereReviewersSuggest(browser: Browser) {
  const organiser = await (await browser.newContext()).newPage();
  await signInAsOrganiser(organiser);
  const created = await organiser.request.post('/api/consultations', {
    data: { title: `Suggestions ${test.info().testId}`, textChanges: 'suggest' },
  });
  expect(created.status()).toBe(201);
  const consultation = consultationDetail.parse(await created.json());
  expect(consultation.textChanges).toBe('suggest');
  await organiser.request.post(`/api/consultations/${consultation.id}/phase`, { data: { phase: 'open' } });
  const section = sectionSchema.parse(
    await (
      await organiser.request.post(`/api/consultations/${consultation.id}/sections`, {
        data: { title: 'Remedy' },
      })
    ).json(),
  );
  const { reviewer, account } = await joinAsReviewer(browser, organiser, consultation, 0);

  await openPaperAt(organiser, consultation.id, section.number);
  await sectionText(organiser, section.number).click();
  await organiser.keyboard.type('Remedy must be effective and prompt.');
  await expectSaved(organiser);
  await openPaperAt(reviewer, consultation.id, section.number);
  await expect
    .poll(() => textOf(sectionText(reviewer, section.number)))
    .toBe('Remedy must be effective and prompt.');
  return { organiser, reviewer, account, consultation, section };
}

/** A new account invited by the organiser as a reviewer of the consultation's group `groupIndex`, signed in. */
async function joinAsReviewer(
  browser: Browser,
  organiser: Page,
  consultation: ConsultationDetail,
  groupIndex: number,
) {
  const invitation = createdInvitation.parse(
    await (
      await organiser.request.post(`/api/consultations/${consultation.id}/invitations`, {
        data: { role: 'reviewer', groupId: consultation.groups[groupIndex]!.id },
      })
    ).json(),
  );
  const reviewer = await (await browser.newContext()).newPage();
  // A new account has joined once the sign-up is answered; it then signs in.
  const account = {
    email: `suggester-${groupIndex}-${Date.now()}@example.org`,
    password: 'a long enough passphrase',
  };
  const signup = await reviewer.request.post(`/api/invitations/${invitation.token}/signup`, {
    data: { name: `Sam Suggester ${groupIndex}`, ...account },
  });
  expect(signup.status()).toBe(202);
  expect((await reviewer.request.post('/api/auth/login', { data: account })).status()).toBe(200);
  return { reviewer, account };
}

test('where reviewers suggest, a reviewer’s typing and deleting are stored as suggestions the organiser then settles', async ({
  browser,
}) => {
  // Two browsers and a sign-up on a 2-core machine running two workers.
  test.setTimeout(120_000);
  const { organiser, reviewer, account, consultation, section } =
    await consultationWhereReviewersSuggest(browser);
  const elsewhere = await (await browser.newContext()).newPage();
  try {
    const organiserText = sectionText(organiser, section.number);
    const text = sectionText(reviewer, section.number);
    // Suggesting is the consultation's rule for reviewers, not theirs to turn off.
    await expect(reviewer.getByRole('button', { name: 'Suggest changes' })).toHaveCount(0);
    await text.click();
    await reviewer.keyboard.press('Control+End');
    await reviewer.keyboard.press('ArrowLeft');
    await reviewer.keyboard.press('Control+Shift+ArrowLeft');
    await reviewer.keyboard.press('Backspace');
    await reviewer.keyboard.press('Control+End');
    await reviewer.keyboard.type(' It is reviewed yearly.');
    await expect.poll(() => markedText(text, 'del')).toBe('prompt');
    await expect.poll(() => markedText(text, 'ins')).toBe(' It is reviewed yearly.');
    // Stored, not refused: the server found only the reviewer's own suggestions in it.
    await expectSaved(reviewer);
    await expect(reviewer.getByText('Connected', { exact: true })).toBeVisible();

    // In another browser, the server tells the reviewer which suggestions are theirs.
    expect((await elsewhere.request.post('/api/auth/login', { data: account })).status()).toBe(200);
    await openPaperAt(elsewhere, consultation.id, section.number);
    const theirs = sectionBlock(elsewhere, Number(section.number)).getByRole('group', {
      name: /suggested changes? in section/i,
    });
    await expect(theirs.getByRole('button', { name: 'Withdraw' })).toHaveCount(2);
    await elsewhere.context().close();

    const list = sectionBlock(organiser, Number(section.number)).getByRole('group', {
      name: /suggested changes? in section/i,
    });
    await expect(list).toHaveAccessibleName(`2 suggested changes in section ${section.number}`);
    await list
      .getByRole('listitem')
      .filter({ hasText: 'Insert “ It is reviewed yearly.”' })
      .getByRole('button', { name: 'Accept' })
      .click();
    await reject(
      organiser,
      list
        .getByRole('listitem')
        .filter({ hasText: 'Delete “prompt”' })
        .getByRole('button', { name: 'Reject' }),
      'Promptness was agreed at the last session',
    );

    const final = 'Remedy must be effective and prompt. It is reviewed yearly.';
    for (const shown of [organiserText, text]) {
      await expect.poll(() => textOf(shown)).toBe(final);
      await expect(shown.locator('ins, del')).toHaveCount(0);
    }
    await expectSaved(organiser);
    // Both decisions are on record, the rejection with its reason.
    const decided = await organiser.request.get(
      `/api/consultations/${consultation.id}/audit?action=suggestions.decided`,
    );
    expect((await decided.json()).map((entry: { after: object }) => entry.after)).toEqual([
      { outcome: 'rejected', reason: 'Promptness was agreed at the last session', suggestions: 1 },
      { outcome: 'accepted', reason: '', suggestions: 1 },
    ]);
  } finally {
    await organiser.context().close();
    await reviewer.context().close();
    await elsewhere.context().close();
  }
});

test('where reviewers suggest, a paragraph break a reviewer suggests is stored with the text typed after it, and rejected as one', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { organiser, reviewer, section } = await consultationWhereReviewersSuggest(browser);
  try {
    const text = sectionText(reviewer, section.number);
    await text.click();
    await reviewer.keyboard.press('Control+Home');
    for (let i = 0; i < 'Remedy must be effective'.length; i++) await reviewer.keyboard.press('ArrowRight');
    await reviewer.keyboard.press('Enter');
    await reviewer.keyboard.type('Such remedy ');
    await expect(text.locator('p')).toHaveCount(2);
    await expectSaved(reviewer);
    await expect(reviewer.getByText('Connected', { exact: true })).toBeVisible();

    const organiserText = sectionText(organiser, section.number);
    await expect(organiserText.locator('p')).toHaveCount(2);
    await reject(
      organiser,
      sectionBlock(organiser, Number(section.number))
        .getByRole('group', { name: `Suggested change in section ${section.number}` })
        .getByRole('button', { name: 'Reject' }),
      'One paragraph reads better',
    );
    for (const shown of [organiserText, text]) {
      await expect.poll(() => textOf(shown)).toBe('Remedy must be effective and prompt.');
      await expect(shown.locator('p')).toHaveCount(1);
    }
    await expectSaved(organiser);
  } finally {
    await organiser.context().close();
    await reviewer.context().close();
  }
});

test('where reviewers suggest, two reviewers of different groups suggest in one paragraph at once; all converge and the dashboard counts them by group', async ({
  browser,
}) => {
  // Three browsers and two sign-ups on a 2-core machine running two workers.
  test.setTimeout(180_000);
  const { organiser, reviewer, consultation, section } = await consultationWhereReviewersSuggest(browser);
  const { reviewer: other } = await joinAsReviewer(browser, organiser, consultation, 1);
  try {
    await openPaperAt(other, consultation.id, section.number);
    const pages = [organiser, reviewer, other];
    const texts = pages.map((page) => sectionText(page, section.number));
    await expect.poll(() => textOf(texts[2]!)).toBe('Remedy must be effective and prompt.');
    await texts[1]!.click();
    await texts[2]!.click();
    await Promise.all([
      (async () => {
        await reviewer.keyboard.press('Control+End');
        await reviewer.keyboard.type(' It is reviewed yearly.');
      })(),
      (async () => {
        await other.keyboard.press('Control+Home');
        await other.keyboard.type('In every case, ');
      })(),
    ]);
    const both = 'In every case, Remedy must be effective and prompt. It is reviewed yearly.';
    for (const text of texts) await expect.poll(() => textOf(text)).toBe(both);
    await expectSaved(reviewer);
    await expectSaved(other);

    const listOn = (page: Page) =>
      sectionBlock(page, Number(section.number)).getByRole('group', {
        name: /suggested changes? in section/i,
      });
    const list = listOn(organiser);
    await expect(list).toHaveAccessibleName(`2 suggested changes in section ${section.number}`);
    // Each is labelled by the comments' rule: the organisers see names under the Chatham House
    // rule; a reviewer sees their own as theirs and the other's under its group's label only.
    const item = (on: Locator, text: string) => on.getByRole('listitem').filter({ hasText: text });
    await expect(item(list, 'Insert “ It is reviewed yearly.”')).toContainText(
      `Sam Suggester 0 (${consultation.groups[0]!.name} reviewer)`,
    );
    await expect(item(list, 'Insert “In every case, ”')).toContainText('Sam Suggester 1');
    await expect(item(listOn(reviewer), 'Insert “ It is reviewed yearly.”')).toContainText('You');
    const theirs = item(listOn(reviewer), 'Insert “In every case, ”');
    await expect(theirs).toContainText('A participant');
    await expect(theirs).not.toContainText('Sam Suggester');
    await list.getByRole('button', { name: 'Accept all' }).click();
    for (const text of texts) {
      await expect.poll(() => textOf(text)).toBe(both);
      await expect(text.locator('ins, del')).toHaveCount(0);
    }
    await expectSaved(organiser);

    // One accepted suggestion under each reviewer's group, in the organiser's exact figures.
    await organiser.goto(`/consultations/${consultation.id}/dashboard`);
    const table = organiser.getByRole('table', {
      name: 'Suggested changes by stakeholder group and how they stand',
    });
    for (const group of consultation.groups.slice(0, 2)) {
      const row = table
        .getByRole('row')
        .filter({ has: organiser.getByRole('rowheader', { name: group.name }) });
      await expect
        .poll(() => row.locator('th, td').allInnerTexts())
        .toEqual([group.name, '1', '0', '0', '0', '1']);
    }
  } finally {
    await organiser.context().close();
    await reviewer.context().close();
    await other.context().close();
  }
});

test('where reviewers suggest, another reviewer comments on a suggestion from its card: the thread is on the suggested passage, and the card links to it', async ({
  browser,
}) => {
  // Three browsers, two sign-ups and an accessibility scan on a 2-core machine running two workers.
  test.setTimeout(120_000);
  const { organiser, reviewer, consultation, section } = await consultationWhereReviewersSuggest(browser);
  const { reviewer: commenter } = await joinAsReviewer(browser, organiser, consultation, 0);
  try {
    const question = guidingQuestion.parse(
      await (
        await organiser.request.post(`/api/consultations/${consultation.id}/questions`, {
          data: { text: 'Is the remedy effective enough?', sectionIds: [section.id] },
        })
      ).json(),
    );
    const text = sectionText(reviewer, section.number);
    await text.click();
    await reviewer.keyboard.press('Control+End');
    await reviewer.keyboard.type(' It is reviewed yearly.');
    await expect.poll(() => markedText(text, 'ins')).toBe(' It is reviewed yearly.');
    await expectSaved(reviewer);

    await openPaperAt(commenter, consultation.id, section.number);
    const block = sectionBlock(commenter, Number(section.number));
    const suggestion = block
      .getByRole('group', { name: `Suggested change in section ${section.number}` })
      .getByRole('listitem')
      .filter({ hasText: 'Insert “ It is reviewed yearly.”' });
    await suggestion.getByRole('button', { name: 'Comment' }).click();
    // The composer is on the suggested passage, with the section's question offered first.
    await expect(block.getByText('On a suggested change', { exact: true })).toBeVisible();
    await expect(block.getByText('“It is reviewed yearly.”', { exact: true })).toBeVisible();
    await expect(block.getByRole('combobox', { name: 'Guiding question' })).toContainText(question.text);
    await expect(block.getByLabel('Your input')).toBeFocused();
    await block.getByLabel('Your input').fill('Yearly seems too rare for urgent cases.');
    await block.getByRole('button', { name: 'Post' }).click();

    const card = block.locator('article[data-thread-id]').filter({ hasText: 'Yearly seems too rare' });
    await expect(card).toContainText('On a suggested change');
    const threadId = (await card.getAttribute('data-thread-id')) ?? '';
    const commented = sectionText(commenter, section.number);
    await expect.poll(() => highlightedText(commented, threadId)).toBe(' It is reviewed yearly.');
    const stored = threadSchema.parse(
      await (await commenter.request.get(`/api/consultations/${consultation.id}/threads/${threadId}`)).json(),
    );
    expect(stored).toMatchObject({ questionId: question.id, anchor: { sectionId: section.id } });
    expect(stored.suggestionId).toMatch(/^[A-Za-z0-9_-]{22}$/);

    // The suggestion's card counts the thread and links to it, here and in the author's browser.
    await expect(suggestion).toContainText('Discussed in 1 thread:');
    const link = suggestion.getByRole('link', { name: 'Thread by You' });
    await expect(link).toHaveAttribute('href', `/consultations/${consultation.id}/paper#thread-${threadId}`);
    const authorsCard = sectionBlock(reviewer, Number(section.number))
      .getByRole('group', { name: `Suggested change in section ${section.number}` })
      .getByRole('listitem');
    await expect(authorsCard).toContainText('Discussed in 1 thread:');
    await expect(authorsCard.getByRole('link', { name: /^Thread by / })).toHaveAttribute(
      'href',
      `/consultations/${consultation.id}/paper#thread-${threadId}`,
    );
    await expectNoAxeViolations(commenter);

    await link.click();
    await expect(commented.locator('.thread-passage--focused')).toHaveAttribute('data-thread-id', threadId);
    await expect(card).toHaveClass(/thread-card--focused/);
  } finally {
    await organiser.context().close();
    await reviewer.context().close();
    await commenter.context().close();
  }
});
