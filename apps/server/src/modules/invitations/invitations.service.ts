import { Inject, Injectable } from '@nestjs/common';
import {
  checkInvitationRows,
  type BulkInvitationsAnswer,
  type BulkInvitationsBody,
  type CheckedInvitationRow,
  type CreateInvitationBody,
  type CreatedInvitation,
  type Invitation,
} from '@cw/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AppError, notFound } from '../../common/app-error.js';
import type { Actor } from '../../common/request-context.js';
import { Database, type Queryable } from '../../db/database.js';
import { AuditLog } from '../audit/index.js';
import { hashToken, newToken } from '../auth/index.js';
import { IdempotencyService, type IdempotentRequest } from '../idempotency/index.js';
import { MailOutbox } from '../mail/index.js';
import { ConsultationGroupsRepository, groupNotInConsultation } from '../members/index.js';
import { InvitationsRepository, type StoredInvitation } from './invitations.repository.js';

/** The API shape: the consultation id is already in the path. */
function toInvitation({ consultationId: _, ...invitation }: StoredInvitation): Invitation {
  return invitation;
}

/** How long a resent invitation works, from the resend. */
const RESENT_DAYS = 7;

/** What admins do with invitations: create links, invite by mail, list, resend, revoke. */
@Injectable()
export class InvitationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly invitations: InvitationsRepository,
    private readonly groups: ConsultationGroupsRepository,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditLog,
    private readonly mail: MailOutbox,
  ) {}

  /**
   * The token leaves the server only here; afterwards only its hash exists. So a retry with the
   * request's Idempotency-Key answers the same invitation with a new token: the token of the
   * lost answer stops working, and only one link to the invitation is ever valid. Audited, once.
   */
  async create(
    actor: Actor,
    body: CreateInvitationBody,
    request?: IdempotentRequest,
  ): Promise<CreatedInvitation> {
    const { consultationId } = actor.member;
    const group = body.groupId === null ? null : await this.groups.name(consultationId, body.groupId);
    if (group === undefined) throw groupNotInConsultation();
    const token = newToken();
    const created = await this.idempotency.once(request, async (tx) => {
      const input = {
        consultationId,
        tokenHash: hashToken(token),
        role: body.role,
        groupId: body.groupId,
        email: body.email,
        label: body.label,
        expiresInDays: body.expiresInDays,
        createdBy: actor.auth.userId,
      };
      const { id } = await this.invitations.create(input, tx);
      await this.audit.record(
        actor,
        {
          action: 'invitation.created',
          target: { type: 'invitation', id, label: body.label },
          before: null,
          after: { role: body.role, group, email: body.email ?? null, expiresInDays: body.expiresInDays },
        },
        tx,
      );
      return id;
    });
    const stored = created.isReplay
      ? await this.invitations.replaceToken(consultationId, created.id, hashToken(token))
      : await this.invitations.find(consultationId, created.id);
    if (!stored) {
      throw new AppError(
        'CONFLICT',
        'The invitation created with this Idempotency-Key has been used, revoked or has expired',
      );
    }
    return { ...toInvitation(stored), token, url: this.link(token) };
  }

  /**
   * Invites each row's address by mail, checking every row on its own: a refused row (invalid,
   * repeated, a member already, invited already) is answered with its problem and the others
   * are still invited. One transaction, holding the consultation, so two lists sent at once
   * cannot both invite the same address.
   */
  async bulk(actor: Actor, body: BulkInvitationsBody): Promise<BulkInvitationsAnswer> {
    const { consultationId } = actor.member;
    const groups = await this.groups.choices(consultationId);
    const checked = checkInvitationRows(body.rows, groups);
    const answer = await this.db.sql.begin(async (tx) => {
      const consultation = await this.invitations.lockConsultation(consultationId, tx);
      const emails = checked.flatMap((result) => (result.ok ? [result.row.email] : []));
      const members = await this.invitations.memberEmails(consultationId, emails, tx);
      const invited = await this.invitations.pendingEmailed(consultationId, emails, tx);
      const rows: BulkInvitationsAnswer['rows'] = [];
      for (const [index, result] of checked.entries()) {
        const email = result.ok ? result.row.email : body.rows[index]!.email.trim();
        const refuse = (problem: BulkInvitationsAnswer['rows'][number]['problem']) =>
          rows.push({ row: index, email, invitationId: null, problem });
        if (!result.ok) refuse(result.problem);
        else if (members.has(email)) refuse('alreadyMember');
        else if (invited.has(email)) refuse('alreadyInvited');
        else {
          const group = groups.find((candidate) => candidate.id === result.row.groupId)?.name ?? null;
          const id = await this.inviteByMail(
            actor,
            consultation.title,
            result.row,
            group,
            body.expiresInDays,
            tx,
          );
          rows.push({ row: index, email, invitationId: id, problem: null });
        }
      }
      return rows;
    });
    this.mail.deliverSoon();
    const invitedCount = answer.filter((row) => row.invitationId !== null).length;
    return { invited: invitedCount, refused: answer.length - invitedCount, rows: answer };
  }

  private async inviteByMail(
    actor: Actor,
    consultationTitle: string,
    row: CheckedInvitationRow,
    group: string | null,
    expiresInDays: number,
    tx: Queryable,
  ): Promise<string> {
    const token = newToken();
    const created = await this.invitations.create(
      {
        consultationId: actor.member.consultationId,
        tokenHash: hashToken(token),
        role: row.role,
        groupId: row.groupId,
        email: row.email,
        label: '',
        expiresInDays,
        createdBy: actor.auth.userId,
        boundToEmail: true,
      },
      tx,
    );
    await this.mailInvitation(created, consultationTitle, group, token, tx);
    await this.audit.record(
      actor,
      {
        action: 'invitation.created',
        target: { type: 'invitation', id: created.id, label: row.email },
        before: null,
        after: { role: row.role, group, email: row.email, emailed: true, expiresInDays },
      },
      tx,
    );
    return created.id;
  }

  private async mailInvitation(
    invitation: StoredInvitation,
    consultation: string,
    group: string | null,
    token: string,
    tx: Queryable,
  ): Promise<void> {
    const mailId = await this.mail.enqueue(
      {
        kind: 'invitation',
        to: invitation.email!,
        values: {
          consultation,
          role: invitation.role,
          group,
          link: this.link(token),
          expiresAt: new Date(invitation.expiresAt),
        },
      },
      tx,
    );
    await this.invitations.setMail(invitation.id, mailId, tx);
  }

  /**
   * Mails an emailed invitation again with a new link (the old one stops working), pending or
   * expired, a limited number of times. Audited.
   */
  async resend(actor: Actor, id: string): Promise<Invitation> {
    const { consultationId } = actor.member;
    await this.db.sql.begin(async (tx) => {
      const consultation = await this.invitations.lockConsultation(consultationId, tx);
      const invitation = await this.invitations.findForUpdate(consultationId, id, tx);
      if (!invitation) throw notFound('Invitation not found');
      if (!invitation.emailed) {
        throw new AppError('CONFLICT', 'Only invitations sent by mail can be sent again; create a new link');
      }
      if (invitation.status === 'used' || invitation.status === 'revoked') {
        throw new AppError('CONFLICT', `This invitation was ${invitation.status}; it cannot be sent again`);
      }
      const token = newToken();
      if (!(await this.invitations.resend(id, hashToken(token), RESENT_DAYS, tx))) {
        throw new AppError(
          'RESEND_LIMIT',
          'This invitation was sent as often as allowed; revoke it and invite the person again',
        );
      }
      const resent = (await this.invitations.find(consultationId, id, tx))!;
      const group =
        resent.groupId === null
          ? null
          : ((await this.groups.name(consultationId, resent.groupId, tx)) ?? null);
      await this.mailInvitation(resent, consultation.title, group, token, tx);
      await this.audit.record(
        actor,
        {
          action: 'invitation.resent',
          target: { type: 'invitation', id, label: invitation.email ?? '' },
          before: { status: invitation.status, expiresAt: invitation.expiresAt },
          after: { status: 'pending', expiresAt: resent.expiresAt },
        },
        tx,
      );
    });
    this.mail.deliverSoon();
    return toInvitation((await this.invitations.find(consultationId, id))!);
  }

  private link(token: string): string {
    return `${this.config.publicUrl}/invite/${token}`;
  }

  async list(consultationId: string): Promise<Invitation[]> {
    return (await this.invitations.list(consultationId)).map(toInvitation);
  }

  /**
   * Revoking twice is harmless (and recorded once); a used invitation has done its work and cannot
   * be revoked.
   */
  async revoke(actor: Actor, id: string): Promise<void> {
    await this.db.sql.begin(async (tx) => {
      const invitation = await this.invitations.findForUpdate(actor.member.consultationId, id, tx);
      if (!invitation) throw notFound('Invitation not found');
      if (invitation.status === 'used') {
        throw new AppError('CONFLICT', 'This invitation has already been used; remove the member instead');
      }
      if (invitation.status === 'revoked') return;
      await this.invitations.revoke(id, tx);
      await this.audit.record(
        actor,
        {
          action: 'invitation.revoked',
          target: { type: 'invitation', id, label: invitation.label },
          before: { status: invitation.status },
          after: { status: 'revoked' },
        },
        tx,
      );
    });
  }
}
