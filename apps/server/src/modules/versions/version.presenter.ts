import { type AttributionMode, maySeeNames, type Role, type VersionSummary } from '@cw/shared';
import type { VersionRecord } from './versions.repository.js';

/** Who is looking: decides whether a creator's name may be shown (SPEC §3). */
export interface Viewer {
  userId: string;
  role: Role;
  attributionMode: AttributionMode;
}

const ROLE_LABELS: Readonly<Record<Role, string>> = {
  observer: 'Observer',
  reviewer: 'Reviewer',
  editor: 'Editor',
  admin: 'Admin',
};

/** A version for one viewer: the creator's name only where entitled (or their own), never an id. */
export function presentVersion(record: VersionRecord, viewer: Viewer): VersionSummary {
  const isCreatedByYou = record.creatorId === viewer.userId;
  const name = isCreatedByYou || maySeeNames(viewer.attributionMode, viewer.role) ? record.creatorName : null;
  return {
    id: record.id,
    name: record.name,
    createdAt: record.createdAt,
    createdBy: name ?? ROLE_LABELS[record.creatorRole],
    isCreatedByYou,
  };
}
