import { Injectable } from '@nestjs/common';
import type { StakeholderGroup } from '@cw/shared';
import { AppError, notFound } from '../../common/app-error.js';
import type { Actor } from '../../common/request-context.js';
import { Database, type Queryable } from '../../db/database.js';
import { AuditLog, type AuditRecord } from '../audit/index.js';
import { createdNoLonger, IdempotencyService, type IdempotentRequest } from '../idempotency/index.js';
import { GroupsRepository } from './groups.repository.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/database-errors.js';

const nameTaken = (name: string) =>
  new AppError('CONFLICT', `A stakeholder group named "${name}" already exists in this consultation`);

@Injectable()
export class GroupsService {
  constructor(
    private readonly db: Database,
    private readonly groups: GroupsRepository,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditLog,
  ) {}

  /** A retry with the request's Idempotency-Key answers what the first one created. Audited. */
  async create(
    actor: Actor,
    { name, description }: { name: string; description: string },
    request?: IdempotentRequest,
  ): Promise<StakeholderGroup> {
    const { consultationId } = actor.member;
    const created = await this.idempotency.once(request, async (tx) => {
      const position = (await this.groups.list(consultationId, tx)).length;
      const group = await this.groups.insert(consultationId, { name, description }, position, tx);
      if (!group) throw nameTaken(name);
      await this.audit.record(actor, groupAudit('group.created', group.id, null, { name, description }), tx);
      return group.id;
    });
    const group = await this.groups.find(consultationId, created.id);
    if (!group) throw createdNoLonger();
    return group;
  }

  /** Renames and/or moves a group; the others shift to keep positions 0…n-1. Audited. */
  async update(
    actor: Actor,
    id: string,
    change: { name?: string | undefined; position?: number | undefined; description?: string | undefined },
  ): Promise<StakeholderGroup> {
    const { consultationId } = actor.member;
    try {
      return await this.db.sql.begin(async (tx) => {
        const group = await this.findOrFail(consultationId, id, tx);
        const all = await this.groups.list(consultationId, tx);
        if (change.name !== undefined && change.name !== group.name) {
          if (all.some((other) => other.name === change.name)) throw nameTaken(change.name);
          await this.groups.rename(consultationId, id, change.name, tx);
        }
        if (change.description !== undefined && change.description !== group.description) {
          await this.groups.describe(consultationId, id, change.description, tx);
        }
        if (change.position !== undefined) {
          const order = all.map((other) => other.id).filter((otherId) => otherId !== id);
          order.splice(Math.min(change.position, order.length), 0, id);
          await this.groups.setOrder(consultationId, order, tx);
        }
        const updated = (await this.groups.find(consultationId, id, tx))!;
        const state = ({ name, position, description }: StakeholderGroup) => ({
          name,
          position,
          description,
        });
        await this.audit.record(actor, groupAudit('group.updated', id, state(group), state(updated)), tx);
        return updated;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(change.name ?? '');
      throw error;
    }
  }

  /** Refused while members or live invitations use the group, so nobody is left without one. Audited. */
  async delete(actor: Actor, id: string): Promise<void> {
    const { consultationId } = actor.member;
    const inUse = () =>
      new AppError(
        'GROUP_IN_USE',
        'Members or pending invitations use this group; move them to another group first',
      );
    try {
      await this.db.sql.begin(async (tx) => {
        const group = await this.findOrFail(consultationId, id, tx);
        const usage = await this.groups.usage(consultationId, id, tx);
        if (usage.members > 0 || usage.invitations > 0) {
          throw new AppError(
            'GROUP_IN_USE',
            `This group has ${usage.members} member(s) and ${usage.invitations} pending invitation(s); move them to another group first`,
          );
        }
        await this.groups.delete(consultationId, id, tx);
        await this.audit.record(actor, groupAudit('group.deleted', id, { name: group.name }, null), tx);
        const remaining = await this.groups.list(consultationId, tx);
        await this.groups.setOrder(
          consultationId,
          remaining.map((group) => group.id),
          tx,
        );
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) throw inUse();
      throw error;
    }
  }

  private async findOrFail(consultationId: string, id: string, q: Queryable) {
    const group = await this.groups.find(consultationId, id, q);
    if (!group) throw notFound('Stakeholder group not found');
    return group;
  }
}

function groupAudit(
  action: AuditRecord['action'],
  id: string,
  before: AuditRecord['before'],
  after: AuditRecord['after'],
): AuditRecord {
  return {
    action,
    target: { type: 'group', id, label: String((after ?? before)?.name ?? '') },
    before,
    after,
  };
}
