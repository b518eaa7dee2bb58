import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '@cw/shared';
import { buildUser } from '../../test/factories.js';
import { ApiClient } from '../../test/http-client.js';
import { TestSmtpServer } from '../../test/smtp-server.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { eventually } from '../../test/ws-clients.js';
import { MailOutbox } from './mail-outbox.service.js';
import { MailWorker } from './mail-worker.js';

/** Retries wait 100, 200, 400, 800 and 1600 ms: ample time to bring the server back after the second. */
const MAX_ATTEMPTS = 6;

interface Row {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  message_id: string;
}

describe.each(BACKENDS)('the mail outbox on %s', (backend) => {
  let testApp: TestApp;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    testApp = await startTestApp(backend, {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'consult@example.org',
      MAIL_POLL_MS: '50',
      MAIL_RETRY_MS: '100',
      MAIL_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      MAIL_SEND_TIMEOUT_MS: '2000',
    });
  });
  afterAll(async () => {
    await testApp.close();
    await smtp.down();
  });

  const worker = () => testApp.app.get(MailWorker);

  /** Queues a reset mail to a new address, outside any other transaction; answers the address. */
  async function queue(recipient = `someone-${randomBytes(4).toString('hex')}@example.org`): Promise<string> {
    const mail = testApp.app.get(MailOutbox);
    await mail.enqueue(
      { kind: 'passwordReset', to: recipient, values: { name: 'Someone', link: 'http://localhost/x' } },
      testApp.db.sql,
    );
    mail.deliverSoon();
    return recipient;
  }

  async function rowsTo(recipients: string[]): Promise<Row[]> {
    return testApp.db.sql<Row[]>`
      SELECT id, status, attempts, last_error, message_id FROM mail_outbox
      WHERE recipient IN ${testApp.db.sql(recipients)} ORDER BY recipient`;
  }

  /** Every mail's copies at the SMTP server, by recipient. */
  const copies = (recipients: string[]) => recipients.map((recipient) => smtp.to(recipient).length);

  it('sends nothing queued in a transaction that was rolled back', async () => {
    const mail = testApp.app.get(MailOutbox);
    await expect(
      testApp.db.sql.begin(async (tx) => {
        await mail.enqueue(
          { kind: 'passwordReset', to: 'rolled-back@example.org', values: { name: 'R', link: 'http://x/y' } },
          tx,
        );
        throw new Error('the change the mail was about failed');
      }),
    ).rejects.toThrow('the change the mail was about failed');
    const sentinel = await queue();
    await eventually(() => expect(smtp.to(sentinel)).toHaveLength(1));
    await worker().poll();
    expect(smtp.to('rolled-back@example.org')).toEqual([]);
  });

  it('keeps mail while the mail server is down and delivers each one exactly once when it is back', async () => {
    await smtp.down();
    const recipients = (await Promise.all([1, 2, 3, 4, 5].map(() => queue()))).sort();
    // Every mail has been tried twice and refused by the network, and waits for its next try.
    await eventually(async () => {
      for (const row of await rowsTo(recipients)) {
        expect(row.status).toBe('pending');
        expect(row.attempts).toBeGreaterThanOrEqual(2);
        expect(row.last_error).toMatch(/ECONNREFUSED/);
      }
    });
    await smtp.up();
    await eventually(() => expect(copies(recipients)).toEqual([1, 1, 1, 1, 1]));
    // Polls after the last delivery send nothing more.
    await worker().poll();
    await worker().poll();
    expect(copies(recipients)).toEqual([1, 1, 1, 1, 1]);
    const rows = await rowsTo(recipients);
    expect(rows.map((row) => row.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    expect(rows.map((row) => row.last_error)).toEqual([null, null, null, null, null]);
    expect(recipients.map((recipient) => smtp.to(recipient)[0]!.messageId)).toEqual(
      rows.map((row) => row.message_id),
    );
  });

  it('retries a mail the server defers (4xx) and gives up at once on one it rejects (5xx)', async () => {
    smtp.mode = 'defer';
    const deferred = await queue();
    await eventually(async () => {
      const [row] = await rowsTo([deferred]);
      expect(row).toMatchObject({ status: 'pending' });
      expect(row!.attempts).toBeGreaterThanOrEqual(2);
      expect(row!.last_error).toMatch(/451/);
    });
    smtp.mode = 'reject';
    const rejected = await queue();
    await eventually(async () => expect((await rowsTo([rejected]))[0]!.status).toBe('failed'));
    smtp.mode = 'accept';
    await eventually(() => expect(copies([deferred])).toEqual([1]));
    await worker().poll();
    const [gaveUp] = await rowsTo([rejected]);
    expect(gaveUp).toMatchObject({ status: 'failed', attempts: 1 });
    expect(gaveUp!.last_error).toMatch(/550/);
    expect(copies([deferred, rejected])).toEqual([1, 0]);
  });

  it(`gives a mail up after ${MAX_ATTEMPTS} attempts`, async () => {
    await smtp.down();
    const recipient = await queue();
    await eventually(async () => expect((await rowsTo([recipient]))[0]!.status).toBe('failed'));
    await smtp.up();
    await worker().poll();
    const [row] = await rowsTo([recipient]);
    expect(row!.attempts).toBe(MAX_ATTEMPTS);
    expect(copies([recipient])).toEqual([0]);
  });

  it('leaves a mail another worker holds, and takes it over with the same Message-ID once its lease ends', async () => {
    const recipient = `held-${randomBytes(4).toString('hex')}@example.org`;
    // Claimed, as if by another instance that then died mid-send, in the transaction that queues it.
    await testApp.db.sql.begin(async (tx) => {
      await testApp.app
        .get(MailOutbox)
        .enqueue({ kind: 'passwordReset', to: recipient, values: { name: 'H', link: 'http://x/y' } }, tx);
      await tx`
        UPDATE mail_outbox SET status = 'sending', attempts = 1, claimed_until = now() + interval '1 hour'
        WHERE recipient = ${recipient}`;
    });
    await worker().poll();
    expect(copies([recipient])).toEqual([0]);
    await testApp.db.sql`
      UPDATE mail_outbox SET claimed_until = now() - interval '1 second' WHERE recipient = ${recipient}`;
    await worker().poll();
    const [row] = await rowsTo([recipient]);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.to(recipient).map((mail) => mail.messageId)).toEqual([row!.message_id]);
  });

  it('shows installation organisers the delivery of each mail, without its text once sent', async () => {
    const organiser = await buildUser(testApp, { isOrganiser: true });
    const member = await buildUser(testApp);
    const recipient = await queue();
    await eventually(() => expect(copies([recipient])).toEqual([1]));

    expect((await new ApiClient(testApp.url).get('/api/mail/outbox')).status).toBe(401);
    const refused = await member.api.get('/api/mail/outbox');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');

    // Marked sent right after the mail server accepted it.
    await eventually(async () => {
      const listed = outbox.parse((await organiser.api.get('/api/mail/outbox')).body);
      expect(listed.delivery).toBe('smtp');
      const mail = listed.mails.find((candidate) => candidate.recipient === recipient);
      expect(mail).toMatchObject({
        kind: 'passwordReset',
        status: 'sent',
        attempts: 1,
        text: null,
        html: null,
      });
      expect(mail!.sentAt).not.toBeNull();
    });
  });
});

