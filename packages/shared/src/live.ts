/**
 * Live session mode: the times of a running agenda item and what comes after it, worked out alike
 * by the server (which stores the end) and the web app (which counts down to it).
 */

/** Most minutes one extension may add. */
export const LIVE_EXTEND_MAX_MINUTES = 120;

const SECOND_MS = 1_000;
const MINUTE_MS = 60 * SECOND_MS;

/**
 * When a live run of an agenda item ends if it starts at `now`: the item's own end while that is
 * still ahead — a late start eats into its slot, as in the room — and once that end has passed (a
 * rehearsal, a meeting moved to another day) the item's planned length from now, so a run never
 * starts out of time.
 */
export function liveEndsAt(item: { startsAt: string; endsAt: string }, now: number): string {
  const end = Date.parse(item.endsAt);
  if (end > now) return new Date(end).toISOString();
  return new Date(now + (end - Date.parse(item.startsAt))).toISOString();
}

/**
 * The end after `minutes` more: added to the current end, or to now when the session has already
 * run over, so the room always gets the minutes the facilitator asked for.
 */
export function extendedEnd(endsAt: string, minutes: number, now: number): string {
  return new Date(Math.max(Date.parse(endsAt), now) + minutes * MINUTE_MS).toISOString();
}

/** Milliseconds left until `endsAt`; negative once it has passed. */
export function timeLeftMs(endsAt: string, now: number): number {
  return Date.parse(endsAt) - now;
}

/** Time left as a clock shows it: whole seconds counting down to 0:00, then counting up while over. */
export interface TimeLeft {
  isOver: boolean;
  hours: number;
  minutes: number;
  seconds: number;
}

export function timeLeftParts(ms: number): TimeLeft {
  const isOver = ms <= 0;
  // Counting down, a part-second shows as the second it is in (0:01 until the end itself).
  const total = isOver ? Math.floor(Math.abs(ms) / SECOND_MS) : Math.ceil(ms / SECOND_MS);
  return {
    isOver,
    hours: Math.floor(total / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

interface AgendaItem {
  id: string;
  startsAt: string;
  position: number;
}
interface AgendaQuestion {
  id: string;
  number: number;
  sessionId: string | null;
}
type Focus = { kind: 'question' | 'section'; id: string } | null;

/** What comes after the current focus: the session's next guiding question, or the next agenda item. */
export type LiveNext = { kind: 'question'; id: string } | { kind: 'item'; id: string } | null;

/**
 * The next question of the running item after the one under discussion (the first one when none
 * is), else the agenda item after the running one; null at the end of the agenda. While a section
 * is under discussion, the next item.
 */
export function liveNext(
  live: { sessionId: string; focus: Focus },
  agenda: { sessions: readonly AgendaItem[]; questions: readonly AgendaQuestion[] },
): LiveNext {
  const questions = agenda.questions
    .filter((question) => question.sessionId === live.sessionId)
    .sort((a, b) => a.number - b.number);
  if (live.focus?.kind !== 'section') {
    const index = live.focus ? questions.findIndex((question) => question.id === live.focus!.id) : -1;
    const next = questions[index + 1];
    if (next) return { kind: 'question', id: next.id };
  }
  const items = [...agenda.sessions].sort(
    (a, b) => a.startsAt.localeCompare(b.startsAt) || a.position - b.position,
  );
  const index = items.findIndex((item) => item.id === live.sessionId);
  const following = index === -1 ? undefined : items[index + 1];
  return following ? { kind: 'item', id: following.id } : null;
}
