import { Injectable } from '@nestjs/common';
import { Database, type Queryable } from '../../db/database.js';

/** One-off data steps, recorded by name so each runs once per database. */
@Injectable()
export class SeedsRepository {
  constructor(private readonly db: Database) {}

  async isApplied(name: string, q: Queryable = this.db.sql): Promise<boolean> {
    const [row] = await q`SELECT 1 FROM seeds WHERE name = ${name}`;
    return row !== undefined;
  }

  /** False when another process recorded it first. */
  async markApplied(name: string, q: Queryable = this.db.sql): Promise<boolean> {
    const rows =
      await q`INSERT INTO seeds (name) VALUES (${name}) ON CONFLICT (name) DO NOTHING RETURNING name`;
    return rows.length === 1;
  }
}
