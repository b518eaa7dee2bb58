import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/** Every frame starts with the sending instance's id and its sequence number on that channel. */
const INSTANCE_ID_BYTES = 16;
const HEADER_BYTES = INSTANCE_ID_BYTES + 4;
/** Reconnect after 100 ms, backing off to at most 2 s while Redis stays away. */
const RETRY_STEP_MS = 100;
const RETRY_MAX_MS = 2_000;
/**
 * Every instance says it is alive once a second on this channel; one not heard for 5 s while
 * Redis is connected is taken for dead, and the others take over what it had not stored.
 */
const INSTANCES_CHANNEL = 'cw:instances';
const HEARTBEAT_MS = 1_000;
const LOST_AFTER_MS = 5_000;

/** What a subscriber of one channel is told. */
export interface ChannelHandler {
  /** A frame another instance published; `origin` names that instance. */
  message(payload: Buffer, origin: string): void;
  /**
   * Frames may have been lost: an instance's sequence skipped, or the subscription was re-made
   * after Redis came back. The subscriber catches up from the database.
   */
  missed(): void;
}

/**
 * Publish/subscribe between the server instances through Redis (`REDIS_URL`). Without it every
 * method is a no-op and one instance serves alone. Redis pub/sub delivers at most once and only
 * while connected, so the bus never queues: publishing while Redis is away drops the frame, and
 * subscribers hear `missed()` whenever frames may have been lost, to read the database instead.
 */
