import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { demoAccountWithRole, signInThroughForm } from './support/demo-accounts';

const GROUP = 'Academia / research';

test('an admin invites a reviewer for a group; the invitee signs up through the link and lands in the consultation', async ({
  page,
  browser,
}) => {
  // Two browsers and an axe run on every page visited.
  test.slow();
  const admin = await demoAccountWithRole(page.request, 'admin');
  await signInThroughForm(page, admin);
  await page.getByRole('main').getByRole('link').first().click();
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

test('a wrong password is announced and keeps the visitor on the login page', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('nobody@example.org');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await expect(page.getByRole('alert')).toHaveText('Email or password is not correct.');
  await expect(page).toHaveURL(/\/login$/);
  await expectNoAxeViolations(page);
});
