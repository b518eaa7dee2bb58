import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Action } from '@cw/shared';
import { AppError } from './app-error.js';
import type { Actor, AppRequest, AuthContext, MembershipContext } from './request-context.js';

/**
 * Every route declares who may call it with exactly one of these; the access guard refuses to
 * start the app if a route has none (see AccessGuard.onModuleInit).
 */
export const ACCESS_KEY = 'cw:access';
export type AccessRule = { kind: 'public' } | { kind: 'signedIn' } | { kind: 'permission'; action: Action };

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);
/** Any signed-in user; the route is not about one consultation. */
export const SignedIn = () => SetMetadata(ACCESS_KEY, { kind: 'signedIn' } satisfies AccessRule);
/**
 * A member of the consultation named by the `:consultationId` path parameter whose role and the
 * consultation's phase allow `action` in the shared permission matrix. Non-members get 404.
 */
export const Permission = (action: Action) =>
  SetMetadata(ACCESS_KEY, { kind: 'permission', action } satisfies AccessRule);

/** The signed-in user (present on every non-public route). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = ctx.switchToHttp().getRequest<AppRequest>().auth;
  if (!auth) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  return auth;
});

/** The caller's membership (present on every `@Permission` route). */
export const CurrentMember = createParamDecorator((_: unknown, ctx: ExecutionContext): MembershipContext => {
  const membership = ctx.switchToHttp().getRequest<AppRequest>().membership;
  if (!membership) throw new Error('CurrentMember used on a route without @Permission');
  return membership;
});

/** The signed-in user and their membership together (every `@Permission` route). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<AppRequest>();
  if (!request.auth || !request.membership)
    throw new Error('CurrentActor used on a route without @Permission');
  return { auth: request.auth, member: request.membership };
});
