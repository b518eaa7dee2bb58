import type { ErrorCode } from '@cw/shared';

/**
 * The error codes a route answers with besides those its access rule, guards and input already
 * give (the OpenAPI document adds those by itself: see api-document.ts).
 */
const ERRORS_KEY = 'cw:errors';

/** Records codes on a route handler; decorators of the same route add up, in any order. */
export function addRouteErrors(handler: object, codes: readonly ErrorCode[]): void {
  const known = (Reflect.getOwnMetadata(ERRORS_KEY, handler) as ErrorCode[] | undefined) ?? [];
  Reflect.defineMetadata(ERRORS_KEY, [...new Set([...known, ...codes])], handler);
}

export function routeErrors(handler: object): readonly ErrorCode[] {
  return (Reflect.getOwnMetadata(ERRORS_KEY, handler) as ErrorCode[] | undefined) ?? [];
}

/**
 * The codes the route's service may answer with (404 of an item, 409 of a rule, …), documented
 * under their statuses with the shared error schema.
 */
export function Errors(...codes: ErrorCode[]): MethodDecorator {
  return (_target, _key, descriptor) => {
    addRouteErrors(descriptor.value as object, codes);
  };
}

/** Records codes from a parameter decorator (validated input, the Idempotency-Key header). */
export function parameterErrors(target: object, key: string | symbol | undefined, codes: ErrorCode[]): void {
  if (key === undefined) return;
  const handler = (target as Record<string | symbol, unknown>)[key];
  if (typeof handler === 'function') addRouteErrors(handler, codes);
}
