import type { AttributionMode, Phase, Role } from '@cw/shared';
import type { Request } from 'express';

/** The signed-in user behind a request, resolved from the session cookie or bearer token. */
export interface AuthContext {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  isOrganiser: boolean;
  /** When the session ends by itself. */
  expiresAt: Date;
}

/** The caller's membership in the consultation a route is about, loaded by the access guard. */
export interface MembershipContext {
  consultationId: string;
  memberId: string;
  role: Role;
  groupId: string;
  phase: Phase;
  attributionMode: AttributionMode;
}

/** The member acting on a consultation route, as the access guard resolved them. */
export interface Actor {
  auth: AuthContext;
  member: MembershipContext;
}

export interface AppRequest extends Request {
  auth?: AuthContext;
  membership?: MembershipContext;
}
