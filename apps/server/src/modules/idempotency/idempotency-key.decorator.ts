import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, idempotencyKey } from '@cw/shared';
import type { Response } from 'express';
import stringify from 'safe-stable-stringify';
import { parameterErrors } from '../../common/api-errors.js';
import { AppError } from '../../common/app-error.js';
import type { AppRequest } from '../../common/request-context.js';
import { describeMethod, openApiSchema } from '../../common/validation.decorators.js';
import type { IdempotentRequest } from './idempotency.service.js';

const headerName = IDEMPOTENCY_KEY_HEADER.toLowerCase();

/** The request's Idempotency-Key with what it stands for, or undefined without the header. */
const idempotentRequest = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): IdempotentRequest | undefined => {
    const request = ctx.switchToHttp().getRequest<AppRequest>();
    const header = request.headers[headerName];
    if (header === undefined) return undefined;
    const parsed = idempotencyKey.safeParse(header);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'must be a single key';
      throw new AppError('VALIDATION_FAILED', `Invalid request: headers.${headerName}: ${message}`, [
        { path: `headers.${headerName}`, message, code: 'invalidFormat' },
      ]);
    }
    if (!request.auth) throw new Error('@IdempotencyKey used on a route without a signed-in user');
    const path = request.originalUrl.split('?')[0];
    // Key order does not matter: the same fields sent again are the same request.
    const requestHash = createHash('sha256')
      .update(`${request.method} ${path}\n${stringify(request.body ?? null)}`)
      .digest();
    const response = ctx.switchToHttp().getResponse<Response>();
    return {
      userId: request.auth.userId,
      key: parsed.data,
      requestHash,
      markReplayed: () => response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true'),
    };
  },
);

/**
 * The optional `Idempotency-Key` header of a creating route (docs/api.md), documented in the
 * OpenAPI description from its shared schema.
 */
export function IdempotencyKey(): ParameterDecorator {
  return (target, key, index) => {
    idempotentRequest()(target, key, index);
    parameterErrors(target, key, ['VALIDATION_FAILED', 'IDEMPOTENCY_KEY_REUSED']);
    describeMethod(
      ApiHeader({
        name: IDEMPOTENCY_KEY_HEADER,
        required: false,
        description:
          'Makes the request safe to send again: a retry with the same key (same user, route and body) answers with what the first request created, marked `Idempotent-Replayed: true`, and creates nothing; the same key with another request is 422 IDEMPOTENCY_KEY_REUSED. Keys are kept 24 hours.',
        schema: openApiSchema(idempotencyKey),
      }),
    )(target, key, index);
  };
}
