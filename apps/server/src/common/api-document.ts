import { type INestApplication, RequestMethod } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import {
  DocumentBuilder,
  type OpenAPIObject,
  type OperationObject,
  type ResponseObject,
  SwaggerModule,
} from '@nestjs/swagger';
import {
  type Action,
  apiErrorBody,
  ERROR_CODES,
  type ErrorCode,
  IDEMPOTENT_REPLAYED_HEADER,
  PERMISSIONS,
  PHASES,
  ROLES,
} from '@cw/shared';
import { ACCEPTED_REQUEST_ID } from '../logging/request-logging.js';
import { SESSION_COOKIE } from '../modules/auth/index.js';
import { ACCESS_KEY, type AccessRule } from './access.decorators.js';
import { routeErrors } from './api-errors.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { openApiSchema } from './validation.decorators.js';

/** The groups operations are listed under, in this order. */
const TAGS: Record<string, string> = {
  auth: 'Signing in and out; the signed-in user',
  invitations: 'Invitation links: admins create and revoke them; invitees preview, accept or sign up',
  consultations: "A consultation's settings and phase, and the caller's consultations",
  structure: "The paper's sections, the agenda, guiding questions, stakeholder groups and checklist",
  members: "The consultation's members, their roles and groups",
  threads: 'Comment threads on guiding questions and passages of the paper, replies and endorsements',
  search: 'Full-text search of the input, within what the caller may read',
  moderation: 'Flagging comments, and hiding, redacting or restoring them',
  notifications: "The caller's own notifications",
  paper: 'Suggested changes to the paper: who made them, decisions and withdrawals',
  versions: 'Named versions of the paper, comparing and restoring them',
  live: 'Running the agenda live: the item running, its focus and time, raised hands',
  notes: "Each agenda session's rapporteurs, and checking and publishing its notes",
  dashboard: 'Who has been heard: input by stakeholder group, question, section and day',
  results: 'The published results: how input was taken into account',
  exports: 'Summary notes, input and results as files',
  audit: "The organisers' actions, as recorded",
  templates: 'Consultation templates to start from',
  demo: 'The demo accounts, in demo mode',
  mail: 'Outgoing mail, as the installation organisers may read it',
  health: 'Liveness and readiness probes',
};

/** What each code means to a client, in the error answers' descriptions. */
const ERROR_MEANINGS: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'the path, query, headers or body do not match their schema; `issues` names each field',
  UNAUTHENTICATED: 'no valid session: sign in first',
  INVALID_CREDENTIALS: 'the email or password is wrong (which one is not said)',
  FORBIDDEN: 'the caller’s role does not allow this',
  FORBIDDEN_ORIGIN:
    'the request came with the session cookie from a page on an address the server does not serve (send the bearer token, or set PUBLIC_URL or ALLOWED_ORIGINS)',
  NOT_FOUND: 'the item does not exist, or the caller may not know it exists',
  CONSULTATION_NOT_FOUND: 'the caller is not a member of the consultation, or it does not exist',
  PHASE_FORBIDS: 'the consultation’s phase does not allow this now',
  INVALID_TRANSITION: 'the phase cannot move there from the current one',
  ALREADY_MEMBER: 'the caller is a member of the consultation already',
  LAST_ADMIN: 'the change would leave the consultation without an admin',
  GROUP_IN_USE: 'members or pending invitations still use the group',
  THREAD_RESOLVED: 'the thread is resolved: reopen it first',
  THREAD_STATUS: 'the thread is resolved or open already',
  SELF_ENDORSEMENT: 'members endorse other people’s comments, not their own',
  CONFIRMATION_REQUIRED: 'send it again confirming what it changes; `issues` lists what needs confirming',
  COMMENT_MODERATED: 'the organisers hid or redacted the comment: it can no longer be edited',
  CONFLICT:
    'it conflicts with the data as it is (a name or number taken, an item already used, nothing to publish)',
  LIVE_SESSION_RUNNING: 'another agenda item is running live: end it first',
  NO_LIVE_SESSION: 'no agenda item is running live now',
  INVITATION_USED: 'the invitation was used already',
  INVITATION_EXPIRED: 'the invitation is past its expiry',
  INVITATION_REVOKED: 'the organisers withdrew the invitation',
  INVITATION_OTHER_EMAIL:
    'the invitation was mailed to another address; only an account with that email may use it',
  RESEND_LIMIT: 'the invitation was mailed as often as allowed; revoke it and invite the person again',
  RESET_LINK_INVALID: 'the password reset link is unknown, used already or past its hour: ask for a new one',
  PAYLOAD_TOO_LARGE: 'the body is larger than 1 MiB',
  IDEMPOTENCY_KEY_REUSED: 'the Idempotency-Key was sent before with another request',
  RATE_LIMITED: 'too many requests: wait for `Retry-After` seconds',
  INTERNAL: 'something failed on the server; the request is not at fault',
  UNAVAILABLE: 'a dependency is not reachable right now',
  DATABASE_UNAVAILABLE:
    'the database is not reachable right now; nothing was changed: retry after `Retry-After` seconds',
};

