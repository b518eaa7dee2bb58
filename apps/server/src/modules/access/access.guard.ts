import { type CanActivate, type ExecutionContext, Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { checkPermission, uuid } from '@cw/shared';
import { ACCESS_KEY, type AccessRule } from '../../common/access.decorators.js';
import { AppError, consultationNotFound } from '../../common/app-error.js';
import { OriginPolicy } from '../../common/origin-policy.js';
import type { AppRequest } from '../../common/request-context.js';
import { isDatabaseUnavailable } from '../../db/database-errors.js';
import { AuthService, tokenFromRequest } from '../auth/index.js';
import { MembershipRepository } from './membership.repository.js';

/** Methods that change nothing, so another site's page gains nothing by sending them. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before every route: refuses changes from pages of other sites, resolves the session,
 * then applies the route's access rule from the shared permission matrix. Non-members of a
 * consultation get 404 so its existence stays hidden; members whose role never allows the
 * action get 403; a phase that forbids it gives 409.
 */
@Injectable()
export class AccessGuard implements CanActivate, OnModuleInit {
  constructor(
    private readonly reflector: Reflector,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly auth: AuthService,
    private readonly memberships: MembershipRepository,
    private readonly origins: OriginPolicy,
  ) {}

  /** Refuses to start when a route does not declare who may call it. */
  onModuleInit(): void {
    const undeclared: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[name] as () => unknown;
        if (!Reflect.getMetadata('path', handler)) continue;
        if (!this.reflector.getAllAndOverride(ACCESS_KEY, [handler, wrapper.metatype as () => unknown])) {
          undeclared.push(`${wrapper.name}.${name}`);
        }
      }
    }
    if (undeclared.length > 0) {
      throw new Error(
        `Routes without an access rule (@Public, @SignedIn or @Permission): ${undeclared.join(', ')}`,
      );
    }
  }

  /**
   * Public routes (health, readiness, metrics) must answer while the database is away, so there
   * a session that cannot be looked up counts as none; everywhere else the failure stands (503).
   */
  private async resolveSession(token: string, rule: AccessRule | undefined) {
    try {
      return await this.auth.resolve(token);
    } catch (error) {
      if (rule?.kind === 'public' && isDatabaseUnavailable(error)) return undefined;
      throw error;
    }
  }

  /**
   * Browsers send the session cookie with requests a page of any origin makes; a change made
   * from a page on an address the server does not serve is refused. A bearer token is never
   * sent by a browser on its own, so requests carrying one are a program's and pass.
   */
  private checkOrigin(request: AppRequest): void {
    if (SAFE_METHODS.has(request.method) || request.headers.authorization?.startsWith('Bearer ')) return;
    if (this.origins.allows(request)) return;
    throw new AppError(
      'FORBIDDEN_ORIGIN',
      `Requests from ${String(request.headers.origin)} are not allowed: set PUBLIC_URL to the address users open, or add it to ALLOWED_ORIGINS`,
    );
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AppRequest>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    this.checkOrigin(request);
    const token = tokenFromRequest(request);
    const auth = token ? await this.resolveSession(token, rule) : undefined;
    if (auth) request.auth = auth;
    if (!rule) throw new AppError('FORBIDDEN', 'This route has no access rule');
    if (rule.kind === 'public') return true;
    if (!auth) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    if (rule.kind === 'signedIn') return true;

    const consultationId = request.params['consultationId'];
    if (typeof consultationId !== 'string' || !uuid.safeParse(consultationId).success) {
      throw new AppError('VALIDATION_FAILED', 'Invalid request: params.consultationId: must be a UUID', [
        { path: 'params.consultationId', message: 'must be a UUID', code: 'invalidId' },
      ]);
    }
    const membership = await this.memberships.find(consultationId, auth.userId);
    if (!membership) throw consultationNotFound();
    request.membership = membership;
    switch (checkPermission(membership.role, rule.action, membership.phase)) {
      case 'allowed':
        return true;
      case 'forbiddenRole':
        throw new AppError('FORBIDDEN', `Your role (${membership.role}) does not allow this`);
      case 'forbiddenPhase':
        throw new AppError('PHASE_FORBIDS', `Not possible while the consultation is ${membership.phase}`);
    }
  }
}
