import { Injectable } from '@nestjs/common';
import type { ChecklistItem } from '@cw/shared';
import { Database, type Queryable } from '../../db/database.js';

interface ChecklistRow {
  id: string;
  label: string;
  position: number;
  is_checked: boolean;
  note: string;
  updated_at: Date | null;
}

const toItem = (row: ChecklistRow): ChecklistItem => ({
  id: row.id,
  label: row.label,
  position: row.position,
  isChecked: row.is_checked,
  note: row.note,
  updatedAt: row.updated_at?.toISOString() ?? null,
});

@Injectable()
export class ChecklistRepository {
  constructor(private readonly db: Database) {}

  async list(consultationId: string, q: Queryable = this.db.sql): Promise<ChecklistItem[]> {
    const rows = await q<ChecklistRow[]>`
      SELECT id, label, position, is_checked, note, updated_at FROM checklist_items
      WHERE consultation_id = ${consultationId}
      ORDER BY position`;
    return rows.map(toItem);
  }

  async insert(consultationId: string, label: string, position: number, q: Queryable = this.db.sql) {
    await q`
      INSERT INTO checklist_items (consultation_id, label, position)
      VALUES (${consultationId}, ${label}, ${position})`;
  }

  /** Undefined when the item is not part of this consultation. */
  async update(
    consultationId: string,
    id: string,
    change: { isChecked?: boolean | undefined; note?: string | undefined },
    userId: string,
    q: Queryable = this.db.sql,
  ): Promise<ChecklistItem | undefined> {
    const [row] = await q<ChecklistRow[]>`
      UPDATE checklist_items
      SET is_checked = coalesce(${change.isChecked ?? null}::boolean, is_checked),
          note = coalesce(${change.note ?? null}, note),
          updated_by = ${userId}, updated_at = now()
      WHERE consultation_id = ${consultationId} AND id = ${id}
      RETURNING id, label, position, is_checked, note, updated_at`;
    return row && toItem(row);
  }
}
