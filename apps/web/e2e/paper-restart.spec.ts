import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import { startAppServer, type AppServer } from './support/app-server';
import { listDemoAccounts, signIn } from './support/demo-accounts';
import { expectSaved, openPaper, sectionText, typeAtEnd } from './support/paper-page';

let dataDir: string;
let server: AppServer | undefined;

test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'cw-e2e-restart-'));
});

test.afterEach(async () => {
  await server?.stop();
  server = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the server on the test's data folder and opens the paper as the demo reviewer. */
async function reviewerOnPaper(browser: Browser) {
  const started = await startAppServer({ dataDir });
  server = started;
  const context = await browser.newContext({ baseURL: started.baseURL });
  const page = await context.newPage();
  const reviewer = (await listDemoAccounts(page.request)).find((account) => account.role === 'reviewer');
  if (!reviewer) throw new Error('no demo reviewer');
  await signIn(page, reviewer);
  await openPaper(page);
  return { started, context, page, reviewer };
}

test('text the page called saved survives a server crash, and text typed while it was down is sent after', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { started, context, page } = await reviewerOnPaper(browser);

  const section = sectionText(page, 1);
  await typeAtEnd(page, section, ' Stored before the crash.');
  await expectSaved(page);

  await started.kill();
  await expect(page.getByText('Offline — reconnecting')).toBeVisible();
  await page.keyboard.type(' Typed while the server was down.');
  await expect(page.getByText('Not saved — offline')).toBeVisible();

  server = await startAppServer({ dataDir, port: started.port });
  await expect(page.getByText('Connected', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expectSaved(page);

  // A fresh page has only what the server stored.
  const fresh = await context.newPage();
  await openPaper(fresh);
  await expect(sectionText(fresh, 1)).toContainText(
    'Stored before the crash. Typed while the server was down.',
  );
  await context.close();
});

test('a page that could not reach the server recovers by itself once it is back', async ({ browser }) => {
  test.setTimeout(120_000);
  const { started, page } = await reviewerOnPaper(browser);

  await started.kill();
  // Not a thread list (those are fetched again whenever the live events reconnect).
  await page
    .getByRole('navigation', { name: 'Consultation' })
    .getByRole('link', { name: 'Versions' })
    .click();
  const unreachable = page.getByText('The server could not be reached', { exact: false });
  await expect(unreachable.first()).toBeVisible({ timeout: 30_000 });

  server = await startAppServer({ dataDir, port: started.port });
  await expect(unreachable).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Versions' })).toBeVisible();
  await page.context().close();
});

test('text typed while the server is away survives a closed tab, is sent when the paper is opened again, and signing out forgets the copy', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { started, context, page, reviewer } = await reviewerOnPaper(browser);
  const section = sectionText(page, 1);
  await typeAtEnd(page, section, ' Saved first.');
  await expectSaved(page);

  await started.kill();
  await expect(page.getByText('Offline — reconnecting')).toBeVisible();
  await page.keyboard.type(' Typed offline, then the tab was closed.');
  await expect(page.getByText('Not saved — offline')).toBeVisible();
  // The kept copy writes each keystroke in its own IndexedDB transaction: a read of the same
  // store starts only after every write begun before it has finished.
  await page.evaluate(async () => {
    const names = (await indexedDB.databases())
      .map((database) => database.name)
      .filter((name): name is string => name?.startsWith('cw-paper:') ?? false);
    for (const name of names) {
      await new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open(name);
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const transaction = opening.result.transaction('updates', 'readonly');
          transaction.objectStore('updates').count();
          transaction.oncomplete = () => {
            opening.result.close();
            resolve();
          };
        };
      });
    }
  });
  await page.close();

  server = await startAppServer({ dataDir, port: started.port });
  const reopened = await context.newPage();
  await openPaper(reopened);
  await expect(sectionText(reopened, 1)).toContainText(
    'Saved first. Typed offline, then the tab was closed.',
  );

  // Stored on the server: a browser that never had the copy sees it.
  const elsewhere = await (await browser.newContext({ baseURL: server.baseURL })).newPage();
  await signIn(elsewhere, reviewer);
  await openPaper(elsewhere);
  await expect(sectionText(elsewhere, 1)).toContainText('Typed offline, then the tab was closed.');
  await elsewhere.context().close();

  const keptCopies = () =>
    reopened.evaluate(async () =>
      (await indexedDB.databases())
        .map((database) => database.name)
        .filter((name) => name?.startsWith('cw-paper:')),
    );
  expect(await keptCopies()).toHaveLength(1);
  await reopened.getByRole('button', { name: 'Sign out' }).click();
  await expect(reopened).toHaveURL(/\/login/);
  await expect.poll(keptCopies).toEqual([]);
  await context.close();
});
