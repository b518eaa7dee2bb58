import { Inject, Injectable } from '@nestjs/common';
import type { AccountPreferencesBody, LoginBody, SessionResponse, SignupBody, User } from '@cw/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AppError } from '../../common/app-error.js';
import type { AuthContext } from '../../common/request-context.js';
import { Database, type Queryable } from '../../db/database.js';
import { AccessChanges } from '../access-changes/index.js';
import { LoginThrottle } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionsRepository } from './sessions.repository.js';
import { hashToken, newToken } from './session-token.js';
import { UsersRepository, type UserWithHash } from './users.repository.js';

export function publicUser(user: UserWithHash): User {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isOrganiser: user.isOrganiser,
    language: user.language,
  };
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly accessChanges: AccessChanges,
  ) {}

  /**
   * An unknown email and a wrong password get the same answer after the same work, and are
   * throttled alike (the count is kept per email, account or not).
   */
  async login(body: LoginBody): Promise<SessionResponse> {
    const attempt = await this.throttle.admit(body.email);
    const user = await this.users.findByEmail(body.email);
    const isValid = await this.hasher.verify(user?.passwordHash, body.password);
    if (!user || !isValid) {
      attempt.failed();
      throw new AppError('INVALID_CREDENTIALS', 'Email or password is incorrect');
    }
    await attempt.succeeded();
    return this.startSession(user);
  }

  /**
   * Creates an account, or leaves an existing account of that email as it is and answers
   * undefined. The password is hashed either way, so both take as long.
   */
  async createAccount(
    body: SignupBody,
    q: Queryable = this.db.sql,
    isOrganiser = false,
  ): Promise<UserWithHash | undefined> {
    const passwordHash = await this.hasher.hash(body.password);
    return this.users.create({ email: body.email, name: body.name, passwordHash, isOrganiser }, q);
  }

  async startSession(user: UserWithHash, q: Queryable = this.db.sql): Promise<SessionResponse> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlMs);
    await this.sessions.create(user.id, hashToken(token), expiresAt, q);
    return { token, expiresAt: expiresAt.toISOString(), user: publicUser(user) };
  }

  /** The session behind a token, or undefined when unknown, expired or logged out. */
  async resolve(token: string): Promise<AuthContext | undefined> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
    const row = await this.sessions.findActive(hashToken(token));
    if (!row) return undefined;
    return {
      userId: row.user_id,
      sessionId: row.session_id,
      email: row.email,
      name: row.name,
      isOrganiser: row.is_organiser,
      expiresAt: row.expires_at,
    };
  }

  /** Which of these sessions are still valid: a socket's session is checked again while it is open. */
  liveSessions(sessionIds: string[]): Promise<Set<string>> {
    return this.sessions.liveSessions(sessionIds);
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.delete(sessionId);
    this.accessChanges.sessionEnded(sessionId);
  }

  async me(userId: string): Promise<User> {
    const user = await this.users.findById(userId);
    if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    return publicUser(user);
  }

  async setPreferences(userId: string, preferences: AccountPreferencesBody): Promise<User> {
    const user = await this.users.setLanguage(userId, preferences.language);
    if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    return publicUser(user);
  }
}
