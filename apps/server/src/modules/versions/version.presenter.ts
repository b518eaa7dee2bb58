import { type AttributionMode, maySeeNameOn, type Role, type VersionSummary } from '@cw/shared';
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

/**
 * A version for one viewer: the creator's name only where entitled under the mode in force when
 * it was taken and now, whichever is more closed (or their own); never an id.
 */
export function presentVersion(record: VersionRecord, viewer: Viewer): VersionSummary {
  const isCreatedByYou = record.creatorId === viewer.userId;
  const isNamed = maySeeNameOn(record.creatorMode, viewer.attributionMode, viewer.role);
  const name = isCreatedByYou || isNamed ? record.creatorName : null;
  return {
    id: record.id,
    name: record.name,
    createdAt: record.createdAt,
    createdBy: name ?? ROLE_LABELS[record.creatorRole],
    isCreatedByYou,
  };
}
