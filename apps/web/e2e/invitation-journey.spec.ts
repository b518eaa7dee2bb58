import { consultationDetail, consultationSummary, createdInvitation, member } from '@cw/shared';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { demoAccountWithRole, signIn, signInThroughForm } from './support/demo-accounts';

const GROUP = 'Academia / research';

/** The demo consultation, the one the signed-in demo account is in. */
async function demoConsultationId(page: Page): Promise<string> {
  const response = await page.request.get('/api/consultations');
  const [consultation] = consultationSummary.array().parse(await response.json());
  if (!consultation) throw new Error('the demo account belongs to no consultation');
  return consultation.id;
}

test('an admin invites a reviewer for a group; the invitee signs up through the link and lands in the consultation', async ({
  page,
  browser,
}) => {
  // Two browsers and an axe run on every page visited.
  test.slow();
  const admin = await demoAccountWithRole(page.request, 'admin');
  await signInThroughForm(page, admin);
  await page.getByRole('main').getByRole('link').first().click();
  // The consultation's page, not the list still showing while its code loads.
  await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('navigation', { name: 'Consultation' })).toBeVisible();
  const consultationTitle = await page.getByRole('heading', { level: 1 }).innerText();
  await page.getByRole('navigation', { name: 'Consultation' }).getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members and invitations' })).toBeVisible();
  await expectNoAxeViolations(page);

  const form = page.getByRole('form', { name: 'Invite someone' });
  await form.getByLabel('Role').click();
  await page.getByRole('option', { name: 'Reviewer' }).click();
  await form.getByLabel('Stakeholder group').click();
  await page.getByRole('option', { name: GROUP }).click();
  await form.getByLabel('Note for yourself (optional)').fill('Research reviewer');
  await form.getByRole('button', { name: 'Create invitation link' }).click();

  const link = page.getByLabel('Invitation link (shown only now)');
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]{20,}$/);
  const invitationUrl = await link.inputValue();
  await expect(page.getByRole('row', { name: /Research reviewer/ })).toContainText('Pending');
  await expectNoAxeViolations(page);

  // A different person, in a browser that has never signed in.
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(invitationUrl);
  await expect(
    invitee.getByRole('heading', { level: 1, name: 'Invitation to a consultation' }),
  ).toBeVisible();
  await expect(invitee.getByText(consultationTitle)).toBeVisible();
  await expect(invitee.getByText(GROUP)).toBeVisible();
  await expectNoAxeViolations(invitee);

  const email = `reviewer-${Date.now()}@example.org`;
  await invitee.getByLabel('Your name').fill('Noor Haddad');
  await invitee.getByLabel('Email').fill(email);
  await invitee.getByLabel('Password').fill('a long enough passphrase');
  await invitee.getByRole('button', { name: 'Create account and join' }).click();

  await expect(invitee).toHaveURL(/\/consultations\/[0-9a-f-]{36}$/);
  await expect(invitee.getByRole('heading', { level: 1, name: consultationTitle })).toBeVisible();
  await expect(invitee.getByText(`You take part as Reviewer for ${GROUP}`)).toBeVisible();
  await expect(invitee.getByText('Signed in as Noor Haddad')).toBeVisible();
  await expectNoAxeViolations(invitee);

  // The link was single-use: opening it again explains why it cannot be used.
  await invitee.goto(invitationUrl);
  await expect(invitee.getByRole('alert')).toContainText('already been used');
  await expectNoAxeViolations(invitee);
  await inviteeContext.close();

  await page.reload();
  await expect(page.getByRole('row', { name: /Noor Haddad/ })).toContainText(GROUP);
});

test('signing up with the email of an existing account asks its owner to sign in, then join', async ({
  page,
  browser,
}) => {
  test.slow();
  const admin = await demoAccountWithRole(page.request, 'admin');
  await signIn(page, admin);
  const consultationId = await demoConsultationId(page);
  const membersPath = `/api/consultations/${consultationId}/members`;
  const invite = async () => {
    const detail = consultationDetail.parse(
      await (await page.request.get(`/api/consultations/${consultationId}`)).json(),
    );
    const response = await page.request.post(`/api/consultations/${consultationId}/invitations`, {
      data: { role: 'reviewer', groupId: detail.groups[0]!.id },
    });
    expect(response.status()).toBe(201);
    return createdInvitation.parse(await response.json());
  };
  /** The account stays; only its membership goes, so the next invitation finds a stranger again. */
  const removeMember = async (email: string) => {
    const members = member.array().parse(await (await page.request.get(membersPath)).json());
    const membership = members.find((candidate) => candidate.email === email)!;
    expect((await page.request.delete(`${membersPath}/${membership.id}`)).status()).toBe(204);
  };

  // An account that exists but belongs to no consultation.
  const owner = {
    name: 'Rima Saleh',
    email: `rima-${Date.now()}@example.org`,
    password: 'her own passphrase',
  };
  const signup = await page.request.post(`/api/invitations/${(await invite()).token}/signup`, {
    data: owner,
  });
  expect(signup.status()).toBe(202);
  await removeMember(owner.email);

  // Someone types that email with another password: the answer reveals nothing, and only the
  // account's own password lets anyone in.
  const link = (await invite()).url;
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(link);
  await visitor.getByLabel('Your name').fill('Someone Else');
  await visitor.getByLabel('Email').fill(owner.email);
  await visitor.getByLabel('Password').fill('not her passphrase');
  await visitor.getByRole('button', { name: 'Create account and join' }).click();
  const notice = visitor.getByRole('alert').filter({ hasText: 'Sign in with its password' });
  await expect(notice).toBeVisible();
  await expectNoAxeViolations(visitor);

  // The owner follows the notice, signs in and joins.
  await notice.getByRole('link', { name: 'Sign in, then join' }).click();
  await expect(visitor).toHaveURL(/\/login\?next=/);
  await visitor.getByLabel('Email').fill(owner.email);
  await visitor.getByLabel('Password').fill(owner.password);
  await visitor.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(visitor).toHaveURL(link);
  await visitor.getByRole('button', { name: 'Join the consultation' }).click();
  await expect(visitor).toHaveURL(new RegExp(`/consultations/${consultationId}$`));
  await expect(visitor.getByText('Signed in as Rima Saleh')).toBeVisible();
  await visitor.context().close();

  // Signing up again with her own password simply joins.
  await removeMember(owner.email);
  const returning = await (await browser.newContext()).newPage();
  await returning.goto((await invite()).url);
  await returning.getByLabel('Your name').fill(owner.name);
  await returning.getByLabel('Email').fill(owner.email);
  await returning.getByLabel('Password').fill(owner.password);
  await returning.getByRole('button', { name: 'Create account and join' }).click();
  await expect(returning).toHaveURL(new RegExp(`/consultations/${consultationId}$`));
  await expect(returning.getByText('Signed in as Rima Saleh')).toBeVisible();
  await returning.context().close();
});

test('a wrong password is announced and keeps the visitor on the login page', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('nobody@example.org');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await expect(page.getByRole('alert')).toHaveText('Email or password is not correct.');
  await expect(page).toHaveURL(/\/login$/);
  await expectNoAxeViolations(page);
});
