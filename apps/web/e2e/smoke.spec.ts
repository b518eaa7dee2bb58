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

test('the served app carries no source maps', async ({ request }) => {
  const page = await (await request.get('/')).text();
  const entries = [...page.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((match) => match[1]!);
  expect(entries.length).toBeGreaterThan(0);
  const scripts = new Set(entries);
  for (const entry of entries) {
    const code = await (await request.get(entry)).text();
    for (const match of code.matchAll(/assets\/[\w.-]+\.js/g)) scripts.add(`/${match[0]}`);
  }
  expect(scripts.size).toBeGreaterThan(1);
  for (const script of scripts) {
    const code = await request.get(script);
    expect(code.status(), script).toBe(200);
    expect((await code.text()).includes('sourceMappingURL'), script).toBe(false);
    const map = await (await request.get(`${script}.map`)).text();
    expect(map.includes('"mappings"'), `${script}.map`).toBe(false);
  }
});
