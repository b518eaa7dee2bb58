import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { demoAccountWithRole, signIn } from './support/demo-accounts';

test('an editor adds a section and it appears on the agenda among the sections tied to no session', async ({
  page,
}) => {
  const editor = await demoAccountWithRole(page.request, 'editor');
  await signIn(page, editor);
  await page.goto('/');
  await page.getByRole('main').getByRole('link').first().click();
  await page
    .getByRole('navigation', { name: 'Consultation' })
    .getByRole('link', { name: 'Structure' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Structure' })).toBeVisible();

  const title = `Remedy and redress ${Date.now()}`;
  await page.getByLabel('New section title').fill(title);
  await page.getByRole('button', { name: 'Add section' }).click();
  await expect(page.getByLabel(`Number of “${title}”`)).toBeVisible();
  await expectNoAxeViolations(page);

  await page
    .getByRole('navigation', { name: 'Consultation' })
    .getByRole('link', { name: 'Overview' })
    .click();
  const agenda = page.getByRole('region', { name: 'Agenda' });
  await expect(agenda.getByText(new RegExp(`\\. ${title}$`))).toBeVisible();
});

test('an empty section title is refused beside the field and nothing is added', async ({ page }) => {
  const editor = await demoAccountWithRole(page.request, 'editor');
  await signIn(page, editor);
  await page.goto('/');
  await page.getByRole('main').getByRole('link').first().click();
  await page
    .getByRole('navigation', { name: 'Consultation' })
    .getByRole('link', { name: 'Structure' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Structure' })).toBeVisible();
  const sectionPosts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/sections')) sectionPosts.push(request.url());
  });

  await page.getByRole('button', { name: 'Add section' }).click();

  await expect(page.getByLabel('New section title')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('must not be empty')).toBeVisible();
  expect(sectionPosts, 'the shared schema refuses the title before anything is sent').toEqual([]);
});
