import { consultationDetail } from '@cw/shared';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { signInAsOrganiser } from './support/organiser';

/** Every request the page sends that changes a consultation, as `METHOD path`. */
function recordChanges(page: Page): string[] {
  const changes: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() !== 'GET' && path.startsWith('/api/consultations')) {
      changes.push(`${request.method()} ${path}`);
    }
  });
  return changes;
}

async function fetchConsultation(page: Page, id: string) {
  const response = await page.request.get(`/api/consultations/${id}`);
  expect(response.status()).toBe(200);
  return consultationDetail.parse(await response.json());
}

test('a new consultation is refused without a title, with the reason beside the field, and created once it has one', async ({
  page,
}) => {
  // A dialog filled twice and checked with axe: generous for a busy machine.
  test.setTimeout(120_000);
  await signInAsOrganiser(page);
  const changes = recordChanges(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'New consultation' }).click();
  const dialog = page.getByRole('dialog', { name: 'New consultation' });
  const title = dialog.getByLabel('Title', { exact: true });

  await dialog.getByRole('button', { name: 'Create consultation' }).click();
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription('Fill this in.');
  await expect(title).toBeFocused();
  await expectNoAxeViolations(page);
  expect(changes, 'nothing is sent while the form is refused').toEqual([]);
  await expect(dialog).toBeVisible();

  const name = `Smart mix review ${test.info().testId}`;
  await title.fill(name);
  await expect(title, 'the error goes once the title is given').not.toHaveAttribute('aria-invalid');
  await dialog.getByLabel('Description', { exact: true }).fill('Peer learning on the smart mix');
  await dialog.getByLabel('Time zone').selectOption('America/New_York');
  await dialog.getByLabel('Attribution', { exact: true }).click();
  await page.getByRole('option', { name: 'Anonymous' }).click();
  await expect(dialog).toContainText(
    'Everyone, editors and admins included, sees only the stakeholder group',
  );
  await dialog.getByRole('button', { name: 'Create consultation' }).click();

  await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split('/').pop()!;
  expect(await fetchConsultation(page, id)).toMatchObject({
    title: name,
    description: 'Peer learning on the smart mix',
    timezone: 'America/New_York',
    attributionMode: 'anonymous',
  });
  expect(changes).toEqual(['POST /api/consultations']);
});

test('settings refuse a k below 2 beside the field, save what changed, and show it again after a reload', async ({
  page,
}) => {
  // Every setting changed, a reload, and a check with axe: generous for a busy machine.
  test.setTimeout(120_000);
  await signInAsOrganiser(page);
  const created = await page.request.post('/api/consultations', {
    data: { title: `Compass review ${test.info().testId}`, timezone: 'Europe/Zurich' },
  });
  expect(created.status()).toBe(201);
  const { id } = consultationDetail.parse(await created.json());
  const changes = recordChanges(page);
  await page.goto(`/consultations/${id}/settings`);
  const form = page.getByRole('form', { name: 'Consultation details' });
  const k = form.getByLabel('Smallest group shown in statistics (k)');
  await expect(k).toHaveValue('5');

  await k.fill('1');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(k).toHaveAttribute('aria-invalid', 'true');
  await expect(k).toBeFocused();
  await expect(k).toHaveAccessibleDescription(/Enter 2 or more\.$/);
  expect(changes, 'nothing is sent while the form is refused').toEqual([]);

  await k.fill('7');
  await form.getByLabel('Title', { exact: true }).fill('Compass review, second round');
  await form.getByLabel('Description', { exact: true }).fill('The four steps of the UNGPs Compass');
  await form.getByLabel('Time zone').selectOption('Asia/Tokyo');
  await form.getByLabel('Closes on').fill('2027-01-31');
  await form.getByLabel('Attribution', { exact: true }).click();
  await page.getByRole('option', { name: 'Anonymous' }).click();
  await form.getByLabel('What reviewers may do with the text').click();
  await page.getByRole('option', { name: 'Comment only' }).click();
  await expect(form.getByLabel('What reviewers may do with the text')).toHaveAccessibleDescription(
    /only editors and admins change the text/,
  );
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved');
  expect(changes).toEqual([`PATCH /api/consultations/${id}`]);

  await page.reload();
  await expect(form.getByLabel('Title', { exact: true })).toHaveValue('Compass review, second round');
  await expect(form.getByLabel('Description', { exact: true })).toHaveValue(
    'The four steps of the UNGPs Compass',
  );
  await expect(form.getByLabel('Time zone')).toHaveValue('Asia/Tokyo');
  await expect(form.getByLabel('Opens on')).toHaveValue('');
  await expect(form.getByLabel('Closes on')).toHaveValue('2027-01-31');
  await expect(form.getByLabel('Attribution', { exact: true })).toHaveText('Anonymous');
  await expect(form.getByLabel('What reviewers may do with the text')).toHaveText('Comment only');
  await expect(k).toHaveValue('7');
  await expectNoAxeViolations(page);
});

test('a field the server refuses is shown beside that field', async ({ page }) => {
  await signInAsOrganiser(page);
  const created = await page.request.post('/api/consultations', {
    data: { title: `Refused rename ${test.info().testId}` },
  });
  const { id } = consultationDetail.parse(await created.json());
  // The browser checks what the server checks, so only a server-side rule of its own can refuse a
  // valid-looking field: stand in for one.
  await page.route(`**/api/consultations/${id}`, (route) =>
    route.request().method() === 'PATCH'
      ? route.fulfill({
          status: 400,
          json: {
            statusCode: 400,
            code: 'VALIDATION_FAILED',
            message: 'Invalid request',
            issues: [{ path: 'body.title', message: 'must not repeat a name', code: 'duplicate' }],
          },
        })
      : route.fallback(),
  );
  await page.goto(`/consultations/${id}/settings`);
  const form = page.getByRole('form', { name: 'Consultation details' });
  const title = form.getByLabel('Title', { exact: true });
  await title.fill('Taken title');
  await form.getByRole('button', { name: 'Save' }).click();

  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription('Each entry may appear only once.');
  await expect(title).toBeFocused();
  await expect(form.getByRole('alert')).toHaveText(
    'Some fields need attention; see the messages beside them.',
  );
});
