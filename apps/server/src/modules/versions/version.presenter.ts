import type { AttributionMode, Role, VersionSummary } from '@cw/shared';
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

/** Named: everyone sees names; Chatham House: editors and admins; anonymous: nobody. */
function maySeeNames(viewer: Viewer): boolean {
  if (viewer.attributionMode === 'named') return true;
  if (viewer.attributionMode === 'chatham') return viewer.role === 'editor' || viewer.role === 'admin';
  return false;
}

/** A version for one viewer: the creator's name only where entitled (or their own), never an id. */
export function presentVersion(record: VersionRecord, viewer: Viewer): VersionSummary {
  const isCreatedByYou = record.creatorId === viewer.userId;
  const name = isCreatedByYou || maySeeNames(viewer) ? record.creatorName : null;
  return {
    id: record.id,
    name: record.name,
    createdAt: record.createdAt,
    createdBy: name ?? ROLE_LABELS[record.creatorRole],
    isCreatedByYou,
  };
}
