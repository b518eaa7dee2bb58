import { Injectable } from '@nestjs/common';
import type { Member, UpdateMemberBody } from '@cw/shared';
import { AppError, notFound } from '../../common/app-error.js';
import type { Actor } from '../../common/request-context.js';
import { Database, type Queryable } from '../../db/database.js';
import { AccessChanges } from '../access-changes/index.js';
import { AuditLog } from '../audit/index.js';
import { ConsultationGroupsRepository } from './consultation-groups.repository.js';
import { groupNotInConsultation } from './group-not-in-consultation.js';
import { MembersRepository } from './members.repository.js';

@Injectable()
export class MembersService {
  constructor(
    private readonly db: Database,
    private readonly members: MembersRepository,
    private readonly groups: ConsultationGroupsRepository,
    private readonly accessChanges: AccessChanges,
    private readonly audit: AuditLog,
  ) {}

  list(consultationId: string): Promise<Member[]> {
    return this.members.list(consultationId);
  }

  /** Changes role and/or group; refuses to leave the consultation without an admin. Audited. */
  async update(actor: Actor, memberId: string, body: UpdateMemberBody): Promise<Member> {
    const { consultationId } = actor.member;
    const updated = await this.db.sql.begin(async (tx) => {
      const member = await this.findOrFail(consultationId, memberId, tx);
      if (body.groupId && !(await this.groups.belongsTo(consultationId, body.groupId, tx))) {
        throw groupNotInConsultation();
      }
      if (member.role === 'admin' && body.role && body.role !== 'admin') {
        await this.assertAnotherAdmin(consultationId, memberId, tx);
      }
      await this.members.update(memberId, body, tx);
      const updated = (await this.members.find(consultationId, memberId, tx))!;
      await this.audit.record(
        actor,
        {
          action: 'member.updated',
          target: { type: 'member', id: memberId, label: member.name },
          before: await this.stateOf(consultationId, member, tx),
          after: await this.stateOf(consultationId, updated, tx),
        },
        tx,
      );
      return updated;
    });
    this.accessChanges.consultationChanged(consultationId);
    return updated;
  }

  /**
   * Removes a member; the person loses access at once (the guard reads membership per request,
   * and their open sockets are told). Audited.
   */
  async remove(actor: Actor, memberId: string): Promise<void> {
    const { consultationId } = actor.member;
    await this.db.sql.begin(async (tx) => {
      const member = await this.findOrFail(consultationId, memberId, tx);
      if (member.role === 'admin') await this.assertAnotherAdmin(consultationId, memberId, tx);
      await this.members.delete(memberId, tx);
      await this.audit.record(
        actor,
        {
          action: 'member.removed',
          target: { type: 'member', id: memberId, label: member.name },
          before: await this.stateOf(consultationId, member, tx),
          after: null,
        },
        tx,
      );
    });
    this.accessChanges.consultationChanged(consultationId);
  }

  /** A membership as the audit log keeps it: the group by name, as it was called then. */
  private async stateOf(consultationId: string, member: Member, q: Queryable) {
    return {
      role: member.role,
      group: (await this.groups.name(consultationId, member.groupId, q)) ?? '',
      groupSelfIdentified: member.groupSelfIdentified,
    };
  }

  private async findOrFail(consultationId: string, memberId: string, q: Queryable): Promise<Member> {
    const member = await this.members.find(consultationId, memberId, q);
    if (!member) throw notFound('Member not found');
    return member;
  }

  private async assertAnotherAdmin(consultationId: string, memberId: string, q: Queryable): Promise<void> {
    const admins = await this.members.lockAdmins(consultationId, q);
    if (!admins.some((id) => id !== memberId)) {
      throw new AppError(
        'LAST_ADMIN',
        'A consultation needs at least one admin: make someone else admin first',
      );
    }
  }
}
