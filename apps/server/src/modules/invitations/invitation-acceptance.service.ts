import { Injectable } from '@nestjs/common';
import type {
  AcceptInvitationBody,
  InvitationPreview,
  InvitationSignupAnswer,
  InvitationSignupBody,
} from '@cw/shared';
import { AppError, notFound } from '../../common/app-error.js';
import { Database, type Queryable } from '../../db/database.js';
import { AuthService, hashToken, UsersRepository } from '../auth/index.js';
import { ConsultationGroupsRepository, groupNotInConsultation, MembersRepository } from '../members/index.js';
import {
  InvitationsRepository,
  type InvitationByToken,
  type StoredInvitation,
} from './invitations.repository.js';

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

function otherEmail(): AppError {
  return new AppError(
    'INVITATION_OTHER_EMAIL',
    'This invitation was sent to another email address: sign up or sign in with that address',
  );
}

/** The invitee's side of a link: look at it, join with an existing account, or sign up through it. */
@Injectable()
export class InvitationAcceptanceService {
  constructor(
    private readonly db: Database,
    private readonly invitations: InvitationsRepository,
    private readonly members: MembersRepository,
    private readonly groups: ConsultationGroupsRepository,
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
  ) {}

  /** Looking at a link counts as opening it, which the admins see. */
  async preview(token: string): Promise<InvitationPreview> {
    const tokenHash = hashToken(token);
    const invitation = await this.findOrFail(tokenHash);
    await this.invitations.markOpened(tokenHash);
    const isOpen = invitation.groupId === null && invitation.status === 'pending';
    return {
      consultationId: invitation.consultationId,
      consultationTitle: invitation.consultationTitle,
      role: invitation.role,
      groupName: invitation.groupName,
      groups: isOpen ? await this.groups.choices(invitation.consultationId) : [],
      email: invitation.emailed ? invitation.email : null,
      expiresAt: invitation.expiresAt,
      status: invitation.status,
    };
  }

  /** Accepting again what one has accepted (a retry, or the sign-in after a sign-up) is done already. */
  async accept(
    token: string,
    userId: string,
    body: AcceptInvitationBody = {},
  ): Promise<{ consultationId: string }> {
    const tokenHash = hashToken(token);
    const invitation = await this.findOrFail(tokenHash);
    if (invitation.emailed) {
      const user = await this.users.findById(userId);
      if (user?.email !== invitation.email) throw otherEmail();
    }
    await this.db.sql.begin((tx) => this.join(tokenHash, userId, body.groupId, tx));
    return { consultationId: invitation.consultationId };
  }

  /**
   * Creates the account and joins through the invitation in one transaction (a failure leaves no
   * account behind) — unless the email has an account already, which is left as it is. The
   * answer is the same either way, so the link reveals nobody's account: the person signs in
   * next, and an existing account then accepts like any signed-in member.
   */
  async signup(token: string, body: InvitationSignupBody): Promise<InvitationSignupAnswer> {
    const tokenHash = hashToken(token);
    const invitation = await this.findUsable(tokenHash);
    if (invitation.emailed && body.email !== invitation.email) throw otherEmail();
    await this.pickedGroup(invitation, body.groupId);
    const { groupId, ...account } = body;
    await this.db.sql.begin(async (tx) => {
      const user = await this.auth.createAccount(account, tx);
      if (user) await this.join(tokenHash, user.id, groupId, tx);
    });
    return { next: 'signIn' };
  }

  /**
   * The group to join: the invited one, or for an open invitation the one the invitee picked,
   * which must be one of the consultation's groups.
   */
  private async pickedGroup(
    invitation: StoredInvitation,
    picked: string | undefined,
    q?: Queryable,
  ): Promise<{ groupId: string; selfIdentified: boolean }> {
    if (invitation.groupId !== null) return { groupId: invitation.groupId, selfIdentified: false };
    if (picked === undefined) {
      const message = 'pick the stakeholder group you take part for';
      throw new AppError('VALIDATION_FAILED', `Invalid request: body.groupId: ${message}`, [
        { path: 'body.groupId', message, code: 'required' },
      ]);
    }
    if (!(await this.groups.belongsTo(invitation.consultationId, picked, q))) throw groupNotInConsultation();
    return { groupId: picked, selfIdentified: true };
  }

  /**
   * Claims the invitation and adds the membership in the caller's transaction. Throwing rolls
   * both back, so an already-member leaves the invitation pending for someone else.
   */
  private async join(
    tokenHash: Buffer,
    userId: string,
    picked: string | undefined,
    tx: Queryable,
  ): Promise<void> {
    const claimed = await this.invitations.claim(tokenHash, userId, tx);
    if (!claimed) {
      if (await this.invitations.isUsedByMember(tokenHash, userId, tx)) return;
      // Another request won the race, or the invitation cannot be used.
      const current = await this.findOrFail(tokenHash, tx);
      throw (
        unusable(current.status) ?? new AppError('INVITATION_USED', 'This invitation has already been used')
      );
    }
    const group = await this.pickedGroup(claimed, picked, tx);
    const memberId = await this.members.add(
      {
        consultationId: claimed.consultationId,
        userId,
        role: claimed.role,
        groupId: group.groupId,
        groupSelfIdentified: group.selfIdentified,
      },
      tx,
    );
    if (!memberId) throw new AppError('ALREADY_MEMBER', 'You are already a member of this consultation');
  }

  private async findOrFail(tokenHash: Buffer, q?: Queryable): Promise<InvitationByToken> {
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
