import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startAppServer, type AppServer } from './support/app-server';
import { listDemoAccounts, signIn } from './support/demo-accounts';
import { expectSaved, openPaper, sectionText, typeAtEnd } from './support/paper-page';

// The service worker keeps the app, and the API's answers, for a page opened while the server is away.
test.use({ serviceWorkers: 'allow' });

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
  const context = await browser.newContext({ baseURL: started.baseURL, serviceWorkers: 'allow' });
  const page = await context.newPage();
  const reviewer = (await listDemoAccounts(page.request)).find((account) => account.role === 'reviewer');
  if (!reviewer) throw new Error('no demo reviewer');
  await signIn(page, reviewer);
  await openPaper(page);
  return { started, context, page, reviewer };
}

/**
 * Resolves once what the page typed is in its kept copy: the copy writes each keystroke in its own
 * IndexedDB transaction, and a read of the same store starts only after every write begun before
 * it has finished.
 */
async function untilKeptCopyWritten(page: Page): Promise<void> {
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
  // The service worker has fetched the app's files and controls the page: the paper opened again
  // below goes through it, and it keeps the API's answers (which signing out must delete).
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const section = sectionText(page, 1);
  await typeAtEnd(page, section, ' Saved first.');
  await expectSaved(page);

  await started.kill();
  await expect(page.getByText('Offline — reconnecting')).toBeVisible();
  await page.keyboard.type(' Typed offline, then the tab was closed.');
  await expect(page.getByText('Not saved — offline')).toBeVisible();
  await untilKeptCopyWritten(page);
  await page.close();

  server = await startAppServer({ dataDir, port: started.port });
  const reopened = await context.newPage();
  await openPaper(reopened);
  await expect(sectionText(reopened, 1)).toContainText(
    'Saved first. Typed offline, then the tab was closed.',
  );

  // Stored on the server: a browser that never had the copy sees it.
  const elsewhere = await (
    await browser.newContext({ baseURL: server.baseURL, serviceWorkers: 'allow' })
  ).newPage();
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
  // The API's answers the service worker kept for reading offline belong to this account too.
  const keptAnswers = () =>
    reopened.evaluate(async () =>
      (await (await caches.open('cw-api')).keys())
        .map((request) => new URL(request.url).pathname)
        .filter((path) => path.startsWith('/api/consultations')),
    );
  expect(await keptAnswers()).not.toEqual([]);
  await reopened.getByRole('button', { name: 'Sign out' }).click();
  await expect(reopened).toHaveURL(/\/login/);
  await expect.poll(keptCopies).toEqual([]);
  await expect.poll(keptAnswers).toEqual([]);
  await context.close();
});

test('a paper opened again while the server is still away shows what was typed, takes more, and sends it all once the server is back', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { started, context, page, reviewer } = await reviewerOnPaper(browser);
  // The service worker keeps the app's files, and the API's answers that pass through it once it
  // controls the page: the paper is opened again under it.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await openPaper(page);
  const paperUrl = page.url();
  await typeAtEnd(page, sectionText(page, 1), ' Saved first.');
  await expectSaved(page);

  await started.kill();
  await expect(page.getByText('Offline — reconnecting')).toBeVisible();
  await page.keyboard.type(' Typed offline.');
  await expect(page.getByText('Not saved — offline')).toBeVisible();
  await untilKeptCopyWritten(page);
  await page.close();

  const reopened = await context.newPage();
  await reopened.goto(paperUrl);
  const section = sectionText(reopened, 1);
  await expect(section).toContainText('Saved first. Typed offline.');
  // What the closed tab typed is not on the server yet, and the page says so before anything new is typed.
  await expect(reopened.getByText('Not saved — offline')).toBeVisible();
  await typeAtEnd(reopened, section, ' Then more, reopened offline.');
  await expect(reopened.getByText('Not saved — offline')).toBeVisible();

  server = await startAppServer({ dataDir, port: started.port });
  await expect(reopened.getByText('Saved', { exact: true })).toBeVisible({ timeout: 30_000 });
  const elsewhere = await (
    await browser.newContext({ baseURL: server.baseURL, serviceWorkers: 'allow' })
  ).newPage();
  await signIn(elsewhere, reviewer);
  await openPaper(elsewhere);
  await expect(sectionText(elsewhere, 1)).toContainText(
    'Saved first. Typed offline. Then more, reopened offline.',
  );
  await elsewhere.context().close();
  await context.close();
});
