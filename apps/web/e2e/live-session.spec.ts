import { consultationDetail, createdInvitation, type ConsultationDetail } from '@cw/shared';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { signInAsOrganiser } from './support/organiser';
import { sectionBlock } from './support/paper-page';

const GROUP = 'Civil society organisation';

/**
 * A consultation of the test organiser's own from the foundational-paper template, open, where
 * names are hidden even from the organisers (anonymous) and a group is named from two members
 * (k = 2): the organiser signed in on a page of its own.
 */
async function anonymousConsultation(
  browser: Browser,
): Promise<{ page: Page; consultation: ConsultationDetail }> {
  const page = await (await browser.newContext()).newPage();
  await signInAsOrganiser(page);
  const created = await page.request.post('/api/consultations', {
    data: {
      title: `Live session ${test.info().testId}`,
      templateId: 'foundational-paper',
      attributionMode: 'anonymous',
    },
  });
  expect(created.status()).toBe(201);
  const consultation = consultationDetail.parse(await created.json());
  const base = `/api/consultations/${consultation.id}`;
  expect((await page.request.patch(base, { data: { kThreshold: 2, confirmOpening: true } })).status()).toBe(
    200,
  );
  expect((await page.request.post(`${base}/phase`, { data: { phase: 'open' } })).status()).toBe(200);
  return { page, consultation };
}

/** A new account invited as a reviewer of `GROUP`, signed in on a page of its own. */
async function joinAsReviewer(
  browser: Browser,
  organiser: Page,
  consultation: ConsultationDetail,
  n: number,
) {
  const groupId = consultation.groups.find((group) => group.name === GROUP)!.id;
  const invitation = createdInvitation.parse(
    await (
      await organiser.request.post(`/api/consultations/${consultation.id}/invitations`, {
        data: { role: 'reviewer', groupId },
      })
    ).json(),
  );
  const page = await (await browser.newContext()).newPage();
  const account = { email: `live-${n}-${Date.now()}@example.org`, password: 'a long enough passphrase' };
  const name = `Lou Listener ${n}`;
  const signup = await page.request.post(`/api/invitations/${invitation.token}/signup`, {
    data: { name, ...account },
  });
  expect(signup.status()).toBe(202);
  expect((await page.request.post('/api/auth/login', { data: account })).status()).toBe(200);
  return { page, name };
}

test('a facilitator runs session 1 live: both reviewers follow it to question 2, and a raised hand reaches the facilitator under its group’s label', async ({
  browser,
}) => {
  // Three browsers and two accessibility scans on a 2-core machine running two workers.
  test.setTimeout(150_000);
  const { page: facilitator, consultation } = await anonymousConsultation(browser);
  const first = await joinAsReviewer(browser, facilitator, consultation, 1);
  const second = await joinAsReviewer(browser, facilitator, consultation, 2);
  const home = `/consultations/${consultation.id}`;
  const smartMix = consultation.sessions.find((session) => session.title.startsWith('The Smart Mix'))!;
  const [q1, q2] = consultation.questions
    .filter((question) => question.sessionId === smartMix.id)
    .sort((a, b) => a.number - b.number);

  // The agenda shows the seed's programme items around the review sessions.
  await facilitator.goto(home);
  const agenda = facilitator.getByRole('region', { name: 'Agenda' });
  await expect(
    agenda.getByRole('heading', { name: 'Opening remarks, welcome and introductions' }),
  ).toBeVisible();
  await expect(agenda.getByText(/^Speakers: Lene Wendland/).first()).toBeVisible();

  await agenda.getByRole('button', { name: `Start live: ${smartMix.title}` }).click();
  const banner = facilitator.getByRole('region', { name: new RegExp(`Live ${smartMix.title}`) });
  await expect(banner.getByRole('timer')).toBeVisible();
  await expect(banner.getByTestId('live-focus')).toHaveText(`Question ${q1!.number}: ${q1!.text}`);

  // One reviewer reads the paper, the other the questions page: both follow by default.
  await first.page.goto(`${home}/paper`);
  await second.page.goto(`${home}/questions`);
  for (const reviewer of [first.page, second.page]) {
    const theirs = reviewer.getByRole('region', { name: new RegExp(`Live ${smartMix.title}`) });
    await expect(theirs.getByTestId('live-focus')).toHaveText(`Question ${q1!.number}: ${q1!.text}`);
    await expect(theirs.getByRole('switch', { name: 'Follow the facilitator' })).toBeChecked();
  }

  await agenda.getByRole('button', { name: `Discuss now: Q${q2!.number}. ${q2!.text}` }).click();
  await expect(agenda.locator('li[aria-current="true"]')).toContainText(q2!.text);
  for (const reviewer of [first.page, second.page]) {
    const theirs = reviewer.getByRole('region', { name: new RegExp(`Live ${smartMix.title}`) });
    await expect(theirs.getByTestId('live-focus')).toHaveText(`Question ${q2!.number}: ${q2!.text}`);
    await expect(theirs.getByRole('timer')).toHaveText(/ (left|over)$/);
  }
  // Following: the paper brings the question's first section into view and marks the question.
  const marked = sectionBlock(first.page, 1).locator('li[aria-current="true"]');
  await expect(marked).toContainText(q2!.text);
  await expect(marked).toBeInViewport();
  await expect(second.page.locator('section[aria-current="true"]')).toContainText(q2!.text);

  // A hand goes up; the facilitator sees it under the group's label, and no name.
  const theirs = first.page.getByRole('region', { name: new RegExp(`Live ${smartMix.title}`) });
  await theirs.getByRole('button', { name: 'Raise hand' }).click();
  await expect(theirs.getByRole('status').filter({ hasText: 'Your hand is up' })).toHaveText(
    'Your hand is up: number 1 in the queue.',
  );
  const queue = banner.getByRole('region', { name: 'Raised hands' });
  await expect(queue.getByRole('listitem')).toHaveCount(1);
  await expect(queue.getByRole('listitem')).toContainText(GROUP);
  await expect(queue.getByRole('listitem')).toContainText(`on question ${q2!.number}`);
  await expect(queue).not.toContainText(first.name);
  await expect(second.page.getByText('1 hand raised')).toBeVisible();
  await expectNoAxeViolations(facilitator);
  await expectNoAxeViolations(first.page);

  // Stopping to follow keeps the reviewer's own place; the facilitator ends the run for all.
  await second.page.getByRole('switch', { name: 'Follow the facilitator' }).click();
  await expect(second.page.locator('section[aria-current="true"]')).toHaveCount(0);
  await queue.getByRole('button', { name: `Lower the hand of ${GROUP}` }).click();
  await expect(theirs.getByRole('button', { name: 'Raise hand' })).toBeVisible();
  await banner.getByRole('button', { name: 'End live session' }).click();
  for (const page of [facilitator, first.page, second.page])
    await expect(page.getByRole('timer')).toHaveCount(0);
  for (const page of [facilitator, first.page, second.page]) await page.context().close();
});
