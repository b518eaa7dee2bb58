import { readFile } from 'node:fs/promises';
import { consultationSummary } from '@cw/shared';
import { expect, type Page, test } from '@playwright/test';
import JSZip from 'jszip';
import { expectNoAxeViolations } from './support/accessibility';
import { demoAccountWithRole, listDemoAccounts, signIn } from './support/demo-accounts';

async function openExports(page: Page): Promise<void> {
  const response = await page.request.get('/api/consultations');
  const [consultation] = consultationSummary.array().parse(await response.json());
  await page.goto(`/consultations/${consultation!.id}`);
  await page.getByRole('navigation', { name: 'Consultation' }).getByRole('link', { name: 'Exports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exports' })).toBeVisible();
}

/** The text of a downloaded file; for a DOCX, every XML part of it. */
async function downloadedText(path: string, isDocx: boolean): Promise<string> {
  const bytes = await readFile(path);
  if (!isDocx) return bytes.toString('utf8');
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.values(zip.files).filter((file) => !file.dir);
  return (await Promise.all(parts.map((file) => file.async('string')))).join('\n');
}

test('the admin downloads the DOCX summary notes and the CSV of all input, with no participant named', async ({
  page,
}) => {
  const accounts = await listDemoAccounts(page.request);
  await signIn(page, await demoAccountWithRole(page.request, 'admin'));
  await openExports(page);
  await expect(page.getByText("Participants' names are never included")).toBeVisible();
  await expectNoAxeViolations(page);

  await expect(page.getByRole('radio', { name: /Summary notes \(Word\)/ })).toBeChecked();
  const docxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download' }).click();
  const docx = await docxDownload;
  expect(docx.suggestedFilename()).toMatch(/^summary-notes-\d{4}-\d{2}-\d{2}\.docx$/);
  await expect(page.getByRole('status')).toHaveText(`Downloaded ${docx.suggestedFilename()}.`);
  const notes = await downloadedText(await docx.path(), true);
  expect(notes).toContain('Summary notes: ');
  expect(notes).toContain('How input was taken into account');
  for (const account of accounts) {
    expect(notes).not.toContain(account.name);
    expect(notes).not.toContain(account.email);
  }

  await page.getByRole('radio', { name: /All input \(CSV\)/ }).click();
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^input-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = await downloadedText(await csv.path(), false);
  expect(rows.startsWith('\uFEFFThread,Stakeholder group,Guiding question')).toBe(true);
  // The demo consultation comes with input: a header and at least one record.
  expect(rows.split('\r\n').length).toBeGreaterThan(2);
  for (const account of accounts) expect(rows).not.toContain(account.email);
  await expectNoAxeViolations(page);
});

test('the admin picks the language of an export, and gets its headings in that language', async ({
  page,
}) => {
  await signIn(page, await demoAccountWithRole(page.request, 'admin'));
  await openExports(page);
  const language = page.getByRole('combobox', { name: 'Language of the export' });
  // The app's language is the default.
  await expect(language).toHaveValue('en');

  await page.getByRole('radio', { name: /Summary notes \(Markdown\)/ }).click();
  await language.selectOption('fr');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download' }).click();
  const markdown = await downloadedText(await (await download).path(), false);
  expect(markdown).toContain('# Notes de synthèse : ');
  expect(markdown).toContain('## Prise en compte des contributions');
  expect(markdown).not.toContain('How input was taken into account');

  // PDF cannot be laid out in Arabic: the page says so before anything is asked.
  await page.getByRole('radio', { name: /Summary notes \(PDF\)/ }).click();
  await language.selectOption('ar');
  await expect(page.getByText('PDF is not available in Arabic or Chinese')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download' })).toBeDisabled();
  await expectNoAxeViolations(page);
});

test('reviewers see no Exports page', async ({ page }) => {
  await signIn(page, await demoAccountWithRole(page.request, 'reviewer'));
  const response = await page.request.get('/api/consultations');
  const [consultation] = consultationSummary.array().parse(await response.json());
  await page.goto(`/consultations/${consultation!.id}`);
  await expect(
    page.getByRole('navigation', { name: 'Consultation' }).getByRole('link', { name: 'Overview' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Exports' })).toHaveCount(0);
  await page.goto(`/consultations/${consultation!.id}/exports`);
  await expect(page.getByRole('button', { name: 'Download' })).toHaveCount(0);
});
