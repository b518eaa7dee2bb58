import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { systemChromium } from './system-chromium';

/**
 * Global setup: on a machine without an installed Chromium, download Playwright's own before
 * any test launches a browser. With a system Chromium it does nothing.
 */
export default function ensureBrowser(): void {
  if (systemChromium()) return;
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  execFileSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'inherit' });
}
