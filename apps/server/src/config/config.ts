import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => ['true', '1', 'yes'].includes(value));

/** Every setting the server reads from the environment; documented in the README. */
const envSchema = z.object({
  /** HTTP and WebSocket port. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Postgres connection string. Without it the embedded PGlite database under DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
    .optional(),
  /**
   * Redis connection string. With it, any number of instances serve the same papers and live
   * events (updates, presence and thread changes travel between them through Redis pub/sub).
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// connection string')
    .optional(),
  /** Where the embedded database keeps its files. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Seed and advertise the demo consultation and accounts. Default: on when DATABASE_URL is unset. */
  DEMO_MODE: flag.optional(),
  /** The address users reach the app at; used in invitation links and the Origin check. */
  PUBLIC_URL: z.url({ message: 'must be an absolute URL' }).optional(),
  /** Further origins allowed to open WebSockets and call the API with cookies, comma-separated. */
  ALLOWED_ORIGINS: z.string().default(''),
  /** Session lifetime in hours (default 14 days). */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(24 * 14),
  /** Mark the session cookie Secure. Default: on when PUBLIC_URL is https. */
  COOKIE_SECURE: flag.optional(),
  /** Login attempts allowed per client address per minute. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Failed sign-ins of one account, from any address, after which each attempt must wait. */
  LOGIN_FAILURES_BEFORE_DELAY: z.coerce.number().int().min(1).max(1000).default(5),
  /** The first such wait in seconds; it doubles with each further failure (never beyond the lock). */
  LOGIN_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(1),
  /** Failed sign-ins of one account after which it is locked for LOGIN_LOCK_MINUTES. */
  LOGIN_FAILURES_BEFORE_LOCK: z.coerce.number().int().min(2).max(1000).default(20),
  /** How long a locked account refuses every sign-in, in minutes; it unlocks by itself. */
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Invitation link requests (preview, accept, sign-up) allowed per client address per minute. */
  INVITATION_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(30),
  /** New threads and comments a member may post per minute. */
  COMMENT_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(30),
  /** Built web app to serve (default: apps/web/dist); empty disables static serving (API only). */
  WEB_DIST: z.string().optional(),
  /** Create this organiser account at start-up when no account with that email exists. */
  BOOTSTRAP_ADMIN_EMAIL: z.email().optional(),
  BOOTSTRAP_ADMIN_PASSWORD: z.string().min(10).optional(),
  BOOTSTRAP_ADMIN_NAME: z.string().min(1).default('Organiser'),
  /** Largest WebSocket frame in bytes; bigger frames close the socket with 1009 (default 4 MiB). */
  COLLAB_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(4 * 1024 * 1024),
  /**
   * How large a paper may grow, in bytes of its encoded state (default 32 MiB): edits that would
   * pass it are refused; deletions never are.
   */
  COLLAB_MAX_PAPER_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(32 * 1024 * 1024),
  /** Bytes of edits one member may send per minute, a whole minute's worth at once (default 2 MiB). */
  COLLAB_EDIT_BYTES_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(16 * 1024)
    .default(2 * 1024 * 1024),
  /**
   * How long an update may wait for the changes it builds on (a client's own edits, sent right
   * after reconnecting and before its sync answer) before the client is asked for them again.
   */
  COLLAB_HOLD_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Unsent bytes a socket may queue before it is cut off as too slow (default 16 MiB). */
  COLLAB_MAX_BUFFERED_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(16 * 1024 * 1024),
  /** Group commit window: accepted edits are written together after this many ms. */
  COLLAB_FLUSH_MS: z.coerce.number().int().min(0).max(1000).default(50),
  /**
   * Compact a paper's update log into its snapshot once the log holds as many bytes as the
   * snapshot (at least this many): rewriting the snapshot then costs at most one byte per byte
   * of edits, and loading reads at most twice the paper.
   */
  COLLAB_COMPACT_MIN_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(64 * 1024),
  /** ...or once the log holds this many updates, whatever their size (bounds rows read at load). */
  COLLAB_COMPACT_AFTER: z.coerce.number().int().min(1).default(10_000),
  /** Unload a paper from memory this many ms after its last client left. */
  COLLAB_UNLOAD_DELAY_MS: z.coerce.number().int().min(0).default(5_000),
  /** Re-check connected members' rights (role, phase, session) every this many ms. */
  COLLAB_RECHECK_MS: z.coerce.number().int().min(100).default(2_000),
  /** Largest awareness (presence) state of one client, in bytes of JSON. */
  COLLAB_AWARENESS_MAX_BYTES: z.coerce.number().int().min(256).default(4_096),
  /** Awareness messages per second a socket may send on average (burst: twice that). */
  COLLAB_AWARENESS_PER_SECOND: z.coerce.number().int().min(1).default(20),
  /** argon2id cost; lowered only by tests. */
  PASSWORD_HASH_MEMORY_KIB: z.coerce.number().int().min(1024).default(19_456),
  /** Least severe log level written (JSON lines on standard output). */
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  /** `pretty`: short human lines; `json`: one JSON object per line. Default: pretty in a terminal. */
  LOG_FORMAT: z.enum(['json', 'pretty'], { message: 'must be json or pretty' }).optional(),
  /** Bearer token Prometheus sends to read /metrics; without it (or empty) /metrics is off (404). */
  METRICS_TOKEN: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().min(16, 'must be at least 16 characters').optional(),
  ),
  /**
   * Proxies whose X-Forwarded-For is believed (rate limits count the real client address):
   * comma-separated `loopback`, `linklocal`, `uniquelocal` (private networks) or addresses/CIDRs.
   */
  TRUST_PROXY: z
    .string()
    .regex(
      /^\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?))*\s*$/,
      'must be a comma-separated list of loopback, linklocal, uniquelocal or IP addresses/CIDRs',
    )
    .default('loopback'),
  /** On SIGTERM, keep retrying to store pending paper edits for at most this many ms. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(15_000),
  /** How often each instance looks for phase changes (and their notices) the dates made due. */
  PHASE_SCHEDULE_POLL_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  /**
   * Runs the schedule this many ms ahead of (or behind) the real clock: for tests and for
   * rehearsing a schedule on a copy, never for production.
   */
  PHASE_SCHEDULE_OFFSET_MS: z.coerce.number().int().default(0),
  /** SMTP server that outgoing mail is sent through; without it mail is kept in the outbox. */
  SMTP_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^smtps?:\/\/[^/]/, 'must be an smtp:// or smtps:// URL')
      .pipe(z.url({ message: 'must be an smtp:// or smtps:// URL' }))
      .optional(),
  ),
  /** The sender of outgoing mail, `Name <address>` or a bare address. */
  MAIL_FROM: z
    .string()
    .refine((value) => mailAddress(value) !== undefined, 'must be an address or Name <address>')
    .optional(),
  /** How often each instance looks for mail due to be sent, in ms. */
  MAIL_POLL_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
  /** Longest wait for the mail server at each step of sending one mail (connect, greeting, reply). */
  MAIL_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** The wait before the first retry of a mail that could not be sent; it doubles up to an hour. */
  MAIL_RETRY_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  /** Attempts after which a mail that could not be sent is given up (failed). */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(60),
});

