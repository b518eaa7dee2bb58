import { agendaSession, consultationDetail, createdInvitation, member } from '@cw/shared';
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { signInAsOrganiser } from './support/organiser';

/** Signs a new member up through an invitation in `page`'s browser, and signs them in. */
async function join(organiser: Page, page: Page, base: string, groupId: string, name: string) {
  const invitation = createdInvitation.parse(
    await (
      await organiser.request.post(`${base}/invitations`, { data: { role: 'reviewer', groupId } })
    ).json(),
  );
  const account = {
    email: `${name.split(' ')[0]!.toLowerCase()}-${Date.now()}@example.org`,
    password: 'a long enough passphrase',
  };
  const signup = await page.request.post(`/api/invitations/${invitation.token}/signup`, {
    data: { name, ...account },
  });
  expect(signup.status()).toBe(202);
  expect((await page.request.post('/api/auth/login', { data: account })).status()).toBe(200);
}

test('a rapporteur is warned of a member’s name in the notes; once published, a reviewer reads them on the Results page', async ({
  browser,
}) => {
  // Three browsers and two sign-ups on a 2-core machine running two workers.
  test.setTimeout(150_000);
  const organiser = await (await browser.newContext()).newPage();
  const rapporteur = await (await browser.newContext()).newPage();
  const reviewer = await (await browser.newContext()).newPage();
  try {
    await signInAsOrganiser(organiser);
    const created = await organiser.request.post('/api/consultations', {
      data: { title: `Notes ${test.info().testId}` },
    });
    expect(created.status()).toBe(201);
    const consultation = consultationDetail.parse(await created.json());
    const base = `/api/consultations/${consultation.id}`;
    const session = agendaSession.parse(
      await (
        await organiser.request.post(`${base}/sessions`, {
          data: { title: 'The smart mix', startsAt: '2026-05-04T16:15', endsAt: '2026-05-04T16:45' },
        })
      ).json(),
    );
    const question = await organiser.request.post(`${base}/questions`, {
      data: { text: 'Which national examples should be named?', sessionId: session.id },
    });
    expect(question.status()).toBe(201);
    expect((await organiser.request.post(`${base}/phase`, { data: { phase: 'open' } })).status()).toBe(200);

    const groupId = consultation.groups[0]!.id;
    await join(organiser, rapporteur, base, groupId, 'Rosa Rapporteur');
    await join(organiser, reviewer, base, groupId, 'Pat Participant');
    const members = member.array().parse(await (await organiser.request.get(`${base}/members`)).json());
    const rosa = members.find((entry) => entry.name === 'Rosa Rapporteur')!;
    const named = await organiser.request.put(`${base}/sessions/${session.id}/rapporteurs`, {
      data: { memberIds: [rosa.id] },
    });
    expect(named.status()).toBe(200);

    // The rapporteur finds the notes from the agenda and writes, live.
    await rapporteur.goto(`/consultations/${consultation.id}`);
    await expect(rapporteur.getByText('Rapporteurs: you')).toBeVisible();
    await rapporteur.getByRole('link', { name: 'Notes of “The smart mix”' }).click();
    await expect(rapporteur.getByRole('heading', { level: 1, name: 'Notes: The smart mix' })).toBeVisible();
    const notes = rapporteur.getByRole('textbox', { name: 'Notes on question 1' });
    await notes.click();
    await rapporteur.keyboard.type('Pat Participant asked for procurement examples.');
    await expect(rapporteur.getByText('Saved', { exact: true })).toBeVisible();
    const findings = rapporteur.getByTestId('notes-check-findings');
    await expect(findings).toContainText('“Pat Participant” (a member’s name) in the notes on question 1');
    await expectNoAxeViolations(rapporteur);

    // Nobody else reads the notes before they are published.
    await reviewer.goto(`/consultations/${consultation.id}/notes/${session.id}`);
    await expect(reviewer.getByText(/^Only the organisers and the session's rapporteurs/)).toBeVisible();
    await expect(
      reviewer.getByRole('navigation', { name: 'Consultation' }).getByRole('link', { name: 'Results' }),
    ).toHaveCount(0);

    // The editor sees the same finding, and publishes the notes once it is confirmed.
    await organiser.goto(`/consultations/${consultation.id}/notes/${session.id}`);
    await expect(organiser.getByRole('textbox', { name: 'Notes on question 1' })).toContainText(
      'Pat Participant asked for procurement examples.',
    );
    await organiser.getByRole('button', { name: 'Publish notes' }).click();
    const dialog = organiser.getByRole('alertdialog', { name: 'Publish the notes to every member?' });
    await expect(dialog.getByTestId('notes-check-findings')).toContainText('“Pat Participant”');
    await dialog.getByRole('button', { name: 'Publish as they are' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(organiser.getByText(/^Last published /)).toBeVisible();

    // Every member reads them, before the consultation itself is published.
    await reviewer.goto(`/consultations/${consultation.id}`);
    await reviewer
      .getByRole('navigation', { name: 'Consultation' })
      .getByRole('link', { name: 'Results' })
      .click();
    const published = reviewer.getByRole('region', { name: 'Session notes' });
    const ofSession = published.getByRole('region', { name: 'The smart mix' });
    await expect(ofSession).toContainText('Question 1. Which national examples should be named?');
    await expect(ofSession).toContainText('Pat Participant asked for procurement examples.');
    await expect(
      ofSession.getByRole('table', { name: /^Input on the questions and sections/ }),
    ).toBeVisible();
    await expect(reviewer.getByRole('region', { name: 'How input was taken into account' })).toHaveCount(0);
    await expect(reviewer.locator('main')).not.toContainText('Rosa Rapporteur');
    await expectNoAxeViolations(reviewer);
  } finally {
    await organiser.context().close();
    await rapporteur.context().close();
    await reviewer.context().close();
  }
});