const SECURITY = { bearer: 'bearerToken', cookie: 'sessionCookie' } as const;
const SIGNED_IN = [{ [SECURITY.bearer]: [] }, { [SECURITY.cookie]: [] }];
/** The empty requirement: anyone may call the route, with or without a session. */
const ANYONE = [{}];

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const SAFE_METHODS = new Set([RequestMethod.GET, RequestMethod.HEAD, RequestMethod.OPTIONS]);

const ERROR_SCHEMA = '#/components/schemas/ApiError';
const HEADER = {
  requestId: { $ref: '#/components/headers/RequestId' },
  allowOrigin: { $ref: '#/components/headers/AccessControlAllowOrigin' },
  retryAfter: { $ref: '#/components/headers/RetryAfter' },
  replayed: { $ref: '#/components/headers/IdempotentReplayed' },
};

/** Everything the document says about a route besides its own decorators. */
interface RouteFacts {
  access: AccessRule;
  method: RequestMethod;
  rateLimited: boolean;
  errors: readonly ErrorCode[];
}

/** `ThreadsController.list` → `threadsList`: unique (one method per name) and readable. */
export function operationId(controllerKey: string, methodKey: string): string {
  const resource = controllerKey.replace(/Controller$/, '');
  return `${resource[0]!.toLowerCase()}${resource.slice(1)}${methodKey[0]!.toUpperCase()}${methodKey.slice(1)}`;
}

/** Every route's access rule, guards and recorded errors, by operation id. */
function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const facts = new Map<string, RouteFacts>();
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
    if (!controller) continue;
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name] as () => unknown;
      if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
      const guards = reflector.getAllAndMerge<unknown[]>(GUARDS_METADATA, [handler, controller]);
      facts.set(operationId(controller.name, name), {
        access: reflector.getAllAndOverride<AccessRule>(ACCESS_KEY, [handler, controller]),
        method: Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod,
        rateLimited: guards.includes(RateLimitGuard),
        errors: routeErrors(handler),
      });
    }
  }
  return facts;
}

/** Whether the permission matrix refuses `action` to some role, and in some phase to a role it allows. */
function refusals(action: Action) {
  const allowed = PERMISSIONS[action];
  return {
    byRole: ROLES.some((role) => allowed[role] === undefined),
    byPhase: Object.values(allowed).some((phases) => phases !== 'any' && phases.length < PHASES.length),
  };
}

/** Every code the route may answer with: its own, and those its access rule and guards give. */
function errorCodes(route: RouteFacts): Set<ErrorCode> {
  const codes = new Set<ErrorCode>(route.errors);
  codes.add('INTERNAL');
  if (!SAFE_METHODS.has(route.method)) codes.add('FORBIDDEN_ORIGIN');
  if (route.rateLimited) codes.add('RATE_LIMITED');
  if (route.access.kind !== 'public') {
    // The session is looked up in the database.
    codes.add('UNAUTHENTICATED');
    codes.add('DATABASE_UNAVAILABLE');
  }
  if (route.access.kind === 'permission') {
    codes.add('VALIDATION_FAILED');
    codes.add('CONSULTATION_NOT_FOUND');
    const { byRole, byPhase } = refusals(route.access.action);
    if (byRole) codes.add('FORBIDDEN');
    if (byPhase) codes.add('PHASE_FORBIDS');
  }
  return codes;
}

const plural = (role: string) => `${role}s`;

function listed(words: string[], joiner = 'and'): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} ${joiner} ${words.at(-1)}`;
}

/** Who may call the route, in words, from its access rule and the permission matrix. */
function accessText(access: AccessRule): string {
  if (access.kind === 'public') return '**Who:** anyone; no session is needed.';
  if (access.kind === 'signedIn') return '**Who:** any signed-in user.';
  const byPhases = new Map<string, string[]>();
  for (const role of ROLES) {
    const phases = PERMISSIONS[access.action][role];
    if (phases === undefined) continue;
    const when = phases === 'any' ? 'in any phase' : `while the consultation is ${listed([...phases], 'or')}`;
    byPhases.set(when, [...(byPhases.get(when) ?? []), plural(role)]);
  }
  const who = [...byPhases].map(([when, roles]) => `${listed(roles)} ${when}`).join('; ');
  return `**Who:** members of the consultation allowed \`${access.action}\` by the permission matrix: ${who}. A non-member gets 404 \`CONSULTATION_NOT_FOUND\`, as if the consultation did not exist.`;
}

