import { Injectable, Logger } from '@nestjs/common';
import type { ThreadEventType } from '@cw/shared';
import type { ThreadRecord } from '../threads/thread-records.js';

/** A change to one thread, with the thread as stored; each subscriber decides what a viewer sees. */
export interface ThreadChange {
  type: ThreadEventType;
  consultationId: string;
  thread: ThreadRecord;
}

export type ThreadChangeListener = (change: ThreadChange) => void;

/**
 * In-process publish/subscribe for thread changes. Changes are plain JSON, so a Redis-backed
 * bus with the same two methods can replace this one to fan out across instances.
 */
@Injectable()
export class ThreadEventBus {
  private readonly logger = new Logger('ThreadEventBus');
  private readonly listeners = new Set<ThreadChangeListener>();

  /** Returns the function that unsubscribes. */
  subscribe(listener: ThreadChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Delivers to every subscriber; one failing subscriber does not stop the others. */
  publish(change: ThreadChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.logger.error(error instanceof Error ? (error.stack ?? error.message) : error);
      }
    }
  }
}
