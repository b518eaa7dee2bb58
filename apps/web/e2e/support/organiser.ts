import { expect, type Page } from '@playwright/test';

/**
 * An organiser who belongs to no consultation, created at start-up (`BOOTSTRAP_ADMIN_*`): tests
 * that create consultations sign in as this account, so the demo accounts' lists stay as the
 * other tests expect them.
 */
export const TEST_ORGANISER = {
  email: 'organiser@example.org',
  password: 'a passphrase for browser tests',
  name: 'Test Organiser',
} as const;

export async function signInAsOrganiser(page: Page): Promise<void> {
  const response = await page.request.post('/api/auth/login', {
    data: { email: TEST_ORGANISER.email, password: TEST_ORGANISER.password },
  });
  expect(response.status(), `sign-in as ${TEST_ORGANISER.email}`).toBe(200);
}
