import type { AuditState } from '@cw/shared';
import { type AuditRecord } from '../audit/index.js';
import type { ConsultationSettings } from './consultations.repository.js';

/** Settings with an audit action of their own; the rest are recorded together. */
const OWN_ACTIONS = {
  attributionMode: 'attributionMode.changed',
  kThreshold: 'kThreshold.changed',
} as const;

/**
 * The audit entries of a settings change: the attribution mode and k each on their own (they
 * decide what is attributed and published), the other settings in one entry; only what changed.
 */
export function settingsAudit(
  before: ConsultationSettings & { id: string },
  after: ConsultationSettings,
): AuditRecord[] {
  const target = { type: 'consultation' as const, id: before.id, label: after.title };
  const changed = (Object.keys(after) as (keyof ConsultationSettings)[]).filter(
    (key) => before[key] !== after[key],
  );
  const pick = (settings: ConsultationSettings, keys: readonly (keyof ConsultationSettings)[]): AuditState =>
    Object.fromEntries(keys.map((key) => [key, settings[key]]));
  const entries: AuditRecord[] = [];
  for (const [key, action] of Object.entries(OWN_ACTIONS) as [
    keyof typeof OWN_ACTIONS,
    AuditRecord['action'],
  ][]) {
    if (changed.includes(key))
      entries.push({ action, target, before: pick(before, [key]), after: pick(after, [key]) });
  }
  const rest = changed.filter((key) => !(key in OWN_ACTIONS));
  if (rest.length > 0)
    entries.push({
      action: 'consultation.updated',
      target,
      before: pick(before, rest),
      after: pick(after, rest),
    });
  return entries;
}
