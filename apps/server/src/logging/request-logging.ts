import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../config/config.js';
import { prettyLogStream } from './pretty-log.js';

/** Header carrying the request id in both directions (a proxy's id is kept, ours echoed back). */
export const REQUEST_ID_HEADER = 'x-request-id';

/** Incoming ids are kept only when short and plain, so a client cannot forge log structure. */
export const ACCEPTED_REQUEST_ID = /^[\w.:@-]{1,128}$/;

/** Probe and scrape traffic would drown the log; their failures still show in the metrics. */
const QUIET_PATHS = new Set(['/api/health', '/api/ready', '/metrics']);

const REDACTED = '[redacted]';

/** The request id for one request: the caller's when acceptable, a new UUID otherwise. */
export function requestId(request: IncomingMessage, response: ServerResponse): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && ACCEPTED_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/**
 * The URL as it may be logged: invitation tokens (in the path) and session tokens (the
 * `token` query parameter of WebSocket clients) are credentials and never reach the log.
 */
export function loggableUrl(url: string): string {
  const parsed = new URL(url, 'http://localhost');
  const path = parsed.pathname.replace(/^\/api\/invitations\/[^/]+/, `/api/invitations/${REDACTED}`);
  if (parsed.searchParams.has('token')) parsed.searchParams.set('token', REDACTED);
  const query = parsed.searchParams.toString();
  return query ? `${path}?${decodeURIComponent(query)}` : path;
}

/**
 * Structured JSON logs (one line per event on standard output), or short human lines in a
 * terminal (`LOG_FORMAT`), with a request id on every line written while a request is handled.
 * Only the method, URL, status and timing of a request are logged: headers (cookies, bearer
 * tokens) and bodies (passwords) never are.
 */
export function requestLoggingModule(config: AppConfig) {
  const options = {
    level: config.logLevel,
    genReqId: requestId,
    quietReqLogger: true,
    autoLogging: {
      ignore: (request) => QUIET_PATHS.has(new URL(request.url ?? '/', 'http://localhost').pathname),
    },
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    // The exception filter already logged the cause; pino-http would add a stack of its own.
    customErrorMessage: (_request, response) => `request failed with ${response.statusCode}`,
    customErrorObject: (_request, _response, _error, value: Record<string, unknown>) => {
      const { err: _synthetic, ...rest } = value;
      return rest;
    },
    serializers: {
      req: (request: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
        id: request.id,
        method: request.method,
        url: loggableUrl(request.url),
        remoteAddress: request.remoteAddress,
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    // Defence in depth, should a log call ever pass a whole request or response object.
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
      ],
      censor: REDACTED,
    },
  } satisfies Options;
  return LoggerModule.forRoot({
    pinoHttp: config.logFormat === 'pretty' ? [options, prettyLogStream()] : options,
  });
}
