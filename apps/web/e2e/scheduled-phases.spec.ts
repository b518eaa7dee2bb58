import { instantToZoned } from '@cw/shared';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { signInAsOrganiser } from './support/organiser';

// A viewer whose clock differs from the consultation's sees the change in both.
test.use({ timezoneId: 'America/New_York' });

test('the settings and every page of the consultation say when input closes, on its clock and the viewer’s', async ({
  page,
}) => {
  await signInAsOrganiser(page);
  const created = await page.request.post('/api/consultations', {
    data: { title: 'Closing tonight', timezone: 'Europe/Zurich' },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const base = `/api/consultations/${id}`;
  expect((await page.request.post(`${base}/phase`, { data: { phase: 'open' } })).status()).toBe(200);
  const today = instantToZoned(new Date(), 'Europe/Zurich').slice(0, 10);
  expect((await page.request.patch(base, { data: { closesOn: today } })).status()).toBe(200);
  const closing = /Input closes on .+ at 24:00 \(Europe\/Zurich\), .+ your time/;

  await page.goto(`/consultations/${id}/settings`);
  const phase = page.getByRole('region', { name: 'Phase' });
  await expect(phase.getByText(/^Next scheduled change:/)).toHaveText(closing);

  // Within its last day, a note on the consultation's pages too.
  await page.goto(`/consultations/${id}`);
  await expect(page.getByRole('status').filter({ hasText: 'Input closes' })).toHaveText(closing);
  await expectNoAxeViolations(page);
});
