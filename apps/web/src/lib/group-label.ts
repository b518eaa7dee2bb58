import { PARTICIPANT_LABEL, POOLED_GROUPS_LABEL } from '@cw/shared';
import type { TFunction } from 'i18next';

/**
 * A k-anonymous group label as the server sent it, in the reader's language: the two labels the
 * server makes up itself are translated, a group's own name stays as its organisers wrote it.
 */
export function shownGroupLabel(t: TFunction, label: string): string {
  if (label === POOLED_GROUPS_LABEL) return t('attribution.labels.pooled');
  if (label === PARTICIPANT_LABEL) return t('attribution.labels.participant');
  return label;
}