@Injectable()
export class ClusterBus implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ClusterBus');
  private readonly instanceId = randomBytes(INSTANCE_ID_BYTES);
  private publisher: Redis | undefined;
  private subscriber: Redis | undefined;
  private readonly handlers = new Map<string, Set<ChannelHandler>>();
  private readonly sentSeq = new Map<string, number>();
  /** Per channel, the last sequence number seen from each other instance. */
  private readonly seenSeq = new Map<string, Map<string, number>>();
  private isSubscribed = false;
  private isDown = false;
  /** When each other instance was last heard, in ms; and when this one last (re)connected. */
  private readonly heardAt = new Map<string, number>();
  private connectedAt = 0;
  private readonly lostListeners = new Set<(origin: string) => void>();
  private heartbeatTimer: NodeJS.Timeout | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** This instance's id, as other instances see it in `origin`. */
  get instanceName(): string {
    return this.instanceId.toString('hex');
  }

  get isEnabled(): boolean {
    return this.config.redisUrl !== undefined;
  }

  /** Redis answers and every channel is subscribed. */
  get isConnected(): boolean {
    return this.isSubscribed && this.publisher?.status === 'ready';
  }

  onModuleInit(): void {
    const url = this.config.redisUrl;
    if (!url) return;
    const options: RedisOptions = {
      // Frames are live traffic: sent now or never (the database is the fallback), not queued.
      enableOfflineQueue: false,
      autoResubscribe: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * RETRY_STEP_MS, RETRY_MAX_MS),
    };
    this.publisher = new Redis(url, {
      ...options,
      connectionName: 'cw-publisher',
      // Frames published in one tick (an edit's update and presence, several papers' edits)
      // leave in one write. Not on the subscriber: it only sends (un)subscribe commands.
      enableAutoPipelining: true,
    });
    this.subscriber = new Redis(url, { ...options, connectionName: 'cw-subscriber' });
    for (const client of [this.publisher, this.subscriber])
      client.on('error', (error) => this.onError(error));
    this.subscriber.on('ready', () => void this.resubscribe());
    this.subscriber.on('close', () => (this.isSubscribed = false));
    this.subscriber.on('messageBuffer', (channel: Buffer, frame: Buffer) =>
      this.dispatch(channel.toString(), frame),
    );
    this.handlers.set(INSTANCES_CHANNEL, new Set([{ message: () => undefined, missed: () => undefined }]));
    this.heartbeatTimer = setInterval(() => {
      this.publish(INSTANCES_CHANNEL, new Uint8Array(0));
      this.findLost();
    }, HEARTBEAT_MS);
    this.heartbeatTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.heartbeatTimer);
    this.publisher?.disconnect();
    this.subscriber?.disconnect();
  }

  /** Listens to a channel; resolves once Redis confirmed the subscription (at once when it is away). */
  async subscribe(channel: string, handler: ChannelHandler): Promise<() => void> {
    const set = this.handlers.get(channel) ?? new Set<ChannelHandler>();
    const isFirst = set.size === 0;
    set.add(handler);
    this.handlers.set(channel, set);
    if (isFirst && this.isSubscribed) {
      // When this fails Redis has just gone; the next 'ready' subscribes every channel again.
      await this.subscriber?.subscribe(channel).catch(() => undefined);
    }
    return () => {
      set.delete(handler);
      if (set.size > 0 || this.handlers.get(channel) !== set) return;
      this.handlers.delete(channel);
      this.seenSeq.delete(channel);
      if (this.isSubscribed) void this.subscriber?.unsubscribe(channel).catch(() => undefined);
    };
  }

  /** Calls `listener` with the id of every other instance found dead; returns the unsubscribe. */
  onInstanceLost(listener: (origin: string) => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  /** Sends a frame to the other instances; false when Redis is away (the frame is dropped). */
  publish(channel: string, payload: Uint8Array): boolean {
    if (!this.publisher) return false;
    // Counted even when dropped: the gap tells the others to catch up once frames flow again.
    const seq = ((this.sentSeq.get(channel) ?? 0) + 1) >>> 0;
    this.sentSeq.set(channel, seq);
    if (this.publisher.status !== 'ready') return false;
    const frame = Buffer.allocUnsafe(HEADER_BYTES + payload.byteLength);
    this.instanceId.copy(frame, 0);
    frame.writeUInt32BE(seq, INSTANCE_ID_BYTES);
    frame.set(payload, HEADER_BYTES);
    this.publisher.publish(channel, frame).catch(() => undefined);
    return true;
  }

  private dispatch(channel: string, frame: Buffer): void {
    if (
      frame.length < HEADER_BYTES ||
      frame.compare(this.instanceId, 0, INSTANCE_ID_BYTES, 0, INSTANCE_ID_BYTES) === 0
    )
      return;
    const origin = frame.toString('hex', 0, INSTANCE_ID_BYTES);
    this.heardAt.set(origin, Date.now());
    const handlers = this.handlers.get(channel);
    if (!handlers) return;
    const seq = frame.readUInt32BE(INSTANCE_ID_BYTES);
    const seen = this.seenSeq.get(channel) ?? new Map<string, number>();
    this.seenSeq.set(channel, seen);
    const previous = seen.get(origin);
    seen.set(origin, seq);
    const payload = frame.subarray(HEADER_BYTES);
    for (const handler of [...handlers]) {
      try {
        if (previous !== undefined && seq !== (previous + 1) >>> 0) handler.missed();
        handler.message(payload, origin);
      } catch (error) {
        this.logger.error(error instanceof Error ? (error.stack ?? error.message) : error);
      }
    }
  }

  /** On every (re)connection: subscribe all channels, then tell each subscriber it may have missed frames. */
  private async resubscribe(): Promise<void> {
    const subscribed = new Set<string>();
    try {
      // Channels added while a SUBSCRIBE is under way are taken on the next turn.
      for (;;) {
        const pending = [...this.handlers.keys()].filter((channel) => !subscribed.has(channel));
        if (pending.length === 0) break;
        await this.subscriber!.subscribe(...pending);
        for (const channel of pending) subscribed.add(channel);
      }
    } catch {
      return; // Gone again; the next 'ready' retries.
    }
    this.isSubscribed = true;
    this.seenSeq.clear();
    // Nobody could be heard while Redis was away: every instance gets its full time again.
    this.connectedAt = Date.now();
    for (const origin of this.heardAt.keys()) this.heardAt.set(origin, this.connectedAt);
    if (this.isDown) this.logger.log('Redis is back; catching up from the database');
    this.isDown = false;
    for (const handlers of [...this.handlers.values()]) {
      for (const handler of [...handlers]) {
        try {
          handler.missed();
        } catch (error) {
          this.logger.error(error instanceof Error ? (error.stack ?? error.message) : error);
        }
      }
    }
  }

  /** Only while connected long enough to have heard everyone: an outage is not a death. */
  private findLost(): void {
    const now = Date.now();
    if (!this.isConnected || now - this.connectedAt < LOST_AFTER_MS) return;
    for (const [origin, heardAt] of this.heardAt) {
      if (now - heardAt <= LOST_AFTER_MS) continue;
      this.heardAt.delete(origin);
      this.logger.warn(`Instance ${origin} has not been heard for ${LOST_AFTER_MS} ms; taking it for dead`);
      for (const listener of this.lostListeners) {
        try {
          listener(origin);
        } catch (error) {
          this.logger.error(error instanceof Error ? (error.stack ?? error.message) : error);
        }
      }
    }
  }

  /** One warning per outage, not one per reconnection attempt. */
  private onError(error: Error): void {
    if (this.isDown) return;
    this.isDown = true;
    this.logger.warn(
      `Redis unavailable, serving from this instance alone until it returns: ${error.message}`,
    );
  }
}
