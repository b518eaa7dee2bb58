import { Inject, Injectable } from '@nestjs/common';
import type { CreateInvitationBody, CreatedInvitation, Invitation } from '@cw/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AppError, notFound } from '../../common/app-error.js';
import type { Actor } from '../../common/request-context.js';
import { Database } from '../../db/database.js';
import { AuditLog } from '../audit/index.js';
import { hashToken, newToken } from '../auth/index.js';
import { IdempotencyService, type IdempotentRequest } from '../idempotency/index.js';
import { ConsultationGroupsRepository, groupNotInConsultation } from '../members/index.js';
import { InvitationsRepository, type StoredInvitation } from './invitations.repository.js';

/** The API shape: the consultation id is already in the path. */
function toInvitation({ consultationId: _, ...invitation }: StoredInvitation): Invitation {
  return invitation;
}

/** What admins do with invitation links: create, list, revoke. */
@Injectable()
export class InvitationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly invitations: InvitationsRepository,
    private readonly groups: ConsultationGroupsRepository,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditLog,
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
    const group = await this.groups.name(consultationId, body.groupId);
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
    return { ...toInvitation(stored), token, url: `${this.config.publicUrl}/invite/${token}` };
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