/** The address part of `Name <address>` or of a bare address, when it is one. */
function mailAddress(value: string): string | undefined {
  const address = /<([^<>]+)>\s*$/.exec(value)?.[1] ?? value;
  return z.email().safeParse(address.trim()).success ? address.trim() : undefined;
}

export type LogLevel = z.infer<typeof envSchema>['LOG_LEVEL'];
export type LogFormat = NonNullable<z.infer<typeof envSchema>['LOG_FORMAT']>;

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Set when several instances share the load; undefined for a single instance. */
  redisUrl: string | undefined;
  dataDir: string;
  /** `memory://` for tests; a directory otherwise. */
  pgliteDir: string;
  isDemoMode: boolean;
  publicUrl: string;
  allowedOrigins: string[];
  sessionTtlMs: number;
  isCookieSecure: boolean;
  loginRateLimit: number;
  loginThrottle: LoginThrottleConfig;
  invitationRateLimit: number;
  commentRateLimit: number;
  webDist: string | undefined;
  bootstrapAdmin: { email: string; password: string; name: string } | undefined;
  passwordHashMemoryKib: number;
  logLevel: LogLevel;
  logFormat: LogFormat;
  metricsToken: string | undefined;
  /** Express `trust proxy` value. */
  trustProxy: string;
  shutdownTimeoutMs: number;
  collab: CollabConfig;
  phaseSchedule: PhaseScheduleConfig;
  mail: MailConfig;
}

/** Outgoing mail: where it goes, and how the outbox worker sends and retries it. */
export interface MailConfig {
  /** Undefined: mail is kept in the outbox, for installation organisers to read in the app. */
  smtpUrl: string | undefined;
  /** The From header. */
  from: string;
  /** The domain of Message-ID headers: the sender address's. */
  messageIdDomain: string;
  pollMs: number;
  sendTimeoutMs: number;
  retryMs: number;
  maxAttempts: number;
}

/** The poller of the phase changes consultations' dates schedule. */
export interface PhaseScheduleConfig {
  pollMs: number;
  /** Added to the real clock wherever the schedule asks for the time. */
  clockOffsetMs: number;
}

/** How failed sign-ins of one account are slowed down. */
export interface LoginThrottleConfig {
  /** Failures after which each further attempt must wait. */
  failuresBeforeDelay: number;
  /** The first wait, in seconds; it doubles with each further failure. */
  delaySeconds: number;
  /** Failures after which the account is locked. */
  failuresBeforeLock: number;
  /** How long a lock lasts, in seconds; no wait is longer. */
  lockSeconds: number;
}

