import { consultationDetail, createdInvitation } from '@cw/shared';
import { expect, type APIRequestContext } from '@playwright/test';

/**
 * An account of its own, made through an invitation to a consultation the test organiser creates
 * (`organiser` is signed in as that organiser): tests that change an account change no one else's.
 */
export async function newAccount(
  organiser: APIRequestContext,
  anonymous: APIRequestContext,
  person: { name: string; emailPrefix: string; password: string },
) {
  const created = await organiser.post('/api/consultations', {
    data: { title: `${person.name}'s consultation`, timezone: 'Europe/Zurich' },
  });
  expect(created.status()).toBe(201);
  const consultation = consultationDetail.parse(await created.json());
  const invited = await organiser.post(`/api/consultations/${consultation.id}/invitations`, {
    data: { role: 'reviewer', groupId: consultation.groups[0]!.id },
  });
  const invitation = createdInvitation.parse(await invited.json());
  const account = {
    name: person.name,
    email: `${person.emailPrefix}-${Date.now()}@example.org`,
    password: person.password,
  };
  const signup = await anonymous.post(`/api/invitations/${invitation.token}/signup`, { data: account });
  expect(signup.status()).toBe(202);
  return account;
}
