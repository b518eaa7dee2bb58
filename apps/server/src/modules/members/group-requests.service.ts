import { Injectable } from '@nestjs/common';
import type { GroupChangeDecisionBody, GroupChangeRequest } from '@cw/shared';
import { AppError, notFound } from '../../common/app-error.js';
import type { Actor } from '../../common/request-context.js';
import { Database } from '../../db/database.js';
import { AccessChanges } from '../access-changes/index.js';
import { AuditLog } from '../audit/index.js';
import { ConsultationGroupsRepository } from './consultation-groups.repository.js';
import { groupNotInConsultation } from './group-not-in-consultation.js';
import { GroupRequestsRepository } from './group-requests.repository.js';
import { MembersRepository } from './members.repository.js';

/** A member asks to be moved to another stakeholder group; an admin approves or declines. */
@Injectable()
export class GroupRequestsService {
  constructor(
    private readonly db: Database,
    private readonly requests: GroupRequestsRepository,
    private readonly members: MembersRepository,
    private readonly groups: ConsultationGroupsRepository,
    private readonly accessChanges: AccessChanges,
    private readonly audit: AuditLog,
  ) {}

  async ask(actor: Actor, groupId: string): Promise<GroupChangeRequest> {
    const { consultationId, memberId } = actor.member;
    if (!(await this.groups.belongsTo(consultationId, groupId))) throw groupNotInConsultation();
    if (groupId === actor.member.groupId) {
      throw new AppError('CONFLICT', 'You are in this group already');
    }
    return this.requests.ask(consultationId, memberId, groupId);
  }

  mine(actor: Actor): Promise<GroupChangeRequest | null> {
    return this.requests.mine(actor.member.consultationId, actor.member.memberId);
  }

  pending(consultationId: string): Promise<GroupChangeRequest[]> {
    return this.requests.pending(consultationId);
  }

  /** Approving moves the member and confirms the group as the admins'. Audited either way. */
  async decide(actor: Actor, id: string, { decision }: GroupChangeDecisionBody): Promise<void> {
    const { consultationId } = actor.member;
    await this.db.sql.begin(async (tx) => {
      const request = await this.requests.findForDecision(consultationId, id, tx);
      if (!request) throw notFound('No open request of that id');
      const member = (await this.members.find(consultationId, request.memberId, tx))!;
      const state = async (groupId: string, selfIdentified: boolean) => ({
        group: (await this.groups.name(consultationId, groupId, tx)) ?? '',
        groupSelfIdentified: selfIdentified,
      });
      const before = await state(member.groupId, member.groupSelfIdentified);
      if (decision === 'approve') await this.members.update(member.id, { groupId: request.groupId }, tx);
      await this.requests.decide(id, decision === 'approve' ? 'approved' : 'declined', actor.auth.userId, tx);
      await this.audit.record(
        actor,
        {
          action: decision === 'approve' ? 'member.groupChangeApproved' : 'member.groupChangeDeclined',
          target: { type: 'member', id: member.id, label: member.name },
          before,
          after:
            decision === 'approve'
              ? await state(request.groupId, false)
              : { ...before, requested: (await this.groups.name(consultationId, request.groupId, tx)) ?? '' },
        },
        tx,
      );
    });
    if (decision === 'approve') this.accessChanges.consultationChanged(consultationId);
  }
}
