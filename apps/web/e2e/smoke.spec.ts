import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { listDemoAccounts, signIn } from './support/demo-accounts';

test('the health endpoint reports the embedded database', async ({ request }) => {
  const response = await request.get('/api/health');

  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', database: 'pglite' });
});

test('the login page renders and passes axe', async ({ page }) => {
  await page.goto('/login');

  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByLabel(/email/i)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a demo account signs in and the session knows who it is', async ({ page }) => {
  const [account] = await listDemoAccounts(page.request);
  expect(account, 'demo mode lists at least one account').toBeDefined();

  await signIn(page, account!);

  const me = await page.request.get('/api/auth/me');
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: account!.email, name: account!.name });
});
