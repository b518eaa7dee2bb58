import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../test/factories.js';
import { ApiClient } from '../../test/http-client.js';
import { TestSmtpServer } from '../../test/smtp-server.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { eventually } from '../../test/ws-clients.js';
import { hashToken } from './session-token.js';

const NEW_PASSWORD = 'a brand new passphrase';

/** The token of the reset link in a mail, read from its plain text. */
function tokenIn(mail: ParsedMail): string {
  const match = /\/reset-password#([A-Za-z0-9_-]+)/.exec(mail.text ?? '');
  if (!match) throw new Error(`no reset link in ${mail.text}`);
  return match[1]!;
}

describe.each(BACKENDS)('password reset by mail on %s', (backend) => {
  let testApp: TestApp;
  let smtp: TestSmtpServer;
  let anonymous: ApiClient;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    testApp = await startTestApp(backend, {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Consultations <consult@example.org>',
      PUBLIC_URL: 'https://consult.example.org',
      MAIL_POLL_MS: '50',
      MAIL_RETRY_MS: '50',
    });
    anonymous = new ApiClient(testApp.url);
  });
  afterAll(async () => {
    await testApp.close();
    await smtp.down();
  });

  /** Asks for a reset of `email` and waits for its mail at the SMTP server. */
  async function resetMail(email: string): Promise<ParsedMail> {
    const before = smtp.to(email).length;
    expect((await anonymous.post('/api/auth/password-reset', { email })).status).toBe(202);
    return eventually(() => {
      const mails = smtp.to(email);
      expect(mails).toHaveLength(before + 1);
      return mails.at(-1)!;
    });
  }

  it('mails a link in plain text and HTML, from MAIL_FROM, on PUBLIC_URL, with nothing fetched', async () => {
    const user = await buildUser(testApp, { name: 'Ada Ngata' });
    const mail = await resetMail(user.email);
    expect(mail.from?.value).toEqual([{ address: 'consult@example.org', name: 'Consultations' }]);
    expect(mail.subject).toBe('Reset your password — Consultation Workspace');
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@example\.org>$/);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    const token = tokenIn(mail);
    expect(mail.text).toContain('Hello Ada Ngata,');
    expect(mail.text).toContain(`https://consult.example.org/reset-password#${token}`);
    expect(mail.text).toContain('within 60 minutes');
    const html = String(mail.html);
    expect(html).toContain(`href="https://consult.example.org/reset-password#${token}"`);
    // No images, scripts or other links: nothing is fetched or tracked when the mail is read.
    expect(html).not.toMatch(/<img|<script|src=/i);
    expect([...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1])).toEqual([
      `https://consult.example.org/reset-password#${token}`,
      `https://consult.example.org/reset-password#${token}`,
    ]);
    // Only the token's hash is stored.
    const rows = await testApp.db.sql<{ token_hash: Buffer }[]>`
      SELECT token_hash FROM password_resets WHERE user_id = ${user.id}`;
    expect(rows.map((row) => row.token_hash.toString('hex'))).toEqual([hashToken(token).toString('hex')]);
    // Once marked sent (right after the mail server accepted it), the outbox keeps no copy of the link.
    await eventually(async () => {
      const [kept] = await testApp.db.sql<{ text_body: string; html_body: string; status: string }[]>`
        SELECT text_body, html_body, status FROM mail_outbox WHERE recipient = ${user.email}`;
      expect(kept).toEqual({ text_body: '', html_body: '', status: 'sent' });
    });
  });

  it('escapes the name in the HTML', async () => {
    const user = await buildUser(testApp, { name: '<b>Bold</b> & "Co"' });
    const mail = await resetMail(user.email);
    expect(mail.text).toContain('Hello <b>Bold</b> & "Co",');
    expect(String(mail.html)).toContain('Hello &#60;b&#62;Bold&#60;/b&#62; &#38; &#34;Co&#34;,');
  });

  it('sets the new password once and ends every session of the account', async () => {
    const user = await buildUser(testApp);
    const otherSession = await anonymous.post('/api/auth/login', {
      email: user.email,
      password: TEST_PASSWORD,
    });
    const token = tokenIn(await resetMail(user.email));

    const confirmed = await anonymous.post('/api/auth/password-reset/confirm', {
      token,
      password: NEW_PASSWORD,
    });
    expect(confirmed.status).toBe(204);
    expect((await user.api.get('/api/auth/me')).status).toBe(401);
    expect((await anonymous.withToken(otherSession.body.token).get('/api/auth/me')).status).toBe(401);
    const oldPassword = await anonymous.post('/api/auth/login', {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(oldPassword.body.code).toBe('INVALID_CREDENTIALS');
    const signedIn = await anonymous.post('/api/auth/login', { email: user.email, password: NEW_PASSWORD });
    expect(signedIn.status).toBe(200);

    // The link worked once: used again, even by its owner, it changes nothing.
    const again = await anonymous.post('/api/auth/password-reset/confirm', {
      token,
      password: 'yet another passphrase',
    });
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('RESET_LINK_INVALID');
    expect((await anonymous.withToken(signedIn.body.token).get('/api/auth/me')).status).toBe(200);
  });

  it('ends a sign-in lock from guessing, so the owner can sign in with the new password', async () => {
    const user = await buildUser(testApp);
    await testApp.db.sql`
      INSERT INTO login_throttles (email_hash, failures, blocked_until, last_attempt_at)
      VALUES (sha256(convert_to(${user.email}, 'UTF8')), 20, now() + interval '15 minutes', now())`;
    const locked = await anonymous.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    const token = tokenIn(await resetMail(user.email));
    expect(
      (await anonymous.post('/api/auth/password-reset/confirm', { token, password: NEW_PASSWORD })).status,
    ).toBe(204);
    expect(
      (await anonymous.post('/api/auth/login', { email: user.email, password: NEW_PASSWORD })).status,
    ).toBe(200);
  });

  it('refuses a link past its hour, and one made unusable by a later reset', async () => {
    const user = await buildUser(testApp);
    const first = tokenIn(await resetMail(user.email));
    const second = tokenIn(await resetMail(user.email));
    await testApp.db.sql`
      UPDATE password_resets SET expires_at = now() - interval '1 second'
      WHERE token_hash = ${hashToken(first)}`;
    const expired = await anonymous.post('/api/auth/password-reset/confirm', {
      token: first,
      password: NEW_PASSWORD,
    });
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('RESET_LINK_INVALID');
    expect((await user.api.get('/api/auth/me')).status).toBe(200);

    const third = tokenIn(await resetMail(user.email));
    expect(
      (await anonymous.post('/api/auth/password-reset/confirm', { token: second, password: NEW_PASSWORD }))
        .status,
    ).toBe(204);
    // Resetting used up every other link of the account.
    const stale = await anonymous.post('/api/auth/password-reset/confirm', {
      token: third,
      password: 'stolen passphrase',
    });
    expect(stale.status).toBe(410);
    expect(
      (await anonymous.post('/api/auth/login', { email: user.email, password: NEW_PASSWORD })).status,
    ).toBe(200);
  });

  it('answers the same for an email without an account, and mails no one', async () => {
    const user = await buildUser(testApp);
    const unknown = await anonymous.post('/api/auth/password-reset', { email: 'Nobody@Example.org' });
    const known = await anonymous.post('/api/auth/password-reset', { email: user.email });
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual({ next: 'checkMail' });
    expect(known.status).toBe(unknown.status);
    expect(known.body).toEqual(unknown.body);
    // Requests are handled in order: once the known email's mail is queued, the unknown one's
    // request has been handled too.
    await eventually(() => expect(smtp.to(user.email)).toHaveLength(1));
    const [queued] = await testApp.db.sql<{ count: number }[]>`
      SELECT count(*)::int AS count FROM mail_outbox WHERE recipient = 'nobody@example.org'`;
    expect(queued!.count).toBe(0);
    expect(smtp.to('nobody@example.org')).toEqual([]);
  });

  it('mails one account at most three links an hour, answering the same', async () => {
    const user = await buildUser(testApp);
    for (let i = 0; i < 3; i++) await resetMail(user.email);
    expect((await anonymous.post('/api/auth/password-reset', { email: user.email })).status).toBe(202);
    // A later request for another account is handled after this one.
    const sentinel = await buildUser(testApp);
    await resetMail(sentinel.email);
    expect(smtp.to(user.email)).toHaveLength(3);
  });

  it('refuses malformed input with the fields named, and unknown tokens', async () => {
    const badEmail = await anonymous.post('/api/auth/password-reset', { email: 'not an email' });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.issues).toEqual([expect.objectContaining({ path: 'body.email' })]);
    const extra = await anonymous.post('/api/auth/password-reset', {
      email: 'a@example.org',
      isOrganiser: true,
    });
    expect(extra.status).toBe(400);
    const short = await anonymous.post('/api/auth/password-reset/confirm', {
      token: 'x'.repeat(43),
      password: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body.issues).toEqual([expect.objectContaining({ path: 'body.password' })]);
    const badToken = await anonymous.post('/api/auth/password-reset/confirm', {
      token: 'not a token!',
      password: NEW_PASSWORD,
    });
    expect(badToken.body.issues).toEqual([expect.objectContaining({ path: 'body.token' })]);
    const unknown = await anonymous.post('/api/auth/password-reset/confirm', {
      token: 'x'.repeat(43),
      password: NEW_PASSWORD,
    });
    expect(unknown.status).toBe(410);
    expect(unknown.body.code).toBe('RESET_LINK_INVALID');
  });
});

describe('password reset rate limit', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp('pglite', { LOGIN_RATE_LIMIT: '2' });
  });
  afterAll(() => testApp.close());

  it('limits requests and confirmations per client address like sign-in', async () => {
    const anonymous = new ApiClient(testApp.url);
    for (let i = 0; i < 2; i++) {
      expect((await anonymous.post('/api/auth/password-reset', { email: 'a@example.org' })).status).toBe(202);
    }
    const refused = await anonymous.post('/api/auth/password-reset', { email: 'a@example.org' });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    const body = { token: 'x'.repeat(43), password: NEW_PASSWORD };
    for (let i = 0; i < 2; i++) {
      expect((await anonymous.post('/api/auth/password-reset/confirm', body)).status).toBe(410);
    }
    expect((await anonymous.post('/api/auth/password-reset/confirm', body)).status).toBe(429);
  });
});
