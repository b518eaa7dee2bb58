import { demoAccount, type DemoAccount, type Role } from '@cw/shared';
import {
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContextOptions,
  type Page,
} from '@playwright/test';

/** The demo accounts the server advertises (`GET /api/demo/accounts`, demo mode only). */
export async function listDemoAccounts(request: APIRequestContext): Promise<DemoAccount[]> {
  const response = await request.get('/api/demo/accounts');
  expect(response.status(), 'the server must run in demo mode').toBe(200);
  return demoAccount.array().parse(await response.json());
}

/** The first demo account holding `role` in the demo consultation. */
export async function demoAccountWithRole(request: APIRequestContext, role: Role): Promise<DemoAccount> {
  const account = (await listDemoAccounts(request)).find((candidate) => candidate.role === role);
  if (!account) throw new Error(`no demo account has the role ${role}`);
  return account;
}

/** Signs the page's browser context in through the API: fast, for tests about other pages. */
export async function signIn(page: Page, account: Pick<DemoAccount, 'email' | 'password'>): Promise<void> {
  const response = await page.request.post('/api/auth/login', {
    data: { email: account.email, password: account.password },
  });
  expect(response.status(), `sign-in as ${account.email}`).toBe(200);
}

/** A page in a browser context of its own, signed in as the demo reviewer who speaks for `group`. */
export async function signedInReviewer(
  browser: Browser,
  group: string,
  contextOptions: BrowserContextOptions = {},
): Promise<{ page: Page; name: string }> {
  const page = await (await browser.newContext(contextOptions)).newPage();
  const account = (await listDemoAccounts(page.request)).find(
    (candidate) => candidate.role === 'reviewer' && candidate.group === group,
  );
  if (!account) throw new Error(`no demo reviewer speaks for ${group}`);
  await signIn(page, account);
  return { page, name: account.name };
}

/** Signs in the way a person does: through the login form. */
export async function signInThroughForm(page: Page, account: DemoAccount): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/email/i).fill(account.email);
  await page.getByLabel(/password/i).fill(account.password);
  await page.getByRole('button', { name: /^sign in$/i }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
