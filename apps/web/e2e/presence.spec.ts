import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startAppServer, type AppServer } from './support/app-server';
import { listDemoAccounts, signIn } from './support/demo-accounts';
import { openPaper } from './support/paper-page';

/**
 * Well under the 15 s after which clients renew their presence on their own: someone who opens
 * the paper shows at once, not at the next renewal.
 */
const AT_ONCE = { timeout: 5_000 };

let dataDir: string;
let server: AppServer | undefined;

// A server of its own: on the shared one, a test running alongside may have the same demo
// accounts on the paper.
test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cw-e2e-presence-'));
  server = await startAppServer({ dataDir });
});
test.afterEach(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A page on the paper, signed in as the demo account of this role (and group). */
async function onPaper(
  browser: Browser,
  role: string,
  group?: string,
): Promise<{ page: Page; name: string }> {
  const page = await (await browser.newContext({ baseURL: server!.baseURL })).newPage();
  const account = (await listDemoAccounts(page.request)).find(
    (candidate) => candidate.role === role && (group === undefined || candidate.group === group),
  )!;
  await signIn(page, account);
  await openPaper(page);
  return { page, name: account.name };
}

const alsoHere = (page: Page) => page.getByRole('list', { name: 'Also here' });

/** The swatch colour beside an entry of the "Also here" list. */
function swatchColour(page: Page, name: string): Promise<string> {
  return alsoHere(page)
    .getByRole('listitem')
    .filter({ hasText: name })
    .locator('.paper-presence__swatch')
    .evaluate((swatch) => getComputedStyle(swatch).backgroundColor);
}

test('who opens the paper shows to the others at once, both ways, in one colour for every viewer', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const state = await onPaper(browser, 'reviewer', 'State / public authority');
  const civil = await onPaper(browser, 'reviewer', 'Civil society organisation');
  // Neither has typed or clicked: presence alone. Under the Chatham House rule a reviewer sees
  // another by the k-anonymous label: the demo's groups are smaller than k, so they are pooled.
  await expect(alsoHere(state.page).getByRole('listitem')).toHaveText(['Other stakeholders'], AT_ONCE);
  await expect(alsoHere(civil.page).getByRole('listitem')).toHaveText(['Other stakeholders'], AT_ONCE);
  const civilAsSeenByState = await swatchColour(state.page, 'Other stakeholders');

  // The editor sees both reviewers by name, each in the colour every other viewer sees them in.
  const editor = await onPaper(browser, 'editor');
  await expect(alsoHere(editor.page).getByText(civil.name)).toBeVisible(AT_ONCE);
  await expect(alsoHere(editor.page).getByText(state.name)).toBeVisible(AT_ONCE);
  expect(await swatchColour(editor.page, civil.name)).toBe(civilAsSeenByState);
  expect(await swatchColour(editor.page, state.name)).not.toBe(civilAsSeenByState);

  for (const { page } of [state, civil, editor]) await page.context().close();
});
