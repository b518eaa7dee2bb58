import { readFileSync } from 'node:fs';
import type { Language } from '@cw/shared';
import { consultationSummary } from '@cw/shared';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { demoAccountWithRole, signIn } from './support/demo-accounts';
import { newAccount } from './support/new-account';
import { signInAsOrganiser } from './support/organiser';

/** The app's own strings in a language, so the test reads what a reader of it would. */
function strings(language: Language) {
  return JSON.parse(readFileSync(new URL(`../src/i18n/locales/${language}.json`, import.meta.url), 'utf8'));
}

async function expectLanguage(page: Page, language: Language, dir: 'ltr' | 'rtl') {
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await expect(page.locator('html')).toHaveAttribute('dir', dir);
}

test('the sign-in page speaks the browser’s language, and a language chosen there stays on this browser', async ({
  browser,
}) => {
  const fr = strings('fr');
  const ar = strings('ar');
  const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await page.goto('/login');
  await expectLanguage(page, 'fr', 'ltr');
  await expect(page.getByRole('heading', { level: 1, name: fr.auth.title })).toBeVisible();

  await page.getByRole('combobox', { name: fr.shell.language }).selectOption('ar');
  await expectLanguage(page, 'ar', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: ar.auth.title })).toBeVisible();
  await expect(page.getByRole('button', { name: ar.auth.signIn, exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.reload();
  await expectLanguage(page, 'ar', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: ar.auth.title })).toBeVisible();
});

test('the language an account chooses follows it to another device', async ({ page, browser }) => {
  const zh = strings('zh');
  const laptop = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await signInAsOrganiser(page);
  const account = await newAccount(page.request, laptop.request, {
    name: 'Li Wei',
    emailPrefix: 'language',
    password: 'a passphrase of his own',
  });

  await signIn(laptop, account);
  await laptop.goto('/');
  await expect(laptop.getByRole('heading', { level: 1 })).toBeVisible();
  const saved = laptop.waitForResponse(
    (response) => response.url().endsWith('/api/auth/me') && response.request().method() === 'PATCH',
  );
  await laptop.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  expect((await saved).status()).toBe(200);
  await expectLanguage(laptop, 'zh', 'ltr');
  await expect(laptop.getByRole('button', { name: zh.shell.signOut })).toBeVisible();

  // Another device, its browser in English, never used by this account before.
  const phone = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await signIn(phone, account);
  await phone.goto('/');
  await expectLanguage(phone, 'zh', 'ltr');
  await expect(phone.getByRole('button', { name: zh.shell.signOut })).toBeVisible();
  await expect(phone.getByRole('combobox', { name: zh.shell.language })).toHaveValue('zh');
});

/** The pages of the demo consultation an admin can open, ready once the heading shows and nothing loads. */
const PAGES = [
  '',
  '/paper',
  '/questions',
  '/triage',
  '/dashboard',
  '/versions',
  '/exports',
  '/members',
  '/settings',
  '/structure',
  '/audit',
];

for (const [language, dir] of [
  ['ar', 'rtl'],
  ['zh', 'ltr'],
  ['es', 'ltr'],
  ['fr', 'ltr'],
  ['ru', 'ltr'],
] as const) {
  test(`every page of the demo consultation reads in ${language} and passes axe`, async ({
    browser,
  }, testInfo) => {
    // Eleven pages, each scanned by axe (and photographed in Arabic and Chinese): minutes when
    // the machine is busy.
    test.setTimeout(300_000);
    const text = strings(language);
    // A browser in that language: the demo account's own choice stays unset for the other tests.
    const page = await (await browser.newContext({ locale: language })).newPage();
    const admin = await demoAccountWithRole(page.request, 'admin');
    await signIn(page, admin);
    const [consultation] = consultationSummary
      .array()
      .parse(await (await page.request.get('/api/consultations')).json());
    await page.goto('/');
    await expectLanguage(page, language, dir);
    for (const path of PAGES) {
      await page.goto(`/consultations/${consultation!.id}${path}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText(text.common.loading)).toHaveCount(0);
      await expect(page.getByRole('navigation', { name: text.nav.consultation })).toBeVisible();
      await expectNoAxeViolations(page);
      if (language !== 'ar' && language !== 'zh') continue;
      // Kept in the test's output folder (test-results/), for a reader of the language to look at:
      // the scripts the system fonts may lack, and the right-to-left layout.
      const screenshot = testInfo.outputPath(`${language}${path.replace('/', '-') || '-overview'}.png`);
      await page.screenshot({ path: screenshot, fullPage: true });
      await testInfo.attach(screenshot, { path: screenshot, contentType: 'image/png' });
    }
  });
}
