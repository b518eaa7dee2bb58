import type { SuggestionState, ThreadOutcome, ThreadStatus } from '@cw/shared';

/** Exports are documents in English; these are the words they use for stored values. */
export const OUTCOME_LABELS: Readonly<Record<ThreadOutcome, string>> = {
  accepted: 'Accepted',
  partly_accepted: 'Partly accepted',
  not_accepted: 'Not accepted',
  no_change_needed: 'No change needed',
};

export const SUGGESTION_STATE_LABELS: Readonly<Record<SuggestionState, string>> = {
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn by its author',
  open: 'Not yet decided',
};

export const STATUS_LABELS: Readonly<Record<ThreadStatus, string>> = {
  open: 'Open',
  resolved: 'Resolved',
};

/** How a figure is shown when input from cells of fewer than k people was left out of it. */
export const atLeast = (value: number) => `at least ${value}`;

/** How a figure is shown when all of its input was left out. */
export const WITHHELD = 'withheld';

/** Put in place of the text of a comment the organisers hid. */
export const HIDDEN_TEXT = '(Hidden by the organisers.)';
