import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { outbox, type OutboxMail } from '@cw/shared';
import { ApiClient } from '../../test/http-client.js';
import { PROCESS_ORGANISER, processEnvironment, ServerProcess } from '../../test/server-process.js';
import { TestSmtpServer } from '../../test/smtp-server.js';
import { BACKENDS } from '../../test/test-database.js';
import { eventually } from '../../test/ws-clients.js';

const METRICS_TOKEN = 'mail-restarts-metrics';
const POLLS = 'cw_mail_polls_total';

/** A counter's value in the server's Prometheus metrics. */
async function counter(url: string, series: string): Promise<number> {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const line = (await response.text()).split('\n').find((text) => text.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/** Waits until the server has finished two more polls of the outbox: the second began after this call. */
async function afterTwoPolls(url: string): Promise<void> {
  const before = await counter(url, POLLS);
  await eventually(async () => expect(await counter(url, POLLS)).toBeGreaterThanOrEqual(before + 2));
}

describe.each(BACKENDS)('mail through server restarts on %s', (backend) => {
  let environment: Awaited<ReturnType<typeof processEnvironment>>;
  let smtp: TestSmtpServer;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    environment = await processEnvironment(backend);
    smtp = await TestSmtpServer.start(false);
  });
  afterEach(async () => {
    await server?.kill();
    server = undefined;
  });
  afterAll(async () => {
    await smtp.down();
    await environment.dispose();
  });

  async function startServer(): Promise<{ url: string; organiser: ApiClient }> {
    server = new ServerProcess({
      ...environment.env,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'consult@example.org',
      MAIL_POLL_MS: '100',
      MAIL_RETRY_MS: '100',
      MAIL_SEND_TIMEOUT_MS: '3000',
      METRICS_TOKEN,
    });
    const url = await server.start();
    const anonymous = new ApiClient(url);
    const session = await anonymous.post('/api/auth/login', PROCESS_ORGANISER);
    expect(session.status).toBe(200);
    return { url, organiser: anonymous.withToken(session.body.token) };
  }

  async function latestMail(organiser: ApiClient): Promise<OutboxMail> {
    const listed = outbox.parse((await organiser.get('/api/mail/outbox')).body);
    const mail = listed.mails.find((candidate) => candidate.recipient === PROCESS_ORGANISER.email);
    expect(mail).toBeDefined();
    return mail!;
  }

  it('delivers once, after the restart, a mail that was waiting for the mail server when the server was killed', async () => {
    const first = await startServer();
    expect(
      (await first.organiser.post('/api/auth/password-reset', { email: PROCESS_ORGANISER.email })).status,
    ).toBe(202);
    const waiting = await eventually(async () => {
      const mail = await latestMail(first.organiser);
      expect(mail.status).toBe('pending');
      expect(mail.attempts).toBeGreaterThanOrEqual(1);
      return mail;
    });
    expect(waiting.lastError).toMatch(/ECONNREFUSED/);
    await server!.kill();

    await smtp.up();
    const second = await startServer();
    await eventually(() => expect(smtp.to(PROCESS_ORGANISER.email)).toHaveLength(1));
    await eventually(async () => expect((await latestMail(second.organiser)).status).toBe('sent'));
    await afterTwoPolls(second.url);
    expect(smtp.to(PROCESS_ORGANISER.email)).toHaveLength(1);
  });

  it('sends again, once and under the same Message-ID, a mail the server was killed while sending', async () => {
    const before = smtp.to(PROCESS_ORGANISER.email).length;
    smtp.mode = 'stall';
    const offered = smtp.offered;
    const first = await startServer();
    expect(
      (await first.organiser.post('/api/auth/password-reset', { email: PROCESS_ORGANISER.email })).status,
    ).toBe(202);
    // The mail server has the whole mail and has not answered: the outbox holds it as sending.
    await eventually(() => expect(smtp.offered).toBe(offered + 1));
    const claimed = await latestMail(first.organiser);
    expect(claimed).toMatchObject({ status: 'sending', attempts: 1 });
    await server!.kill();

    smtp.mode = 'accept';
    const second = await startServer();
    // Sent once the claim of the killed server has run out.
    await eventually(() => expect(smtp.to(PROCESS_ORGANISER.email)).toHaveLength(before + 1), 60_000);
    await eventually(async () => expect((await latestMail(second.organiser)).status).toBe('sent'));
    await afterTwoPolls(second.url);
    const copies = smtp.to(PROCESS_ORGANISER.email).slice(before);
    expect(copies).toHaveLength(1);
    expect(copies[0]!.messageId).toMatch(/^<[0-9a-f-]{36}@example\.org>$/);
    expect(copies[0]!.messageId).toBe(smtp.unanswered.at(-1)!.messageId);
  });
});
