import type { Role } from '@cw/shared';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { demoAccountWithRole } from './support/demo-accounts';

/** What each role may use in the open demo consultation, per the shared permission matrix. */
const NAVIGATION_BY_ROLE: Record<Role, string[]> = {
  admin: [
    'Overview',
    'Paper',
    'Questions',
    'Triage',
    'Moderation',
    'Dashboard',
    'Results',
    'Versions',
    'Structure',
    'Exports',
    'Members',
    'Audit log',
    'Settings',
  ],
  editor: [
    'Overview',
    'Paper',
    'Questions',
    'Triage',
    'Moderation',
    'Dashboard',
    'Results',
    'Versions',
    'Structure',
    'Exports',
    'Members',
  ],
  reviewer: ['Overview', 'Paper', 'Questions', 'Versions'],
  observer: ['Overview', 'Paper', 'Questions', 'Versions'],
};

/** Page headings that differ from their navigation link. */
const PAGE_HEADINGS: Record<string, string> = {
  Members: 'Members and invitations',
  Settings: 'Settings and phase',
  Dashboard: 'Input dashboard',
};

async function openDemoConsultation(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Your consultations' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('main').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'Agenda' })).toBeVisible();
}

for (const [role, expectedNavigation] of Object.entries(NAVIGATION_BY_ROLE) as [Role, string[]][]) {
  test(`the ${role} signs in from the demo list and sees exactly the ${role}'s navigation`, async ({
    page,
  }) => {
    // Up to thirteen pages, each checked with axe.
    test.setTimeout(120_000);
    const account = await demoAccountWithRole(page.request, role);
    await page.goto('/login');
    await expectNoAxeViolations(page, { targetSize: true });

    await page.getByRole('button', { name: `Sign in as ${account.name}` }).click();
    await openDemoConsultation(page);

    const navigation = page.getByRole('navigation', { name: 'Consultation' });
    const links = navigation.getByRole('link');
    await expect(links).toHaveCount(expectedNavigation.length);
    for (const [index, name] of expectedNavigation.entries()) {
      await expect(links.nth(index)).toHaveAccessibleName(name);
    }
    await expect(
      page.getByText(`You take part as ${role[0]!.toUpperCase()}${role.slice(1)} for ${account.group}`),
    ).toBeVisible();
    await expectNoAxeViolations(page, { targetSize: true });

    for (const name of expectedNavigation.slice(1)) {
      await navigation.getByRole('link', { name }).click();
      // The page's own heading: the link is current before a lazily loaded page has rendered.
      await expect(page.getByRole('heading', { level: 1, name: PAGE_HEADINGS[name] ?? name })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(navigation.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
      await expectNoAxeViolations(page, { targetSize: true });
    }
  });
}

test('a reviewer who types the members address is told the page is not theirs', async ({ page }) => {
  const account = await demoAccountWithRole(page.request, 'reviewer');
  await page.goto('/login');
  await page.getByRole('button', { name: `Sign in as ${account.name}` }).click();
  await openDemoConsultation(page);

  await page.goto(`${new URL(page.url()).pathname}/members`);

  await expect(page.getByText('Your role does not give access to this page')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
});

test.describe('in a viewer time zone other than the consultation’s', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('agenda sessions show both the consultation’s time and the viewer’s', async ({ page }) => {
    const account = await demoAccountWithRole(page.request, 'observer');
    await page.goto('/login');
    await page.getByRole('button', { name: `Sign in as ${account.name}` }).click();
    await openDemoConsultation(page);

    const firstSession = page.getByRole('region', { name: 'Agenda' }).getByRole('listitem').first();
    await expect(firstSession.getByText(/\(Europe\/\w+\)/)).toBeVisible();
    await expect(firstSession.getByText('(America/New_York, your time)')).toBeVisible();
  });
});
