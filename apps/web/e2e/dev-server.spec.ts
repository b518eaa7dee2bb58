import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { expectSaved, openPaper, sectionText, typeAtEnd } from './support/paper-page';
import { freePort } from './support/free-port';

const REPOSITORY = fileURLToPath(new URL('../../..', import.meta.url));

let dataDir: string;
let dev: ChildProcess | undefined;
let output = '';

test.afterEach(async () => {
  if (dev && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev!.once('exit', resolve));
    // Ctrl-C reaches the whole foreground process group of a terminal: turbo and its tasks.
    process.kill(-dev.pid!, 'SIGINT');
    await exited;
  }
  dev = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

/** Polls until the development page answers, failing early when `pnpm dev` has ended. */
async function waitForPage(url: string): Promise<void> {
  await expect(async () => {
    if (dev?.exitCode !== null) throw new Error(`pnpm dev exited with ${dev?.exitCode}:\n${output}`);
    expect((await fetch(url)).ok).toBe(true);
  }).toPass({ timeout: 150_000, intervals: [500] });
}

test('`pnpm dev` serves a page whose paper connects, and stops cleanly', async ({ browser }) => {
  test.setTimeout(240_000);
  dataDir = mkdtempSync(join(tmpdir(), 'cw-e2e-dev-'));
  const webPort = freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(freePort()),
    DEV_WEB_PORT: String(webPort),
    DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  delete env.PUBLIC_URL;
  dev = spawn('pnpm', ['dev'], { cwd: REPOSITORY, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  dev.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const base = `http://localhost:${webPort}`;
  await waitForPage(base);

  // The page is opened as soon as it is served, typically while the API server still compiles
  // and starts: its API requests wait for the server instead of failing.
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto('/login');
  await page
    .getByRole('button', { name: /^Sign in as / })
    .first()
    .click({ timeout: 150_000 });
  expect(output).toContain(`Consultation Workspace is ready at ${base}`);
  await expect(page).not.toHaveURL(/\/login/);
  await openPaper(page);
  await expect(page.getByText('Connected', { exact: true })).toBeVisible();
  await typeAtEnd(page, sectionText(page, 1), ' Typed in development.');
  await expectSaved(page);
  await context.close();
  // The server started once: no restart while development began.
  expect(output.match(/Consultation Workspace is ready/g)).toHaveLength(1);

  const exited = new Promise<number | null>((resolve) => dev!.once('exit', resolve));
  process.kill(-dev.pid!, 'SIGINT');
  expect(await exited).toBe(0);
  expect(output).not.toMatch(/ELIFECYCLE|ERR_PNPM/);
});
