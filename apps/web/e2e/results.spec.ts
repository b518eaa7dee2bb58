import { consultationDetail, createdInvitation } from '@cw/shared';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { signInAsOrganiser } from './support/organiser';

test('once published, a reviewer reads how their input was taken into account, with the reason, naming no one', async ({
  browser,
}) => {
  // Two browsers and a sign-up on a 2-core machine running two workers.
  test.setTimeout(120_000);
  const organiser = await (await browser.newContext()).newPage();
  const reviewer = await (await browser.newContext()).newPage();
  try {
    await signInAsOrganiser(organiser);
    const created = await organiser.request.post('/api/consultations', {
      data: { title: `Results ${test.info().testId}` },
    });
    expect(created.status()).toBe(201);
    const consultation = consultationDetail.parse(await created.json());
    const base = `/api/consultations/${consultation.id}`;
    const question = await organiser.request.post(`${base}/questions`, {
      data: { text: 'Which remedies are missing?' },
    });
    expect(question.status()).toBe(201);
    const questionId = ((await question.json()) as { id: string }).id;
    expect((await organiser.request.post(`${base}/phase`, { data: { phase: 'open' } })).status()).toBe(200);

    const invitation = createdInvitation.parse(
      await (
        await organiser.request.post(`${base}/invitations`, {
          data: { role: 'reviewer', groupId: consultation.groups[0]!.id },
        })
      ).json(),
    );
    const account = { email: `results-${Date.now()}@example.org`, password: 'a long enough passphrase' };
    const signup = await reviewer.request.post(`/api/invitations/${invitation.token}/signup`, {
      data: { name: 'Rhea Results', ...account },
    });
    expect(signup.status()).toBe(202);
    expect((await reviewer.request.post('/api/auth/login', { data: account })).status()).toBe(200);

    const mine = await reviewer.request.post(`${base}/threads`, {
      data: { questionId, body: 'Operational-level grievance mechanisms **must** be named.' },
    });
    expect(mine.status()).toBe(201);
    const theirs = await organiser.request.post(`${base}/threads`, {
      data: { questionId, body: 'Judicial remedy deserves its own section.' },
    });
    expect(theirs.status()).toBe(201);
    const resolved = await organiser.request.post(
      `${base}/threads/${((await mine.json()) as { id: string }).id}/resolve`,
      { data: { outcome: 'partly_accepted', note: 'Named in section 3, without a list.' } },
    );
    expect(resolved.status()).toBe(200);

    // Before publication the results are the organisers' preview only.
    await reviewer.goto(`/consultations/${consultation.id}`);
    const navigation = reviewer.getByRole('navigation', { name: 'Consultation' });
    await expect(navigation.getByRole('link', { name: 'Paper' })).toBeVisible();
    await expect(navigation.getByRole('link', { name: 'Results' })).toHaveCount(0);
    for (const phase of ['closed', 'published']) {
      expect((await organiser.request.post(`${base}/phase`, { data: { phase } })).status()).toBe(200);
    }

    // The reviewer is told, and the notice leads to the results.
    await reviewer.reload();
    await reviewer.getByRole('button', { name: /^Notifications/ }).click();
    await reviewer
      .getByRole('menuitem', { name: /The results are published: see how input was taken into account/ })
      .click();
    await expect(reviewer.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
    await expect(reviewer.getByText(/^Published to every member/)).toBeVisible();
    const accountOfInput = reviewer.getByRole('region', { name: 'How input was taken into account' });
    const onQuestion = accountOfInput.getByRole('region', {
      name: 'Question 1. Which remedies are missing?',
    });
    const own = onQuestion.getByRole('listitem').filter({ hasText: 'grievance mechanisms' });
    await expect(own).toContainText('Partly accepted');
    await expect(own).toContainText('Reason: Named in section 3, without a list.');
    await expect(own).toContainText('Your input');
    // The comment's light Markdown is formatting, not asterisks.
    await expect(own.locator('strong')).toHaveText('must');
    await expect(onQuestion.getByRole('listitem').filter({ hasText: 'Judicial remedy' })).toContainText(
      'Not yet resolved',
    );
    await expect(reviewer.locator('main')).not.toContainText('Rhea Results');
    await expect(reviewer.locator('main')).not.toContainText('Test Organiser');
    await expectNoAxeViolations(reviewer);

    await reviewer.getByLabel('Show only my input').check();
    await expect(onQuestion.getByRole('listitem')).toHaveCount(1);
    await expect(
      reviewer.getByRole('table', { name: 'Participation by stakeholder group' }).getByRole('row'),
    ).not.toHaveCount(0);
  } finally {
    await organiser.context().close();
    await reviewer.context().close();
  }
});
