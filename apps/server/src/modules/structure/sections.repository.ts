import { Injectable } from '@nestjs/common';
import type { Section } from '@cw/shared';
import { Database, type Queryable } from '../../db/database.js';

@Injectable()
export class SectionsRepository {
  constructor(private readonly db: Database) {}

  list(consultationId: string, q: Queryable = this.db.sql): Promise<Section[]> {
    return q<Section[]>`
      SELECT id, number, title, position FROM sections
      WHERE consultation_id = ${consultationId}
      ORDER BY position`;
  }

  async find(consultationId: string, id: string, q: Queryable = this.db.sql) {
    const [row] = await q<Section[]>`
      SELECT id, number, title, position FROM sections
      WHERE consultation_id = ${consultationId} AND id = ${id}`;
    return row;
  }

  /** The subset of `ids` that are sections of this consultation. */
  async existingIds(consultationId: string, ids: string[], q: Queryable = this.db.sql): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await q<{ id: string }[]>`
      SELECT id FROM sections WHERE consultation_id = ${consultationId} AND id = ANY(${ids}::uuid[])`;
    return new Set(rows.map((row) => row.id));
  }

  async insert(
    input: { consultationId: string; number: string; title: string; position: number; body?: string },
    q: Queryable = this.db.sql,
  ): Promise<Section> {
    const [row] = await q<Section[]>`
      INSERT INTO sections (consultation_id, number, title, position, initial_body)
      VALUES (${input.consultationId}, ${input.number}, ${input.title}, ${input.position}, ${input.body ?? ''})
      RETURNING id, number, title, position`;
    return row!;
  }

  /** Makes room at `position` by moving that section and every later one down by one. */
  async shiftFrom(consultationId: string, position: number, q: Queryable = this.db.sql) {
    await q`
      UPDATE sections SET position = position + 1
      WHERE consultation_id = ${consultationId} AND position >= ${position}`;
  }

  async update(
    consultationId: string,
    id: string,
    change: { title?: string | undefined; number?: string | undefined },
    q: Queryable = this.db.sql,
  ) {
    await q`
      UPDATE sections
      SET title = coalesce(${change.title ?? null}, title), number = coalesce(${change.number ?? null}, number)
      WHERE consultation_id = ${consultationId} AND id = ${id}`;
  }

  /** Rewrites positions 0…n-1 in the given order. */
  async setOrder(consultationId: string, ids: string[], q: Queryable = this.db.sql) {
    await q`
      UPDATE sections s SET position = o.position - 1
      FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS o(id, position)
      WHERE s.id = o.id AND s.consultation_id = ${consultationId}`;
  }

  async delete(consultationId: string, id: string, q: Queryable = this.db.sql) {
    await q`DELETE FROM sections WHERE consultation_id = ${consultationId} AND id = ${id}`;
  }
}
