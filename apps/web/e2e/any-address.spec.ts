import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { startAppServer, type AppServer } from './support/app-server';
import { CHROMIUM_ARGS } from './support/chromium-args';
import { expectSaved, sectionText, typeAtEnd } from './support/paper-page';
import { systemChromium } from './support/system-chromium';

/** A host name that is not localhost, as a VM, a LAN server or a workshop laptop has. */
const HOST_NAME = 'workshop-laptop';

let dataDir: string;
let server: AppServer | undefined;
let browser: Browser | undefined;

test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'cw-e2e-address-'));
});

test.afterEach(async () => {
  await browser?.close();
  await server?.stop();
  browser = undefined;
  server = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

test('with PUBLIC_URL left at its default, the app works at 127.0.0.1 and at another host name', async () => {
  test.setTimeout(120_000);
  server = await startAppServer({ dataDir, env: { PUBLIC_URL: undefined } });
  const executablePath = systemChromium();
  browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${HOST_NAME} 127.0.0.1`],
  });

  for (const host of ['127.0.0.1', HOST_NAME]) {
    const context = await browser.newContext({ baseURL: `http://${host}:${server.port}` });
    const page = await context.newPage();
    await page.goto('/login');
    await page
      .getByRole('button', { name: /^Sign in as / })
      .first()
      .click();
    await expect(page).not.toHaveURL(/\/login/);
    // Through the pages, as a person goes: the test's own requests do not resolve this host name.
    await page.getByRole('link', { name: /foundational paper/i }).click();
    await page.getByRole('navigation', { name: 'Consultation' }).getByRole('link', { name: 'Paper' }).click();
    await expect(sectionText(page, 1)).toBeVisible();
    await expect(page.getByText('Connected', { exact: true })).toBeVisible();
    await typeAtEnd(page, sectionText(page, 1), ` Typed at ${host}.`);
    await expectSaved(page);
    await context.close();
  }
});