describe.runIf(BACKENDS.includes('postgres' as never))('two instances on one database', () => {
  let first: TestApp;
  let second: TestApp;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start(false);
    const env = { SMTP_URL: smtp.url, MAIL_FROM: 'consult@example.org', MAIL_RETRY_MS: '100' };
    first = await startTestApp('postgres', env);
    second = await startTestApp('pglite', { ...env, DATABASE_URL: first.config.databaseUrl! });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
    await smtp.down();
  });

  it('send each mail once, however their polls meet', async () => {
    const mail = first.app.get(MailOutbox);
    const recipients = Array.from({ length: 30 }, (_, i) => `many-${i}@example.org`);
    for (const recipient of recipients) {
      await mail.enqueue(
        { kind: 'passwordReset', to: recipient, values: { name: 'Someone', link: 'http://localhost/x' } },
        first.db.sql,
      );
    }
    await smtp.up();
    await first.db.sql`UPDATE mail_outbox SET next_attempt_at = now()`;
    await Promise.all([first.app.get(MailWorker).poll(), second.app.get(MailWorker).poll()]);
    await eventually(() => expect(smtp.received).toHaveLength(30));
    await Promise.all([first.app.get(MailWorker).poll(), second.app.get(MailWorker).poll()]);
    expect(recipients.map((recipient) => smtp.to(recipient).length)).toEqual(recipients.map(() => 1));
  });
});

describe('without SMTP_URL', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp('pglite', { PUBLIC_URL: 'http://192.0.2.10:3000' });
  });
  afterAll(() => testApp.close());

  it('keeps mail in the outbox for installation organisers to read, and its link works', async () => {
    const organiser = await buildUser(testApp, { isOrganiser: true });
    const member = await buildUser(testApp);
    const anonymous = new ApiClient(testApp.url);
    expect((await anonymous.post('/api/auth/password-reset', { email: member.email })).status).toBe(202);

    const mail = await eventually(async () => {
      const listed = outbox.parse((await organiser.api.get('/api/mail/outbox')).body);
      expect(listed.delivery).toBe('kept');
      const found = listed.mails.find((candidate) => candidate.recipient === member.email);
      expect(found).toBeDefined();
      return found!;
    });
    expect(mail).toMatchObject({ status: 'kept', attempts: 0, kind: 'passwordReset' });
    expect(mail.html).toContain('<a href="http://192.0.2.10:3000/reset-password#');
    const token = /reset-password#([A-Za-z0-9_-]+)/.exec(mail.text!)![1]!;

    // The member, who is no organiser, cannot read the outbox, and so not their own mail either.
    expect((await member.api.get('/api/mail/outbox')).status).toBe(403);
    const confirmed = await anonymous.post('/api/auth/password-reset/confirm', {
      token,
      password: 'chosen after reading',
    });
    expect(confirmed.status).toBe(204);
    expect(
      (await anonymous.post('/api/auth/login', { email: member.email, password: 'chosen after reading' }))
        .status,
    ).toBe(200);
  });
});
