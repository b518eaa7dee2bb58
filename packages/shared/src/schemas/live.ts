import { z } from 'zod';
import { LIVE_EXTEND_MAX_MINUTES } from '../live.js';
import { instant, uuid } from './common.js';
import { attribution } from './threads.js';

/** What the facilitator has the room discuss now: one guiding question, or one paper section. */
export const liveFocus = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('question'), id: uuid }),
  z.strictObject({ kind: z.literal('section'), id: uuid }),
]);
export type LiveFocus = z.infer<typeof liveFocus>;

/** Starts running one agenda item (a review session or a programme item) live. */
export const startLiveBody = z.strictObject({ sessionId: uuid });
export type StartLiveBody = z.infer<typeof startLiveBody>;

/** A question or section of the running session, or null for none in particular. */
export const liveFocusBody = z.strictObject({ focus: liveFocus.nullable() });
export type LiveFocusBody = z.infer<typeof liveFocusBody>;

/** Minutes added to the running session's end (from now when it has already run over). */
export const extendLiveBody = z.strictObject({ minutes: z.int().min(1).max(LIVE_EXTEND_MAX_MINUTES) });
export type ExtendLiveBody = z.infer<typeof extendLiveBody>;

export const liveHandParams = z.strictObject({ consultationId: uuid, handId: uuid });

/** The agenda item running live, as every member sees it. */
export const liveSession = z.object({
  /** The agenda item (`agendaSession.id`). */
  sessionId: uuid,
  startedAt: instant,
  /** The agenda item's end, or later once the facilitator extended it. */
  endsAt: instant,
  focus: liveFocus.nullable(),
});
export type LiveSession = z.infer<typeof liveSession>;

/**
 * A raised hand in the facilitator's queue, labelled like input (SPEC §3): the k-anonymous group
 * label, with a name only where the attribution mode and the viewer's role allow it; never a
 * user id. `id` names the hand, not the person.
 */
export const liveHand = z.object({
  id: uuid,
  by: attribution,
  /** The guiding question under discussion when the hand went up. */
  questionId: uuid.nullable(),
});
export type LiveHand = z.infer<typeof liveHand>;

export const liveHands = z.object({
  /** Hands up now. */
  count: z.int(),
  /** The caller's own hand and its place in the queue (1 = next), or null. */
  yours: z.object({ id: uuid, position: z.int() }).nullable(),
  /** The queue in order, for facilitators only; null for everyone else, who see only the count. */
  queue: z.array(liveHand).nullable(),
});
export type LiveHands = z.infer<typeof liveHands>;

export const liveState = z.object({
  /**
   * Grows with every change of the consultation's live state: a client keeps the state with the
   * highest revision, whichever way (answer or event) it arrived.
   */
  revision: z.int(),
  /** The server's clock when the state was read, so clients count down on the server's time. */
  serverTime: instant,
  /** The item running now, or null. */
  session: liveSession.nullable(),
  hands: liveHands,
});
export type LiveState = z.infer<typeof liveState>;