export interface CollabConfig {
  maxMessageBytes: number;
  maxPaperBytes: number;
  editBytesPerMinute: number;
  holdMs: number;
  maxBufferedBytes: number;
  flushDelayMs: number;
  compactAfter: number;
  compactMinBytes: number;
  unloadDelayMs: number;
  recheckMs: number;
  maxAwarenessStateBytes: number;
  awarenessPerSecond: number;
}

/** Thrown with one line per bad setting, so an operator can fix them all at once. */
export class ConfigError extends Error {}

/** `isTerminal`: whether standard output is a terminal (a person reads it, not a log shipper). */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  isTerminal = process.stdout.isTTY === true,
): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (Boolean(e.BOOTSTRAP_ADMIN_EMAIL) !== Boolean(e.BOOTSTRAP_ADMIN_PASSWORD)) {
    throw new ConfigError(
      'Invalid configuration:\n  BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together',
    );
  }
  if (e.LOGIN_FAILURES_BEFORE_LOCK <= e.LOGIN_FAILURES_BEFORE_DELAY) {
    throw new ConfigError(
      'Invalid configuration:\n  LOGIN_FAILURES_BEFORE_LOCK must be greater than LOGIN_FAILURES_BEFORE_DELAY',
    );
  }
  if (e.SMTP_URL && !e.MAIL_FROM) {
    throw new ConfigError('Invalid configuration:\n  MAIL_FROM must be set with SMTP_URL');
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const mailFrom = e.MAIL_FROM ?? `Consultation Workspace <no-reply@${new URL(publicUrl).hostname}>`;
  const extraOrigins = e.ALLOWED_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: e.DATA_DIR,
    pgliteDir: e.DATA_DIR === 'memory://' ? 'memory://' : resolve(e.DATA_DIR, 'pglite'),
    isDemoMode: e.DEMO_MODE ?? !e.DATABASE_URL,
    publicUrl,
    allowedOrigins: [new URL(publicUrl).origin, ...extraOrigins],
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    isCookieSecure: e.COOKIE_SECURE ?? publicUrl.startsWith('https:'),
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    loginThrottle: {
      failuresBeforeDelay: e.LOGIN_FAILURES_BEFORE_DELAY,
      delaySeconds: e.LOGIN_DELAY_SECONDS,
      failuresBeforeLock: e.LOGIN_FAILURES_BEFORE_LOCK,
      lockSeconds: e.LOGIN_LOCK_MINUTES * 60,
    },
    invitationRateLimit: e.INVITATION_RATE_LIMIT,
    commentRateLimit: e.COMMENT_RATE_LIMIT,
    webDist: e.WEB_DIST === '' ? undefined : resolve(e.WEB_DIST ?? DEFAULT_WEB_DIST),
    bootstrapAdmin:
      e.BOOTSTRAP_ADMIN_EMAIL && e.BOOTSTRAP_ADMIN_PASSWORD
        ? {
            email: e.BOOTSTRAP_ADMIN_EMAIL.toLowerCase(),
            password: e.BOOTSTRAP_ADMIN_PASSWORD,
            name: e.BOOTSTRAP_ADMIN_NAME,
          }
        : undefined,
    passwordHashMemoryKib: e.PASSWORD_HASH_MEMORY_KIB,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (isTerminal ? 'pretty' : 'json'),
    metricsToken: e.METRICS_TOKEN,
    trustProxy: e.TRUST_PROXY,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    collab: {
      maxMessageBytes: e.COLLAB_MAX_MESSAGE_BYTES,
      maxPaperBytes: e.COLLAB_MAX_PAPER_BYTES,
      editBytesPerMinute: e.COLLAB_EDIT_BYTES_PER_MINUTE,
      holdMs: e.COLLAB_HOLD_MS,
      maxBufferedBytes: e.COLLAB_MAX_BUFFERED_BYTES,
      flushDelayMs: e.COLLAB_FLUSH_MS,
      compactAfter: e.COLLAB_COMPACT_AFTER,
      compactMinBytes: e.COLLAB_COMPACT_MIN_BYTES,
      unloadDelayMs: e.COLLAB_UNLOAD_DELAY_MS,
      recheckMs: e.COLLAB_RECHECK_MS,
      maxAwarenessStateBytes: e.COLLAB_AWARENESS_MAX_BYTES,
      awarenessPerSecond: e.COLLAB_AWARENESS_PER_SECOND,
    },
    phaseSchedule: { pollMs: e.PHASE_SCHEDULE_POLL_MS, clockOffsetMs: e.PHASE_SCHEDULE_OFFSET_MS },
    mail: {
      smtpUrl: e.SMTP_URL,
      from: mailFrom,
      messageIdDomain: (mailAddress(mailFrom) ?? mailFrom).split('@').pop()!,
      pollMs: e.MAIL_POLL_MS,
      sendTimeoutMs: e.MAIL_SEND_TIMEOUT_MS,
      retryMs: e.MAIL_RETRY_MS,
      maxAttempts: e.MAIL_MAX_ATTEMPTS,
    },
  };
}

/** Injection token for the parsed configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
