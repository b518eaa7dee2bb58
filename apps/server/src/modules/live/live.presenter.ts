import { can, type LiveState, type Phase } from '@cw/shared';
import { attribute, type Viewer } from '../attribution/index.js';
import type { LiveRecord } from './live.repository.js';

/** Who is looking at the live state: a viewer of input, in a phase. */
export interface LiveViewer extends Viewer {
  phase: Phase;
}

/**
 * The live state as one member may see it. Everyone sees the item running, its times and focus,
 * how many hands are up and where their own stands; only facilitators see the queue, each hand
 * labelled like input (`attribute`: the k-anonymous group label, a name only where the mode and
 * their role allow). No user id, email or name reaches anyone else.
 */
export function presentLive(record: LiveRecord, viewer: LiveViewer, serverTime: Date): LiveState {
  const ownIndex = record.hands.findIndex((hand) => hand.person.userId === viewer.userId);
  const own = record.hands[ownIndex];
  return {
    revision: record.revision,
    serverTime: serverTime.toISOString(),
    session: record.session,
    hands: {
      count: record.hands.length,
      yours: own ? { id: own.id, position: ownIndex + 1 } : null,
      queue: can(viewer.role, 'live.run', viewer.phase)
        ? record.hands.map((hand) => ({
            id: hand.id,
            by: attribute(hand.person, viewer),
            questionId: hand.questionId,
          }))
        : null,
    },
  };
}
