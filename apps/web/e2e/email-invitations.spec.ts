import { consultationDetail, createdInvitation } from '@cw/shared';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { signInAsOrganiser } from './support/organiser';

const exactly = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));

test('an admin invites two people by email; one picks their own group through the mailed link and the admin confirms it', async ({
  page,
  browser,
}) => {
  // Two browsers and an axe run on every page visited.
  test.slow();
  await signInAsOrganiser(page);
  const created = await page.request.post('/api/consultations', {
    data: { title: `Invitations by email ${Date.now()}`, timezone: 'Europe/Zurich' },
  });
  expect(created.status()).toBe(201);
  const consultation = consultationDetail.parse(await created.json());
  const [named, picked] = [consultation.groups[0]!, consultation.groups[1]!];
  await page.goto(`/consultations/${consultation.id}/settings`);
  await page.getByLabel(`What “${picked.name}” stands for`).fill('Firms and their associations');
  await page.getByRole('button', { name: `Save the description of ${picked.name}` }).click();
  await expect(page.getByRole('button', { name: `Save the description of ${picked.name}` })).toBeDisabled();
  await expectNoAxeViolations(page);

  const stamp = Date.now();
  const [ana, ben] = [`ana-${stamp}@example.org`, `ben-${stamp}@example.org`];
  await page.goto(`/consultations/${consultation.id}/members`);
  await expect(page.getByRole('heading', { level: 1, name: 'Members and invitations' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Invite by email' });
  await form
    .getByLabel('People to invite')
    .fill(`${ana}, reviewer, ${named.name}\n${ben}, reviewer, open\nnot-an-address, reviewer`);
  const preview = form.getByRole('table', { name: 'Rows to invite' });
  await expect(preview.getByRole('row', { name: exactly(ana) })).toContainText('Ready');
  await expect(preview.getByRole('row', { name: exactly(ben) })).toContainText('Picked by the invitee');
  await expect(preview.getByRole('row', { name: /not-an-address/ })).toContainText('Not an email address');
  await expectNoAxeViolations(page);
  await form.getByRole('button', { name: 'Send 2 invitations' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 invitations sent.' })).toBeVisible();
  await expect(page.getByText('Row 3 (not-an-address): Not an email address')).toBeVisible();
  await expect(form.getByLabel('People to invite')).toHaveValue('not-an-address, reviewer, open');
  const benInvitation = page.getByRole('row', { name: exactly(ben) });
  await expect(benInvitation).toContainText('Kept (no mail server)');
  await expect(benInvitation).toContainText('Picked by the invitee');
  await expectNoAxeViolations(page);

  // No mail server in the demo: the mail is kept on the outgoing mail page.
  await page.goto('/outbox');
  const mail = page.getByRole('article').filter({ hasText: ben });
  await expect(mail).toContainText(`Your invitation to “${consultation.title}”`);
  await expect(mail).toContainText('you pick the stakeholder group');
  const link = await mail.getByRole('link', { name: /\/invite\// }).getAttribute('href');
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(link!);
  await expect(
    invitee.getByRole('heading', { level: 1, name: 'Invitation to a consultation' }),
  ).toBeVisible();
  const groups = invitee.getByRole('radiogroup', { name: 'Your stakeholder group' });
  await expect(groups.getByRole('radio', { name: /Firms and their associations/ })).toBeVisible();
  await expect(invitee.getByLabel('Email')).toHaveValue(ben);
  await expectNoAxeViolations(invitee);
  await invitee.getByLabel('Your name').fill('Ben Picker');
  await invitee.getByLabel('Password', { exact: true }).fill('a passphrase of his own');
  await invitee.getByRole('button', { name: 'Create account and join' }).click();
  await expect(invitee.getByText('Pick your stakeholder group.')).toBeVisible();
  await groups.getByRole('radio', { name: exactly(picked.name) }).click();
  await invitee.getByRole('button', { name: 'Create account and join' }).click();
  await expect(invitee).toHaveURL(new RegExp(`/consultations/${consultation.id}$`));
  await expect(invitee.getByText(`You take part for “${picked.name}”.`)).toBeVisible();
  await inviteeContext.close();

  await page.goto(`/consultations/${consultation.id}/members`);
  const member = page.getByRole('row', { name: /Ben Picker/ });
  await expect(member).toContainText('Self-identified');
  await expect(page.getByRole('row', { name: exactly(ben) }).last()).toContainText('Joined');
  await expectNoAxeViolations(page);
  await member.getByRole('button', { name: 'Confirm the group of Ben Picker' }).click();
  await expect(member).not.toContainText('Self-identified');
  await expect(member.getByLabel('Stakeholder group of Ben Picker')).toContainText(picked.name);
});

test('a member asks to change stakeholder group and the admin approves it', async ({ page, browser }) => {
  test.slow();
  await signInAsOrganiser(page);
  const created = await page.request.post('/api/consultations', {
    data: { title: `Group change ${Date.now()}`, timezone: 'Europe/Zurich' },
  });
  const consultation = consultationDetail.parse(await created.json());
  const [from, to] = [consultation.groups[0]!, consultation.groups[2]!];
  const invited = await page.request.post(`/api/consultations/${consultation.id}/invitations`, {
    data: { role: 'reviewer', groupId: from.id },
  });
  const { token } = createdInvitation.parse(await invited.json());
  const account = {
    name: 'Mona Mover',
    email: `mona-${Date.now()}@example.org`,
    password: 'a passphrase to move',
  };
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  expect((await member.request.post(`/api/invitations/${token}/signup`, { data: account })).status()).toBe(
    202,
  );
  const login = await member.request.post('/api/auth/login', {
    data: { email: account.email, password: account.password },
  });
  expect(login.status()).toBe(200);

  await member.goto(`/consultations/${consultation.id}`);
  const card = member.getByRole('region', { name: 'Your stakeholder group' });
  await expect(card).toContainText(`You take part for “${from.name}”.`);
  await card.getByLabel('Ask to change to').click();
  await member.getByRole('option', { name: to.name }).click();
  await card.getByRole('button', { name: 'Send request' }).click();
  await expect(card.getByRole('status')).toContainText(`move you to “${to.name}”`);
  await expectNoAxeViolations(member);

  await page.goto(`/consultations/${consultation.id}/members`);
  const request = page.getByRole('region', { name: 'Requests to change group' }).getByRole('row', {
    name: /Mona Mover/,
  });
  await expect(request).toContainText(to.name);
  await expectNoAxeViolations(page);
  await request.getByRole('button', { name: 'Approve the request of Mona Mover' }).click();
  await expect(page.getByRole('region', { name: 'Requests to change group' })).toHaveCount(0);
  await expect(page.getByLabel('Stakeholder group of Mona Mover')).toContainText(to.name);

  await member.reload();
  await expect(card).toContainText(`You take part for “${to.name}”.`);
  await memberContext.close();
});
