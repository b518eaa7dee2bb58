import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ClusterBus } from '../../cluster/cluster-bus.js';
import { ClusterTopic } from '../../cluster/cluster-topic.js';

/**
 * A consultation's live state changed (`consultation`), or changes may have been missed while
 * Redis was away (`all`). Only the id travels: whoever hears it reads the committed state.
 */
export type LiveChange = { kind: 'consultation'; consultationId: string } | { kind: 'all' };

/**
 * Tells every instance when a consultation's live state changed, after the change is committed.
 * The state itself is read from the database where it is sent out, so an instance that missed
 * changes (Redis away) sends the state as it is once it hears `all`, and nothing can arrive out
 * of date.
 */
@Injectable()
export class LiveEventBus implements OnModuleInit, OnModuleDestroy {
  private readonly topic: ClusterTopic<LiveChange>;

  constructor(cluster: ClusterBus) {
    this.topic = new ClusterTopic<LiveChange>(cluster, 'cw:live', () =>
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
  subscribe(listener: (change: LiveChange) => void): () => void {
    return this.topic.subscribe(listener);
  }

  changed(consultationId: string): void {
    this.topic.publish({ kind: 'consultation', consultationId });
  }
}
