import { expect as playwrightExpect } from '@playwright/test';
import { demoAdmin, signIn } from './accounts.mjs';
import { countTransfers } from './browser.mjs';
import { median } from './stats.mjs';

/** Generous: a bound on failures only, for a busy machine. */
const READY_TIMEOUT_MS = 60_000;
const expect = playwrightExpect.configure({ timeout: READY_TIMEOUT_MS });

/**
 * The pages measured, each with what "ready" means there: the moment a person can use it.
 * `signedIn: false` opens the page without a session.
 */
const PAGES = [
  {
    name: 'login',
    path: () => '/login',
    signedIn: false,
    ready: (page) => expect(page.getByRole('button', { name: /^sign in$/i })).toBeEnabled(),
  },
  {
    name: 'consultation list',
    path: () => '/',
    signedIn: true,
    ready: (page, consultation) => expect(page.getByRole('link', { name: consultation.title })).toBeVisible(),
  },
  {
    name: 'paper',
    path: (consultation) => `/consultations/${consultation.id}/paper`,
    signedIn: true,
    ready: (page) => expect(page.getByRole('textbox', { name: /^Section 1: / })).toBeEditable(),
  },
  {
    name: 'dashboard',
    path: (consultation) => `/consultations/${consultation.id}/dashboard`,
    signedIn: true,
    ready: (page) => expect(page.getByRole('img', { name: /^Chart: / }).first()).toBeVisible(),
  },
];

/** Goals for a page's JavaScript, compressed: the shell and list light, the paper with its editor. */
const JS_GOAL_KB = { login: 150, 'consultation list': 150, paper: 350 };

const kb = (bytes) => (bytes / 1024).toFixed(1);

/** Opens `url` and waits until the page is ready: the time taken and the bytes received. */
async function visit(page, transfers, url, ready) {
  transfers.take();
  const start = performance.now();
  await page.goto(url);
  await ready();
  const ms = performance.now() - start;
  const bytes = transfers.take();
  return { ms, js: bytes.Script ?? 0, css: bytes.Stylesheet ?? 0 };
}

/**
 * Each page opened `runs` times in a fresh browser context (cold: empty cache) and then once
 * more in the same context (warm: cache primed). Rows: bytes of the first cold and warm visits
 * (compressed, as transferred, headers included), median times to ready.
 */
export async function measurePages({ browser, baseUrl, runs }) {
  const admin = await demoAdmin(baseUrl);
  const rows = [];
  for (const spec of PAGES) {
    const cold = [];
    const warm = [];
    let first;
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      context.setDefaultTimeout(READY_TIMEOUT_MS);
      try {
        await signIn(context, baseUrl, admin);
        const [consultation] = await (await context.request.get(`${baseUrl}/api/consultations`)).json();
        if (!spec.signedIn) await context.clearCookies();
        const page = await context.newPage();
        const transfers = await countTransfers(page);
        const url = `${baseUrl}${spec.path(consultation)}`;
        const ready = () => spec.ready(page, consultation);
        const coldVisit = await visit(page, transfers, url, ready);
        await page.goto('about:blank');
        const warmVisit = await visit(page, transfers, url, ready);
        first ??= { cold: coldVisit, warm: warmVisit };
        cold.push(coldVisit.ms);
        warm.push(warmVisit.ms);
      } finally {
        await context.close();
      }
    }
    rows.push({
      page: spec.name,
      'JS kB': kb(first.cold.js),
      'JS goal kB': JS_GOAL_KB[spec.name] ?? '–',
      'CSS kB': kb(first.cold.css),
      'JS + CSS warm kB': kb(first.warm.js + first.warm.css),
      'ready cold ms': median(cold).toFixed(0),
      'ready warm ms': median(warm).toFixed(0),
    });
  }
  return rows;
}
