import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { LabelScope, ThreadEventType } from '@cw/shared';
import { ClusterBus } from '../../cluster/cluster-bus.js';
import { ClusterTopic } from '../../cluster/cluster-topic.js';
import type { ThreadRecord } from './thread-records.js';

/** A change to one thread, with the thread as stored; each subscriber decides what a viewer sees. */
export interface ThreadChange {
  type: ThreadEventType;
  consultationId: string;
  thread: ThreadRecord;
  /** Each group's k-anonymous label scope when the change was made. */
  labelScopes: Record<string, LabelScope>;
}

export type ThreadChangeListener = (change: ThreadChange) => void;

/**
 * Publish/subscribe for thread changes on every instance: one channel for every consultation,
 * as thread changes are rare next to paper edits. Changes are plain JSON and carry no viewer
 * filtering: each instance presents them per viewer where they leave the server. A change
 * missed while Redis was away is not replayed; clients see it on their next read.
 */
@Injectable()
export class ThreadEventBus implements OnModuleInit, OnModuleDestroy {
  private readonly topic: ClusterTopic<ThreadChange>;

  constructor(cluster: ClusterBus) {
    this.topic = new ClusterTopic(cluster, 'cw:threads');
  }

  onModuleInit(): Promise<void> {
    return this.topic.open();
  }

  onModuleDestroy(): void {
    this.topic.close();
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: ThreadChangeListener): () => void {
    return this.topic.subscribe(listener);
  }

  /** Delivers to every subscriber here and on the other instances. */
  publish(change: ThreadChange): void {
    this.topic.publish(change);
  }
}
