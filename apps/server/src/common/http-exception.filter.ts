import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiErrorBody, ErrorCode } from '@cw/shared';
import type { Response } from 'express';
import { isDatabaseUnavailable } from '../db/database-errors.js';
import { AppError } from './app-error.js';

/** Seconds a client is asked to wait before retrying while the database is away. */
const DATABASE_RETRY_AFTER_S = 5;

/** Maps framework HTTP errors (404 route, 413 body, malformed JSON) onto registry codes. */
function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    default:
      return status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';
  }
}

/**
 * Every HTTP error leaves the server as `ApiErrorBody`. A lost database connection becomes a 503
 * the client may retry; other unknown errors a 500 with a generic message (the detail goes to
 * the log, never to the client).
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    let body: ApiErrorBody;
    if (exception instanceof AppError) {
      body = { statusCode: exception.status, code: exception.code, message: exception.message };
      if (exception.issues) body.issues = exception.issues;
      for (const [name, value] of Object.entries(exception.headers ?? {})) response.setHeader(name, value);
    } else if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const message =
        status === 400 ? 'Malformed request body' : status === 404 ? 'Not found' : exception.message;
      body = { statusCode: status, code: codeForStatus(status), message };
    } else if (isBodyParserError(exception)) {
      body = {
        statusCode: exception.status,
        code: codeForStatus(exception.status),
        message: exception.status === 413 ? 'Request body too large' : 'Malformed request body',
      };
    } else if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`Database unavailable: ${(exception as Error).message}`);
      response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_S));
      body = {
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
        message: 'The database is not reachable right now; nothing was changed. Try again shortly.',
      };
    } else {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : exception);
      body = { statusCode: 500, code: 'INTERNAL', message: 'Internal server error' };
    }
    response.status(body.statusCode).json(body);
  }
}

function isBodyParserError(error: unknown): error is { status: number; type: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    'type' in error &&
    'status' in error &&
    typeof (error as { status: unknown }).status === 'number'
  );
}
