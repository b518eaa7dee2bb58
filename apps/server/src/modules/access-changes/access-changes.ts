import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ClusterBus } from '../../cluster/cluster-bus.js';
import { ClusterTopic } from '../../cluster/cluster-topic.js';

/**
 * Something that may change what members of a consultation may do or see now: a role, group or
 * membership, the phase, the attribution mode or the sections (`consultation`); or a session
 * that ended (`session`). `all`: changes may have been missed, so everything is checked again.
 */
export type AccessChange =
  { kind: 'consultation'; consultationId: string } | { kind: 'session'; sessionId: string } | { kind: 'all' };

/**
 * Tells every instance at once when rights change, so open sockets (paper and live events)
 * follow within moments instead of at the next periodic re-check. Published after the change is
 * committed: whoever hears it reads the new state.
 */
@Injectable()
export class AccessChanges implements OnModuleInit, OnModuleDestroy {
  private readonly topic: ClusterTopic<AccessChange>;

  constructor(cluster: ClusterBus) {
    this.topic = new ClusterTopic<AccessChange>(cluster, 'cw:access', () =>
      this.topic.publishLocally({ kind: 'all' }),
    );
  }

  onModuleInit(): Promise<void> {
    return this.topic.open();
  }

  onModuleDestroy(): void {
    this.topic.close();
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: (change: AccessChange) => void): () => void {
    return this.topic.subscribe(listener);
  }

  consultationChanged(consultationId: string): void {
    this.topic.publish({ kind: 'consultation', consultationId });
  }

  sessionEnded(sessionId: string): void {
    this.topic.publish({ kind: 'session', sessionId });
  }
}
