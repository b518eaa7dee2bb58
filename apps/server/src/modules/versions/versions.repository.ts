import { Injectable } from '@nestjs/common';
import type { AttributionMode, LabelScope, Role } from '@cw/shared';
import { Database, type Queryable } from '../../db/database.js';

/** A section as it stands in one paper (now, or when a version was taken). */
/** A suggestion accepted in a section, with its suggester's group as recorded then. */
export interface AcceptedSuggestionRecord {
  sectionId: string;
  insertedText: string;
  deletedText: string;
  reason: string;
  groupId: string;
  groupName: string;
  labelScope: LabelScope;
}

export interface OutlineSection {
  id: string;
  number: string;
  title: string;
}

/** A stored version without its content; the creator's name is for the presenter to withhold. */
export interface VersionRecord {
  id: string;
  name: string;
  createdAt: string;
  /** Null once the account is gone. */
  creatorId: string | null;
  creatorName: string | null;
  creatorRole: Role;
  /** The attribution mode in force when it was taken. */
  creatorMode: AttributionMode;
}

export interface VersionContent extends VersionRecord {
  /** The paper as one Yjs update. */
  data: Uint8Array;
  outline: OutlineSection[];
}

interface VersionRow {
  id: string;
  name: string;
  created_at: Date;
  created_by: string | null;
  creator_name: string | null;
  creator_role: Role;
  creator_mode: AttributionMode;
}

const toRecord = (row: VersionRow): VersionRecord => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at.toISOString(),
  creatorId: row.created_by,
  creatorName: row.creator_name,
  creatorRole: row.creator_role,
  creatorMode: row.creator_mode,
});

/** All SQL of versions. Versions are written once: there is no update path. */
@Injectable()
export class VersionsRepository {
  constructor(private readonly db: Database) {}

  /** Stores a version; a name already taken in the consultation raises a unique violation. */
  async insert(
    version: {
      consultationId: string;
      name: string;
      data: Uint8Array;
      outline: OutlineSection[];
      createdBy: string;
      creatorRole: Role;
    },
    q: Queryable,
  ): Promise<string> {
    const [row] = await q<{ id: string }[]>`
      INSERT INTO paper_versions (consultation_id, name, data, outline, created_by, creator_role)
      VALUES (${version.consultationId}, ${version.name}, ${Buffer.from(version.data)},
              ${this.db.sql.json(version.outline as never)}, ${version.createdBy}, ${version.creatorRole})
      RETURNING id`;
    return row!.id;
  }

  /** Newest first. */
  async list(consultationId: string): Promise<VersionRecord[]> {
    const rows = await this.db.sql<VersionRow[]>`
      SELECT v.id, v.name, v.created_at, v.created_by, u.name AS creator_name, v.creator_role, v.creator_mode
      FROM paper_versions v LEFT JOIN users u ON u.id = v.created_by
      WHERE v.consultation_id = ${consultationId}
      ORDER BY v.created_at DESC, v.name`;
    return rows.map(toRecord);
  }

  /** One version of this consultation with its content; undefined for another's. */
  async find(consultationId: string, id: string): Promise<VersionContent | undefined> {
    const [row] = await this.db.sql<(VersionRow & { data: Buffer; outline: OutlineSection[] })[]>`
      SELECT v.id, v.name, v.created_at, v.created_by, u.name AS creator_name, v.creator_role, v.creator_mode,
             v.data, v.outline
      FROM paper_versions v LEFT JOIN users u ON u.id = v.created_by
      WHERE v.consultation_id = ${consultationId} AND v.id = ${id}`;
    return row && { ...toRecord(row), data: row.data, outline: row.outline };
  }

  /** The consultation's sections now, in paper order. */
  /** Suggestions accepted after `after` up to `upTo`, in the order they were decided. */
  async acceptedSuggestions(
    consultationId: string,
    after: Date,
    upTo: Date,
  ): Promise<AcceptedSuggestionRecord[]> {
    const rows = await this.db.sql<
      {
        section_id: string;
        inserted_text: string;
        deleted_text: string;
        reason: string;
        group_id: string;
        group_name: string;
        label_scope: LabelScope;
      }[]
    >`
      SELECT s.section_id, s.inserted_text, s.deleted_text, s.reason, s.group_id, g.name AS group_name,
             s.label_scope
      FROM paper_suggestions s JOIN stakeholder_groups g ON g.id = s.group_id
      WHERE s.consultation_id = ${consultationId} AND s.outcome = 'accepted' AND s.section_id IS NOT NULL
        AND s.decided_at > ${after} AND s.decided_at <= ${upTo}
      ORDER BY s.decided_at, s.suggestion_id`;
    return rows.map((row) => ({
      sectionId: row.section_id,
      insertedText: row.inserted_text,
      deletedText: row.deleted_text,
      reason: row.reason,
      groupId: row.group_id,
      groupName: row.group_name,
      labelScope: row.label_scope,
    }));
  }

  async currentOutline(consultationId: string): Promise<OutlineSection[]> {
    return this.db.sql<OutlineSection[]>`
      SELECT id, number, title FROM sections
      WHERE consultation_id = ${consultationId}
      ORDER BY position, number`;
  }
}
