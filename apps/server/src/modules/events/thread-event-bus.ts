import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { LabelScope, ThreadEventType } from '@cw/shared';
import { ClusterBus } from '../../cluster/cluster-bus.js';
import type { ThreadRecord } from '../threads/thread-records.js';

/** A change to one thread, with the thread as stored; each subscriber decides what a viewer sees. */
export interface ThreadChange {
  type: ThreadEventType;
  consultationId: string;
  thread: ThreadRecord;
  /** Each group's k-anonymous label scope when the change was made. */
  labelScopes: Record<string, LabelScope>;
}

export type ThreadChangeListener = (change: ThreadChange) => void;

/** One channel for every consultation: thread changes are rare next to paper edits. */
const CHANNEL = 'cw:threads';

/**
 * Publish/subscribe for thread changes: delivered to this instance's subscribers at once and,
 * through the cluster bus, to every other instance's. Changes are plain JSON and carry no
 * viewer filtering yet: each instance presents them per viewer where they leave the server.
 */
@Injectable()
export class ThreadEventBus implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ThreadEventBus');
  private readonly listeners = new Set<ThreadChangeListener>();
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly cluster: ClusterBus) {}

  async onModuleInit(): Promise<void> {
    if (!this.cluster.isEnabled) return;
    this.unsubscribe = await this.cluster.subscribe(CHANNEL, {
      message: (payload) => this.deliver(JSON.parse(payload.toString()) as ThreadChange),
      // A change missed while Redis was away is not replayed; clients see it on their next read.
      missed: () => undefined,
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: ThreadChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Delivers to every subscriber here and on the other instances. */
  publish(change: ThreadChange): void {
    this.deliver(change);
    if (this.cluster.isEnabled) this.cluster.publish(CHANNEL, Buffer.from(JSON.stringify(change)));
  }

  /** One failing subscriber does not stop the others. */
  private deliver(change: ThreadChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.logger.error(error instanceof Error ? (error.stack ?? error.message) : error);
      }
    }
  }
}
