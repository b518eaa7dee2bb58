import { Injectable } from '@nestjs/common';
import type { Member, UpdateMemberBody } from '@cw/shared';
import { AppError, notFound } from '../../common/app-error.js';
import { Database, type Queryable } from '../../db/database.js';
import { AccessChanges } from '../access/access-changes.js';
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
  ) {}

  list(consultationId: string): Promise<Member[]> {
    return this.members.list(consultationId);
  }

  /** Changes role and/or group; refuses to leave the consultation without an admin. */
  async update(consultationId: string, memberId: string, body: UpdateMemberBody): Promise<Member> {
    const updated = await this.db.sql.begin(async (tx) => {
      const member = await this.findOrFail(consultationId, memberId, tx);
      if (body.groupId && !(await this.groups.belongsTo(consultationId, body.groupId, tx))) {
        throw groupNotInConsultation();
      }
      if (member.role === 'admin' && body.role && body.role !== 'admin') {
        await this.assertAnotherAdmin(consultationId, memberId, tx);
      }
      await this.members.update(memberId, body, tx);
      return (await this.members.find(consultationId, memberId, tx))!;
    });
    this.accessChanges.consultationChanged(consultationId);
    return updated;
  }

  /**
   * Removes a member; the person loses access at once (the guard reads membership per request,
   * and their open sockets are told).
   */
  async remove(consultationId: string, memberId: string): Promise<void> {
    await this.db.sql.begin(async (tx) => {
      const member = await this.findOrFail(consultationId, memberId, tx);
      if (member.role === 'admin') await this.assertAnotherAdmin(consultationId, memberId, tx);
      await this.members.delete(memberId, tx);
    });
    this.accessChanges.consultationChanged(consultationId);
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
