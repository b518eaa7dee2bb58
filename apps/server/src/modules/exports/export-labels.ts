import type { ThreadOutcome, ThreadStatus } from '@cw/shared';

/** Exports are documents in English; these are the words they use for stored values. */
export const OUTCOME_LABELS: Readonly<Record<ThreadOutcome, string>> = {
  accepted: 'Accepted',
  partly_accepted: 'Partly accepted',
  not_accepted: 'Not accepted',
  no_change_needed: 'No change needed',
};

export const STATUS_LABELS: Readonly<Record<ThreadStatus, string>> = {
  open: 'Open',
  resolved: 'Resolved',
};

/** How a figure from fewer than k people is shown in place of its value (SPEC §3). */
export const fewerThan = (k: number) => `fewer than ${k}`;

/** How a figure hidden only to protect a small one is shown. */
export const WITHHELD = 'withheld';
