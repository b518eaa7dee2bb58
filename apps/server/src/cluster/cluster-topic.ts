import { Logger } from '@nestjs/common';
import type { ClusterBus } from './cluster-bus.js';

/**
 * A topic of JSON messages: delivered to this instance's listeners at once and, through the
 * cluster bus, to every other instance's. Messages missed while Redis was away are not replayed;
 * `onMissed` lets the owner make up for them.
 */
export class ClusterTopic<T> {
  private readonly logger: Logger;
  private readonly listeners = new Set<(message: T) => void>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly bus: ClusterBus,
    private readonly channel: string,
    private readonly onMissed: () => void = () => undefined,
  ) {
    this.logger = new Logger(channel);
  }

  /** Starts hearing other instances (nothing to do without Redis). */
  async open(): Promise<void> {
    if (!this.bus.isEnabled) return;
    this.unsubscribe = await this.bus.subscribe(this.channel, {
      message: (payload) => this.publishLocally(JSON.parse(payload.toString()) as T),
      missed: () => this.onMissed(),
    });
  }

  close(): void {
    this.unsubscribe?.();
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: (message: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Delivers to every listener here and on the other instances. */
  publish(message: T): void {
    this.publishLocally(message);
    if (this.bus.isEnabled) this.bus.publish(this.channel, Buffer.from(JSON.stringify(message)));
  }

  /** Delivers to this instance's listeners only; one failing listener does not stop the others. */
  publishLocally(message: T): void {
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch (error) {
        this.logger.error(error instanceof Error ? (error.stack ?? error.message) : error);
      }
    }
  }
}
