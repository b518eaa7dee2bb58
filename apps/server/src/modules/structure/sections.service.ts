import { Injectable } from '@nestjs/common';
import type { Section } from '@cw/shared';
import { notFound } from '../../common/app-error.js';
import { Database, type Queryable } from '../../db/database.js';
import { AccessChanges } from '../access-changes/index.js';
import { createdNoLonger, IdempotencyService, type IdempotentRequest } from '../idempotency/index.js';
import { invalidField } from './section-links.js';
import { SectionsRepository } from './sections.repository.js';

/** One more than the highest whole section number ("2.1" and "A" do not count). */
export function nextSectionNumber(sections: Pick<Section, 'number'>[]): string {
  const whole = sections.map((section) => section.number).filter((number) => /^\d+$/.test(number));
  return String(Math.max(0, ...whole.map(Number)) + 1);
}

@Injectable()
export class SectionsService {
  constructor(
    private readonly db: Database,
    private readonly sections: SectionsRepository,
    private readonly idempotency: IdempotencyService,
    private readonly accessChanges: AccessChanges,
  ) {}

  /**
   * Appends a section, or inserts it right after `afterSectionId`. A retry with the request's
   * Idempotency-Key answers what the first one created.
   */
  async create(
    consultationId: string,
    input: { title: string; number?: string | undefined; afterSectionId?: string | null | undefined },
    request?: IdempotentRequest,
  ): Promise<Section> {
    const created = await this.idempotency.once(request, async (tx) => {
      const all = await this.sections.list(consultationId, tx);
      let position = all.length;
      if (input.afterSectionId) {
        const index = all.findIndex((section) => section.id === input.afterSectionId);
        if (index < 0)
          throw invalidField('afterSectionId', 'must be a section of this consultation', 'unknownSection');
        position = index + 1;
      }
      await this.sections.setOrder(
        consultationId,
        all.map((section) => section.id),
        tx,
      );
      await this.sections.shiftFrom(consultationId, position, tx);
      const section = await this.sections.insert(
        { consultationId, title: input.title, number: input.number ?? nextSectionNumber(all), position },
        tx,
      );
      return section.id;
    });
    // The paper takes text in the new section at once, on every instance.
    this.accessChanges.consultationChanged(consultationId);
    const section = await this.sections.find(consultationId, created.id);
    if (!section) throw createdNoLonger();
    return section;
  }

  /** Renames or renumbers; the id stays. */
  update(
    consultationId: string,
    id: string,
    change: { title?: string | undefined; number?: string | undefined },
  ): Promise<Section> {
    return this.db.sql.begin(async (tx) => {
      await this.findOrFail(consultationId, id, tx);
      await this.sections.update(consultationId, id, change, tx);
      return (await this.sections.find(consultationId, id, tx))!;
    });
  }

  /** `order` must hold every section id of the consultation exactly once. */
  reorder(consultationId: string, order: string[]): Promise<Section[]> {
    return this.db.sql.begin(async (tx) => {
      const current = new Set((await this.sections.list(consultationId, tx)).map((section) => section.id));
      const isComplete =
        order.length === current.size &&
        new Set(order).size === order.length &&
        order.every((id) => current.has(id));
      if (!isComplete)
        throw invalidField('order', 'must list every section of this consultation exactly once', 'invalid');
      await this.sections.setOrder(consultationId, order, tx);
      return this.sections.list(consultationId, tx);
    });
  }

  /** Removes the section and its links; the others close the gap. */
  async delete(consultationId: string, id: string): Promise<void> {
    await this.db.sql.begin(async (tx) => {
      await this.findOrFail(consultationId, id, tx);
      await this.sections.delete(consultationId, id, tx);
      const remaining = await this.sections.list(consultationId, tx);
      await this.sections.setOrder(
        consultationId,
        remaining.map((section) => section.id),
        tx,
      );
    });
    this.accessChanges.consultationChanged(consultationId);
  }

  private async findOrFail(consultationId: string, id: string, q: Queryable) {
    const section = await this.sections.find(consultationId, id, q);
    if (!section) throw notFound('Section not found');
    return section;
  }
}