function errorResponse(status: number, codes: ErrorCode[]): ResponseObject {
  return {
    description: codes.map((code) => `\`${code}\`: ${ERROR_MEANINGS[code]}.`).join(' '),
    headers: {
      ...(status === 429 || status === 503 ? { 'Retry-After': HEADER.retryAfter } : {}),
      'X-Request-Id': HEADER.requestId,
      'Access-Control-Allow-Origin': HEADER.allowOrigin,
    },
    content: {
      'application/json': {
        schema: {
          allOf: [
            { $ref: ERROR_SCHEMA },
            { type: 'object', properties: { code: { type: 'string', enum: codes } } },
          ],
        },
      },
    },
  };
}

/** Adds security, error answers, headers and the access rule to one operation. */
function complete(operation: OperationObject, route: RouteFacts): void {
  operation.security = route.access.kind === 'public' ? ANYONE : SIGNED_IN;
  operation.description = [operation.description, accessText(route.access)].filter(Boolean).join('\n\n');
  const codes = errorCodes(route);
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
    if (codes.has(code)) byStatus.set(ERROR_CODES[code], [...(byStatus.get(ERROR_CODES[code]) ?? []), code]);
  }
  const responses = operation.responses as Record<string, ResponseObject>;
  for (const [status, response] of Object.entries(responses)) {
    if (status === '204') response.description ||= 'Done; the answer has no body';
    response.headers = {
      ...response.headers,
      ...(codes.has('IDEMPOTENCY_KEY_REUSED') ? { [IDEMPOTENT_REPLAYED_HEADER]: HEADER.replayed } : {}),
      'X-Request-Id': HEADER.requestId,
      'Access-Control-Allow-Origin': HEADER.allowOrigin,
    };
  }
  for (const [status, statusCodes] of byStatus) {
    if (responses[status]) {
      throw new Error(
        `${operation.operationId} documents ${status} itself and also answers ${statusCodes.join(', ')} with it`,
      );
    }
    responses[status] = errorResponse(status, statusCodes);
  }
}

/** The OpenAPI document of every route the app serves (`/api/docs-json`). */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Consultation Workspace API')
    .setDescription(
      'REST API of Consultation Workspace. Every error answer is `{ statusCode, code, message, issues? }` (`ApiError`), with `code` from a fixed registry; each operation lists the codes it may answer with. Sign in with `POST /api/auth/login`, then send the token it answers as `Authorization: Bearer <token>`; browsers use the session cookie it sets.',
    )
    .setVersion('0.1.0')
    .addServer(
      '/',
      'This instance, wherever it is served: local, staging or production alike',
      {},
      {
        'x-internal': false,
      },
    )
    .addSecurity(SECURITY.bearer, {
      type: 'http',
      scheme: 'bearer',
      description:
        'The session token `POST /api/auth/login` answers, as `Authorization: Bearer <token>`: opaque, valid until `expiresAt` (SESSION_TTL_HOURS) or `POST /api/auth/logout`. API clients use this.',
    })
    .addSecurity(SECURITY.cookie, {
      type: 'apiKey',
      in: 'cookie',
      name: SESSION_COOKIE,
      description:
        'The same session as an HttpOnly, SameSite=Lax cookie, set by `POST /api/auth/login`: what the web app uses. Changes sent with it from a page on another address are refused (403 `FORBIDDEN_ORIGIN`).',
    });
  for (const [name, description] of Object.entries(TAGS)) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), { operationIdFactory: operationId });

  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ApiError: openApiSchema(apiErrorBody, 'output') },
    headers: {
      RequestId: {
        description:
          'The id of this request, on every log line about it: the caller’s own `X-Request-Id` when it sent a well-formed one, a new UUID otherwise',
        schema: { type: 'string', pattern: ACCEPTED_REQUEST_ID.source, maxLength: 128 },
      },
      AccessControlAllowOrigin: {
        description:
          'Only on requests from a page on another origin the server allows (ALLOWED_ORIGINS, or PUBLIC_URL when the app is opened at another address): that origin, with credentials allowed',
        schema: { type: 'string', format: 'uri', maxLength: 2048 },
      },
      RetryAfter: {
        description: 'Whole seconds to wait before the request can succeed',
        schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 86_400 },
      },
      IdempotentReplayed: {
        description: 'On a retry with an Idempotency-Key used before: `true`, and nothing new was created',
        schema: { type: 'string', enum: ['true'] },
      },
    },
  };

  const facts = routeFacts(app);
  for (const path of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = path[method];
      if (!operation) continue;
      const route = facts.get(operation.operationId!);
      if (!route) throw new Error(`No route found for operation ${operation.operationId}`);
      complete(operation, route);
    }
  }
  return document;
}
