import { consultationDetail, section as sectionSchema } from '@cw/shared';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { demoAccountWithRole, signIn } from './support/demo-accounts';
import { signInAsOrganiser } from './support/organiser';
import { expectSaved, openPaper, sectionText, textOf, typeAtEnd } from './support/paper-page';

test('an editor takes a version, edits the paper, reads the version and compares it with the paper now', async ({
  page,
}) => {
  // Four pages and two axe runs: more than the default time on a busy machine.
  test.slow();
  await signIn(page, await demoAccountWithRole(page.request, 'editor'));
  await openPaper(page);
  const paperUrl = page.url();
  const navigation = page.getByRole('navigation', { name: 'Consultation' });
  const versionName = `Draft for consultation ${Date.now()}`;
  const addition = `Remedy channels must be effective ${Date.now()}`;

  await navigation.getByRole('link', { name: 'Versions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Versions' })).toBeVisible();
  await page.getByRole('button', { name: 'Take version' }).click();
  await expect(page.getByText('Fill this in.')).toBeVisible();
  await page.getByLabel('Version name').fill(versionName);
  await page.getByRole('button', { name: 'Take version' }).click();
  await expect(page.getByText(`Version “${versionName}” taken.`)).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Versions taken' })
      .getByRole('table')
      .getByRole('link', { name: versionName }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(paperUrl);
  const section = sectionText(page, 1);
  const before = await section.innerText();
  await typeAtEnd(page, section, ` ${addition}`);
  await expectSaved(page);

  await navigation.getByRole('link', { name: 'Versions' }).click();
  await page.getByRole('link', { name: versionName }).click();
  await expect(page.getByRole('heading', { level: 1, name: versionName })).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  const firstSection = page.getByRole('region', { name: /^1 / });
  await expect(firstSection).toContainText(before.slice(0, 60));
  await expect(firstSection).not.toContainText(addition);
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Compare with the current paper' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Comparison' })).toBeVisible();
  await expect(page.getByText(`From “${versionName}” to “Current paper”`)).toBeVisible();
  const compared = page.getByRole('region', { name: /^1 / });
  await expect(compared.getByText('Changed', { exact: true })).toBeVisible();
  await expect(compared.locator('ins').filter({ hasText: 'Remedy' })).toContainText(
    addition.split(' ').at(-1)!,
  );
  await expectNoAxeViolations(page);
});

test('the observer reads versions but has no way to take one', async ({ page }) => {
  await signIn(page, await demoAccountWithRole(page.request, 'observer'));
  await openPaper(page);
  await page
    .getByRole('navigation', { name: 'Consultation' })
    .getByRole('link', { name: 'Versions' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Versions' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Versions taken' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Take a version' })).toHaveCount(0);
  await expect(page.getByLabel('Version name')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('restoring a version reaches two browsers with the paper open, without a reload', async ({
  browser,
}) => {
  // Two browsers on a 2-core machine running two workers.
  test.setTimeout(120_000);
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  try {
    await signInAsOrganiser(first);
    await signInAsOrganiser(second);
    const created = await first.request.post('/api/consultations', {
      data: { title: `Restore ${test.info().testId}`, textChanges: 'edit' },
    });
    expect(created.status()).toBe(201);
    const consultation = consultationDetail.parse(await created.json());
    const section = sectionSchema.parse(
      await (
        await first.request.post(`/api/consultations/${consultation.id}/sections`, {
          data: { title: 'Scope' },
        })
      ).json(),
    );
    for (const page of [first, second]) {
      await page.goto(`/consultations/${consultation.id}/paper`);
      await expect(sectionText(page, section.number)).toHaveAttribute('contenteditable', 'true');
    }
    const [firstText, secondText] = [sectionText(first, section.number), sectionText(second, section.number)];
    await firstText.click();
    await first.keyboard.type('States should act.');
    await expectSaved(first);
    await expect.poll(() => textOf(secondText)).toBe('States should act.');
    const version = await first.request.post(`/api/consultations/${consultation.id}/versions`, {
      data: { name: 'Agreed text' },
    });
    expect(version.status()).toBe(201);

    await typeAtEnd(second, secondText, ' Companies too.');
    await expectSaved(second);
    await expect.poll(() => textOf(firstText)).toBe('States should act. Companies too.');
    // A reload would lose this mark: the paper must change in place.
    await second.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    await first.goto(`/consultations/${consultation.id}/versions/${(await version.json()).id}`);
    await first.getByRole('button', { name: 'Restore this version…' }).click();
    await first.getByRole('alertdialog').getByRole('button', { name: 'Restore' }).click();
    await expect(first.getByText(/^Restored: 1 section put back/)).toBeVisible();

    await expect.poll(() => textOf(secondText)).toBe('States should act.');
    expect(await second.evaluate(() => 'stillTheSamePage' in window)).toBe(true);
    await first.goto(`/consultations/${consultation.id}/paper`);
    await expect.poll(() => textOf(sectionText(first, section.number))).toBe('States should act.');
    // The text as it was before is kept as a version of its own.
    const versions = await first.request.get(`/api/consultations/${consultation.id}/versions`);
    expect((await versions.json()).map((v: { name: string }) => v.name)).toEqual([
      expect.stringMatching(/^Before restoring "Agreed text"/),
      'Agreed text',
    ]);
  } finally {
    await first.context().close();
    await second.context().close();
  }
});
