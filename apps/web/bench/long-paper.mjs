import { expect as playwrightExpect } from '@playwright/test';
import { sectionCursorField, sectionFragmentName } from '@cw/shared';
import * as Y from 'yjs';
import { callApi, createLongPaper, PaperConnection, sessionToken } from '../e2e/support/long-paper.ts';
import { demoAdmin, signIn } from './accounts.mjs';
import { median, percentileAbove } from './stats.mjs';

const READY_TIMEOUT_MS = 60_000;
const expect = playwrightExpect.configure({ timeout: READY_TIMEOUT_MS });

/** The paper: 100 sections of about 10,000 characters (1 MB of text) and 500 threads. */
const PAPER = { sections: 100, charactersPerSection: 10_000, threads: 500 };
/** Keys typed in the measured tab, one every KEY_INTERVAL_MS, while two others type. */
const KEYSTROKES = 150;
const KEY_INTERVAL_MS = 80;
/** The others type at a brisk human pace, each in a paragraph of its own of the section typed in. */
const TYPIST_INTERVAL_MS = 150;
/** The Event Timing API reports events at least this long (its smallest threshold), in ms. */
const EVENT_THRESHOLD_MS = 16;
const GOALS = { editableMs: 2500, keystrokeP95Ms: 16 };

const mb = (bytes) => (bytes / 1024 ** 2).toFixed(1);

/** Two reviewers invited into the paper's consultation, signed up, with their session tokens. */
async function reviewers(baseUrl, paper, count) {
  const consultation = await callApi(baseUrl, 'GET', `/api/consultations/${paper.consultationId}`, {
    token: paper.token,
  });
  const tokens = [];
  for (let index = 0; index < count; index++) {
    const invitation = await callApi(
      baseUrl,
      'POST',
      `/api/consultations/${paper.consultationId}/invitations`,
      {
        token: paper.token,
        body: { role: 'reviewer', groupId: consultation.groups[index % consultation.groups.length].id },
      },
    );
    const account = {
      email: `long-paper-${paper.consultationId.slice(0, 8)}-${index + 1}@example.org`,
      password: 'a passphrase for the benchmark',
    };
    await callApi(baseUrl, 'POST', `/api/invitations/${invitation.token}/signup`, {
      body: { name: `Typist ${index + 1}`, ...account },
    });
    tokens.push(await sessionToken(baseUrl, account));
  }
  return tokens;
}

/**
 * Another member typing through the stock y-websocket client: a character at the end of one
 * paragraph every TYPIST_INTERVAL_MS, with their caret shown to the others.
 */
async function startTypist(baseUrl, consultationId, token, sectionId, paragraphIndex) {
  const connection = new PaperConnection(baseUrl, consultationId, token);
  await connection.synced();
  const text = connection.doc.getXmlFragment(sectionFragmentName(sectionId)).get(paragraphIndex).get(0);
  const field = sectionCursorField(sectionId);
  let typed = 0;
  const timer = setInterval(() => {
    text.insert(text.length, typed++ % 6 === 5 ? ' ' : 'x');
    const caret = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
    connection.provider.awareness.setLocalStateField(field, { anchor: caret, head: caret });
  }, TYPIST_INTERVAL_MS);
  return () => {
    clearInterval(timer);
    connection.close();
  };
}

async function openPaper(browser, baseUrl, admin, url) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(READY_TIMEOUT_MS);
  await signIn(context, baseUrl, admin);
  const page = await context.newPage();
  const start = performance.now();
  await page.goto(url);
  await expect(page.getByRole('textbox', { name: /^Section 1: / })).toBeEditable();
  return { context, page, editableMs: performance.now() - start };
}

/** The tab's JavaScript heap after a garbage collection, and its DOM nodes. */
async function tabMemory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const metric = (name) => metrics.find((entry) => entry.name === name)?.value ?? 0;
  return { heap: metric('JSHeapUsedSize'), nodes: metric('Nodes') };
}

/** Keyboard interactions longer than the threshold, as the Event Timing API reports them. */
function recordSlowKeys(page) {
  return page.evaluate((threshold) => {
    const longest = new Map();
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.interactionId || !entry.name.startsWith('key')) continue;
        longest.set(entry.interactionId, Math.max(longest.get(entry.interactionId) ?? 0, entry.duration));
      }
    });
    observer.observe({ type: 'event', durationThreshold: threshold });
    window.__slowKeys = () => {
      observer.takeRecords();
      observer.disconnect();
      return [...longest.values()];
    };
  }, EVENT_THRESHOLD_MS);
}

/** Scrolls the whole paper down a screen at a time, each step painted, and back to the top. */
async function scrollThrough(page) {
  await page.evaluate(async () => {
    const painted = () =>
      new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1) {
      window.scrollBy(0, window.innerHeight);
      await painted();
    }
    window.scrollTo(0, 0);
    await painted();
  });
}

/**
 * The long paper (generated through the API and the paper's socket): time until section 1 is
 * editable on a cold visit (median of `runs`), keystroke-to-paint while two others type, and
 * the tab's memory after loading and after scrolling through the whole paper.
 */
export async function measureLongPaper({ browser, baseUrl, runs }) {
  const admin = await demoAdmin(baseUrl);
  const token = await sessionToken(baseUrl, admin);
  const paper = await createLongPaper(baseUrl, token, { title: 'Long paper', ...PAPER });
  const typistTokens = await reviewers(baseUrl, paper, 2);
  const url = `${baseUrl}/consultations/${paper.consultationId}/paper`;

  const cold = [];
  for (let run = 0; run < runs; run++) {
    const { context, editableMs } = await openPaper(browser, baseUrl, admin, url);
    cold.push(editableMs);
    await context.close();
  }

  const { context, page } = await openPaper(browser, baseUrl, admin, url);
  try {
    const loaded = await tabMemory(page);
    const editors = await page.locator('.ProseMirror').count();
    const stops = await Promise.all(
      typistTokens.map((typist, index) =>
        startTypist(baseUrl, paper.consultationId, typist, paper.sections[0].id, index + 1),
      ),
    );
    let slow;
    try {
      const section = page.getByRole('textbox', { name: /^Section 1: / });
      await section.click();
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('End');
      await recordSlowKeys(page);
      for (let key = 0; key < KEYSTROKES; key++) {
        await page.keyboard.press(key % 6 === 5 ? 'Space' : 'KeyK');
        await page.waitForTimeout(KEY_INTERVAL_MS);
      }
      slow = await page.evaluate(() => window.__slowKeys());
    } finally {
      for (const stop of stops) stop();
    }
    await scrollThrough(page);
    const scrolled = await tabMemory(page);
    return [
      {
        paper: `${PAPER.sections} sections, ${PAPER.threads} threads`,
        'editable cold ms': median(cold).toFixed(0),
        'goal ms': GOALS.editableMs,
        'key p50 ms': percentileAbove(slow, KEYSTROKES, 0.5, EVENT_THRESHOLD_MS),
        'key p95 ms': percentileAbove(slow, KEYSTROKES, 0.95, EVENT_THRESHOLD_MS),
        'key max ms': slow.length ? String(Math.max(...slow)) : `< ${EVENT_THRESHOLD_MS}`,
        'goal p95 ms': GOALS.keystrokeP95Ms,
        'editors mounted': editors,
        'heap MB': mb(loaded.heap),
        'DOM nodes': loaded.nodes,
        'heap MB after scroll': mb(scrolled.heap),
        'DOM nodes after scroll': scrolled.nodes,
      },
    ];
  } finally {
    await context.close();
  }
}
