import { Injectable } from '@nestjs/common';
import type { ChecklistItem } from '@cw/shared';
import { notFound } from '../../common/app-error.js';
import { ChecklistRepository } from './checklist.repository.js';

@Injectable()
export class ChecklistService {
  constructor(private readonly checklist: ChecklistRepository) {}

  /** Ticks or annotates an item and records who did it and when. */
  async update(
    consultationId: string,
    id: string,
    change: { isChecked?: boolean | undefined; note?: string | undefined },
    userId: string,
  ): Promise<ChecklistItem> {
    const item = await this.checklist.update(consultationId, id, change, userId);
    if (!item) throw notFound('Checklist item not found');
    return item;
  }
}
