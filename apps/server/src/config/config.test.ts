import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split('\n').slice(1);
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.logLevel).toBe('info');
    expect(config.metricsToken).toBeUndefined();
    expect(config.shutdownTimeoutMs).toBe(15_000);
    expect(config.trustProxy).toBe('loopback');
  });

  it('names every bad setting on a line of its own, all at once', () => {
    const lines = problems({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db/x',
      LOG_LEVEL: 'verbose',
      METRICS_TOKEN: 'short',
      SHUTDOWN_TIMEOUT_MS: '-1',
      TRUST_PROXY: 'everyone',
    });
    expect(lines).toHaveLength(6);
    expect(lines.find((line) => line.includes('PORT'))).toBeDefined();
    expect(lines.find((line) => line.includes('DATABASE_URL'))).toContain('postgres://');
    expect(lines.find((line) => line.includes('LOG_LEVEL'))).toContain('one of fatal, error, warn');
    expect(lines.find((line) => line.includes('METRICS_TOKEN'))).toContain('at least 16 characters');
    expect(lines.find((line) => line.includes('SHUTDOWN_TIMEOUT_MS'))).toBeDefined();
    expect(lines.find((line) => line.includes('TRUST_PROXY'))).toContain('uniquelocal');
  });

  it('requires the bootstrap admin email and password together', () => {
    expect(problems({ BOOTSTRAP_ADMIN_EMAIL: 'a@example.org' })).toEqual([
      '  BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together',
    ]);
  });

  it('reads the sign-in throttling settings and keeps the lock after the delays', () => {
    expect(loadConfig({}).loginThrottle).toEqual({
      failuresBeforeDelay: 5,
      delaySeconds: 1,
      failuresBeforeLock: 20,
      lockSeconds: 900,
    });
    expect(
      loadConfig({ LOGIN_FAILURES_BEFORE_DELAY: '3', LOGIN_DELAY_SECONDS: '30', LOGIN_LOCK_MINUTES: '60' })
        .loginThrottle,
    ).toEqual({ failuresBeforeDelay: 3, delaySeconds: 30, failuresBeforeLock: 20, lockSeconds: 3600 });
    expect(problems({ LOGIN_FAILURES_BEFORE_DELAY: '20', LOGIN_FAILURES_BEFORE_LOCK: '20' })).toEqual([
      '  LOGIN_FAILURES_BEFORE_LOCK must be greater than LOGIN_FAILURES_BEFORE_DELAY',
    ]);
  });

  it('reads the operations settings', () => {
    const config = loadConfig({
      LOG_LEVEL: 'warn',
      METRICS_TOKEN: 'a-long-enough-token',
      SHUTDOWN_TIMEOUT_MS: '30000',
      TRUST_PROXY: 'loopback, uniquelocal, 203.0.113.0/24',
    });
    expect(config).toMatchObject({
      logLevel: 'warn',
      metricsToken: 'a-long-enough-token',
      shutdownTimeoutMs: 30_000,
      trustProxy: 'loopback, uniquelocal, 203.0.113.0/24',
    });
  });

  it('logs short human lines in a terminal and JSON elsewhere, unless LOG_FORMAT says', () => {
    expect(loadConfig({}, true).logFormat).toBe('pretty');
    expect(loadConfig({}, false).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'json' }, true).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }, false).logFormat).toBe('pretty');
    expect(problems({ LOG_FORMAT: 'xml' })).toEqual(['  LOG_FORMAT: must be json or pretty']);
  });

  it('polls the phase schedule every 30 s on the real clock unless told otherwise', () => {
    expect(loadConfig({}).phaseSchedule).toEqual({ pollMs: 30_000, clockOffsetMs: 0 });
    expect(
      loadConfig({ PHASE_SCHEDULE_POLL_MS: '50', PHASE_SCHEDULE_OFFSET_MS: '-86400000' }).phaseSchedule,
    ).toEqual({ pollMs: 50, clockOffsetMs: -86_400_000 });
    expect(problems({ PHASE_SCHEDULE_POLL_MS: '0' })).toHaveLength(1);
  });

  it('treats an empty METRICS_TOKEN as unset (compose passes empty variables)', () => {
    expect(loadConfig({ METRICS_TOKEN: '' }).metricsToken).toBeUndefined();
  });
});

describe('REDIS_URL', () => {
  it('is optional: one instance serves alone without it', () => {
    expect(loadConfig({}).redisUrl).toBeUndefined();
  });

  it('takes redis:// and rediss:// connection strings', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe('redis://127.0.0.1:6379');
    expect(loadConfig({ REDIS_URL: 'rediss://user:secret@cache.example.org:6380/2' }).redisUrl).toBe(
      'rediss://user:secret@cache.example.org:6380/2',
    );
  });

  it('stops start-up on anything else, naming the setting', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_URL: '127.0.0.1:6379' })).toThrow(/REDIS_URL/);
  });
});

describe('mail settings', () => {
  it('keep mail in the outbox without SMTP_URL, sent from an address at PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://consult.example.org' }).mail).toEqual({
      smtpUrl: undefined,
      from: 'Consultation Workspace <no-reply@consult.example.org>',
      messageIdDomain: 'consult.example.org',
      pollMs: 5_000,
      sendTimeoutMs: 30_000,
      retryMs: 30_000,
      maxAttempts: 60,
    });
    expect(loadConfig({ SMTP_URL: '' }).mail.smtpUrl).toBeUndefined();
  });

  it('take an SMTP server with the sender, whose domain names the messages', () => {
    const mail = loadConfig({
      SMTP_URL: 'smtps://user:secret@mail.example.org:465',
      MAIL_FROM: 'Consultations <consult@example.org>',
      MAIL_RETRY_MS: '1000',
    }).mail;
    expect(mail).toMatchObject({
      smtpUrl: 'smtps://user:secret@mail.example.org:465',
      from: 'Consultations <consult@example.org>',
      messageIdDomain: 'example.org',
      retryMs: 1000,
    });
    expect(
      loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'a@b.example' }).mail.messageIdDomain,
    ).toBe('b.example');
  });

  it('refuse an SMTP server without a sender, and malformed settings, naming them', () => {
    expect(problems({ SMTP_URL: 'smtp://mail.example.org' })).toEqual([
      '  MAIL_FROM must be set with SMTP_URL',
    ]);
    const lines = problems({
      SMTP_URL: 'http://mail.example.org',
      MAIL_FROM: 'Consultations',
      MAIL_MAX_ATTEMPTS: '0',
    });
    expect(lines).toHaveLength(3);
    expect(lines.find((line) => line.includes('SMTP_URL'))).toContain('smtp:// or smtps://');
    expect(lines.find((line) => line.includes('MAIL_FROM'))).toContain('Name <address>');
    expect(lines.find((line) => line.includes('MAIL_MAX_ATTEMPTS'))).toBeDefined();
  });
});
