import { Injectable } from '@nestjs/common';
import type { InvitationPreview, SessionResponse, SignupBody } from '@cw/shared';
import { AppError, notFound } from '../../common/app-error.js';
import { Database, type Queryable } from '../../db/database.js';
import { AuthService } from '../auth/auth.service.js';
import { hashToken } from '../auth/session-token.js';
import { MembersRepository } from '../members/members.repository.js';
import { InvitationsRepository, type StoredInvitation } from './invitations.repository.js';

function unusable(status: StoredInvitation['status']): AppError | undefined {
  switch (status) {
    case 'used':
      return new AppError('INVITATION_USED', 'This invitation has already been used');
    case 'expired':
      return new AppError(
        'INVITATION_EXPIRED',
        'This invitation has expired; ask the organisers for a new one',
      );
    case 'revoked':
      return new AppError('INVITATION_REVOKED', 'This invitation was withdrawn by the organisers');
    case 'pending':
      return undefined;
  }
}

/** The invitee's side of a link: look at it, join with an existing account, or sign up through it. */
@Injectable()
export class InvitationAcceptanceService {
  constructor(
    private readonly db: Database,
    private readonly invitations: InvitationsRepository,
    private readonly members: MembersRepository,
    private readonly auth: AuthService,
  ) {}

  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.findOrFail(hashToken(token));
    return {
      consultationId: invitation.consultationId,
      consultationTitle: invitation.consultationTitle,
      role: invitation.role,
      groupName: invitation.groupName,
      expiresAt: invitation.expiresAt,
      status: invitation.status,
    };
  }

  async accept(token: string, userId: string): Promise<{ consultationId: string }> {
    const tokenHash = hashToken(token);
    const invitation = await this.findUsable(tokenHash);
    await this.db.sql.begin((tx) => this.join(tokenHash, userId, tx));
    return { consultationId: invitation.consultationId };
  }

  /** Account, membership and session commit together: a failure leaves no account behind. */
  async signup(token: string, body: SignupBody): Promise<SessionResponse> {
    const tokenHash = hashToken(token);
    await this.findUsable(tokenHash);
    return this.db.sql.begin(async (tx) => {
      const user = await this.auth.createAccount(body, tx).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'EMAIL_TAKEN') {
          throw new AppError(
            'EMAIL_TAKEN',
            'An account with this email already exists: sign in, then open the invitation link again to accept it',
          );
        }
        throw error;
      });
      await this.join(tokenHash, user.id, tx);
      return this.auth.startSession(user, tx);
    });
  }

  /**
   * Claims the invitation and adds the membership in the caller's transaction. Throwing rolls
   * both back, so an already-member leaves the invitation pending for someone else.
   */
  private async join(tokenHash: Buffer, userId: string, tx: Queryable): Promise<void> {
    const claimed = await this.invitations.claim(tokenHash, userId, tx);
    if (!claimed) {
      // Another request won the race or the state changed since the first check.
      const current = await this.findOrFail(tokenHash, tx);
      throw (
        unusable(current.status) ?? new AppError('INVITATION_USED', 'This invitation has already been used')
      );
    }
    const memberId = await this.members.add(
      { consultationId: claimed.consultationId, userId, role: claimed.role, groupId: claimed.groupId },
      tx,
    );
    if (!memberId) throw new AppError('ALREADY_MEMBER', 'You are already a member of this consultation');
  }

  private async findOrFail(tokenHash: Buffer, q?: Queryable) {
    const invitation = await this.invitations.findByToken(tokenHash, q);
    if (!invitation) throw notFound('Invitation not found');
    return invitation;
  }

  private async findUsable(tokenHash: Buffer) {
    const invitation = await this.findOrFail(tokenHash);
    const error = unusable(invitation.status);
    if (error) throw error;
    return invitation;
  }
}
