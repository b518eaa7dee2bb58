import { Injectable } from '@nestjs/common';
import type { InvitationPreview, InvitationSignupAnswer, SignupBody } from '@cw/shared';
import { AppError, notFound } from '../../common/app-error.js';
import { Database, type Queryable } from '../../db/database.js';
import { AuthService, hashToken } from '../auth/index.js';
import { MembersRepository } from '../members/index.js';
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

  /** Accepting again what one has accepted (a retry, or the sign-in after a sign-up) is done already. */
  async accept(token: string, userId: string): Promise<{ consultationId: string }> {
    const tokenHash = hashToken(token);
    const invitation = await this.findOrFail(tokenHash);
    await this.db.sql.begin((tx) => this.join(tokenHash, userId, tx));
    return { consultationId: invitation.consultationId };
  }

  /**
   * Creates the account and joins through the invitation in one transaction (a failure leaves no
   * account behind) — unless the email has an account already, which is left as it is. The
   * answer is the same either way, so the link reveals nobody's account: the person signs in
   * next, and an existing account then accepts like any signed-in member.
   */
  async signup(token: string, body: SignupBody): Promise<InvitationSignupAnswer> {
    const tokenHash = hashToken(token);
    await this.findUsable(tokenHash);
    await this.db.sql.begin(async (tx) => {
      const user = await this.auth.createAccount(body, tx);
      if (user) await this.join(tokenHash, user.id, tx);
    });
    return { next: 'signIn' };
  }

  /**
   * Claims the invitation and adds the membership in the caller's transaction. Throwing rolls
   * both back, so an already-member leaves the invitation pending for someone else.
   */
  private async join(tokenHash: Buffer, userId: string, tx: Queryable): Promise<void> {
    const claimed = await this.invitations.claim(tokenHash, userId, tx);
    if (!claimed) {
      if (await this.invitations.isUsedByMember(tokenHash, userId, tx)) return;
      // Another request won the race, or the invitation cannot be used.
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
