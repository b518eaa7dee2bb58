import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Installed browsers we drive before falling back to Playwright's own download. */
const CANDIDATES = ['/usr/bin/chromium', 'chromium-browser', 'google-chrome'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(command: string): string | undefined {
  if (command.includes('/')) return isExecutable(command) ? command : undefined;
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return dirs.map((dir) => join(dir, command)).find(isExecutable);
}

/**
 * The Chromium the browser tests launch: `CHROMIUM_PATH` when set, else the first installed
 * candidate; undefined means Playwright's own downloaded browser.
 */
export function systemChromium(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return configured;
  for (const candidate of CANDIDATES) {
    const found = findOnPath(candidate);
    if (found) return found;
  }
  return undefined;
}
