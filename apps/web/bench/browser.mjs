import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../e2e/support/chromium-args.ts';
import { systemChromium } from '../e2e/support/system-chromium.ts';

/** Chromium as the browser tests start it: the installed one when there is one, headless. */
export async function launchBrowser() {
  const executablePath = systemChromium();
  return chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
}

/** Bytes on the wire per resource type, counted from the DevTools protocol's network events. */
export async function countTransfers(page) {
  const cdp = await page.context().newCDPSession(page);
  const types = new Map();
  const bytes = {};
  cdp.on('Network.responseReceived', ({ requestId, type }) => types.set(requestId, type));
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const type = types.get(requestId) ?? 'Other';
    bytes[type] = (bytes[type] ?? 0) + encodedDataLength;
  });
  await cdp.send('Network.enable');
  return {
    /** Bytes received since the last call, by type (Script, Stylesheet, Document, Fetch, …). */
    take() {
      const taken = { ...bytes };
      for (const type of Object.keys(bytes)) delete bytes[type];
      return taken;
    },
  };
}
