import { consultationSummary } from '@cw/shared';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { demoAccountWithRole, signIn } from './support/demo-accounts';

const PHONE = { width: 390, height: 844 };

async function demoConsultation(page: Page): Promise<string> {
  const response = await page.request.get('/api/consultations');
  const [consultation] = consultationSummary.array().parse(await response.json());
  if (!consultation) throw new Error('the demo account belongs to no consultation');
  return `/consultations/${consultation.id}`;
}

/** Presses Tab until `target` has the focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 200; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('the notifications menu, opened with the keyboard, hides nothing focusable and gives the focus back', async ({
  page,
}) => {
  await signIn(page, await demoAccountWithRole(page.request, 'reviewer'));
  await page.goto(await demoConsultation(page));
  const trigger = page.getByRole('button', { name: /^Notifications/ });
  await tabTo(page, trigger);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  await expectNoAxeViolations(page, { targetSize: true });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(trigger).toBeFocused();
});

test('an admin on a phone reaches the wide tables with the keyboard and sees that the tabs scroll', async ({
  page,
}) => {
  // Four pages, each checked with axe.
  test.slow();
  await page.setViewportSize(PHONE);
  await signIn(page, await demoAccountWithRole(page.request, 'admin'));
  const base = await demoConsultation(page);

  // The tabs overflow: their far edge fades until the last one is in view.
  await page.goto(`${base}/members`);
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  const tabs = page.getByRole('navigation', { name: 'Consultation' }).getByRole('list');
  const maskOf = (list: Locator) => list.evaluate((element) => getComputedStyle(element).maskImage);
  expect(await tabs.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
  await expect.poll(() => maskOf(tabs)).toContain('gradient');
  await tabs.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
  await expect.poll(() => maskOf(tabs)).toBe('none');

  // Members: short visible words, the member's name in the button's name; the table scrolls by keyboard.
  const remove = page.getByRole('button', { name: /^Remove .+/ }).first();
  await expect(remove).toHaveText('Remove');
  const membersTable = page
    .getByRole('region', { name: 'Members' })
    .and(page.locator('.rt-ScrollAreaViewport'));
  await tabTo(page, membersTable);
  await page.keyboard.press('ArrowRight');
  await expect
    .poll(() => membersTable.evaluate((element) => Math.abs(element.scrollLeft)))
    .toBeGreaterThan(0);
  await expectNoAxeViolations(page, { targetSize: true });

  await page.goto(`${base}/structure`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const deleteSection = page.getByRole('button', { name: /^Delete .+/ }).first();
  await expect(deleteSection).toHaveText('Delete');
  const editItem = page.getByRole('button', { name: /^Edit .+/ }).first();
  await expect(editItem).toHaveText('Edit');
  await expectNoAxeViolations(page, { targetSize: true });

  await page.goto(`${base}/settings`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Remove .+/ }).first()).toHaveText('Remove');
  await expectNoAxeViolations(page, { targetSize: true });

  // The dashboard's figure tables are wider than a phone: each is a region reached with Tab.
  await page.goto(`${base}/dashboard`);
  const figures = page.getByRole('table', { name: 'Comments by stakeholder group and guiding question' });
  await expect(figures).toBeVisible();
  const figuresRegion = page.locator('.rt-ScrollAreaViewport[role="region"]', { has: figures });
  await tabTo(page, figuresRegion);
  await page.keyboard.press('ArrowRight');
  await expect
    .poll(() => figuresRegion.evaluate((element) => Math.abs(element.scrollLeft)))
    .toBeGreaterThan(0);
  await expectNoAxeViolations(page, { targetSize: true });
});
