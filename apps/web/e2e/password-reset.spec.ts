import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { demoAccountWithRole, signIn } from './support/demo-accounts';
import { newAccount } from './support/new-account';
import { signInAsOrganiser } from './support/organiser';

test('a member who forgot the password asks for a link, an organiser reads the kept mail, and the link sets a new password', async ({
  page,
  browser,
}) => {
  // Two browsers and an axe run on every page visited.
  test.slow();
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signInAsOrganiser(page);
  const account = await newAccount(page.request, member.request, {
    name: 'Ines Forgetful',
    emailPrefix: 'forgetful',
    password: 'the passphrase she lost',
  });

  await member.goto('/login');
  await member.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(member.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await expectNoAxeViolations(member);
  await member.getByLabel('Email').fill(account.email);
  await member.getByRole('button', { name: 'Send the link' }).click();
  await expect(member.getByText('a link to choose a new password is on its way')).toBeVisible();

  // No mail server in the demo: the organiser finds the mail in the outbox.
  await page.goto('/');
  await page.getByRole('link', { name: 'Outgoing mail' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outgoing mail' })).toBeVisible();
  await expect(page.getByText('No mail server is set up')).toBeVisible();
  const mail = page.getByRole('article').filter({ hasText: account.email });
  await expect(
    mail.getByRole('heading', { name: 'Reset your password — Consultation Workspace' }),
  ).toBeVisible();
  await expect(mail).toContainText('Kept');
  await expect(mail).toContainText(`Hello ${account.name},`);
  await expectNoAxeViolations(page);
  const link = await mail.getByRole('link', { name: /\/reset-password#/ }).getAttribute('href');
  expect(link).toMatch(/\/reset-password#[A-Za-z0-9_-]{43}$/);

  await member.goto(link!);
  await expect(member.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expectNoAxeViolations(member);
  await member.getByLabel('New password', { exact: true }).fill('short');
  await member.getByRole('button', { name: 'Set the new password' }).click();
  await expect(member.getByText('Use at least 10 characters.')).toBeVisible();
  await member.getByLabel('New password', { exact: true }).fill('a passphrase found again');
  await member.getByRole('button', { name: 'Set the new password' }).click();
  await expect(member.getByText('Your new password is set')).toBeVisible();

  await member.getByRole('link', { name: 'Sign in', exact: true }).click();
  await member.getByLabel('Email').fill(account.email);
  await member.getByLabel('Password', { exact: true }).fill('a passphrase found again');
  await member.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(member.getByText(`Signed in as ${account.name}`)).toBeVisible();

  // The link worked once.
  await member.goto(link!);
  await member.getByLabel('New password', { exact: true }).fill('another passphrase again');
  await member.getByRole('button', { name: 'Set the new password' }).click();
  await expect(member.getByRole('alert')).toContainText('expired or has already been used');
  await memberContext.close();
});

test('the outbox is for installation organisers only', async ({ page }) => {
  await signIn(page, await demoAccountWithRole(page.request, 'reviewer'));
  await page.goto('/outbox');
  await expect(page.getByText("Only the installation's organisers can read outgoing mail.")).toBeVisible();
  expect((await page.request.get('/api/mail/outbox')).status()).toBe(403);
});
