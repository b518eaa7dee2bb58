import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { demoAccountWithRole, signIn } from './support/demo-accounts';

async function openConsultationPage(page: Page, role: 'editor' | 'admin', link: 'Structure' | 'Settings') {
  await signIn(page, await demoAccountWithRole(page.request, role));
  await page.goto('/');
  await page.getByRole('main').getByRole('link').first().click();
  await page.getByRole('navigation', { name: 'Consultation' }).getByRole('link', { name: link }).click();
  await expect(page.getByRole('heading', { level: 1, name: link })).toBeVisible();
}

test('an editor adds a section and it appears on the agenda among the sections tied to no session', async ({
  page,
}) => {
  await openConsultationPage(page, 'editor', 'Structure');

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
  await openConsultationPage(page, 'editor', 'Structure');
  const sectionPosts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/sections')) sectionPosts.push(request.url());
  });

  await page.getByRole('button', { name: 'Add section' }).click();

  await expect(page.getByLabel('New section title')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Fill this in.')).toBeVisible();
  expect(sectionPosts, 'the shared schema refuses the title before anything is sent').toEqual([]);
});

test('an editor adds a guiding question, rewords it and deletes it', async ({ page }) => {
  await openConsultationPage(page, 'editor', 'Structure');
  const questions = page.getByRole('region', { name: 'Guiding questions' });
  const text = `Which remedies reach people harmed by platform design? ${Date.now()}`;

  await questions.getByLabel('Question', { exact: true }).last().fill(text);
  await questions.getByRole('button', { name: 'Add question' }).click();
  const line = questions.getByRole('list').getByText(text);
  await expect(line).toBeVisible();
  const number = /^Q(\d+)\./.exec((await line.textContent()) ?? '')?.[1];
  expect(number, 'the new question got the next number').toBeTruthy();
  await expect(questions.getByLabel('Question', { exact: true }), 'the add form was emptied').toHaveValue('');

  await questions.getByRole('button', { name: `Edit question ${number}` }).click();
  const reworded = `${text} (reworded)`;
  await questions.getByRole('list').getByLabel('Question', { exact: true }).fill(reworded);
  await questions.getByRole('list').getByRole('button', { name: 'Save' }).click();
  await expect(questions.getByRole('list').getByText(reworded)).toBeVisible();
  await expectNoAxeViolations(page);

  await questions.getByRole('button', { name: `Delete question ${number}` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete question' }).click();
  await expect(questions.getByRole('list').getByText(reworded)).toHaveCount(0);
});

test('an admin adds a stakeholder group', async ({ page }) => {
  await openConsultationPage(page, 'admin', 'Settings');
  const name = `Trade unions ${Date.now()}`;
  await page.getByLabel('New group').fill(name);
  await page.getByRole('button', { name: 'Add group' }).click();
  await expect(page.getByLabel(`Name of “${name}”`)).toHaveValue(name);
  await expect(page.getByLabel('New group')).toHaveValue('');
});
