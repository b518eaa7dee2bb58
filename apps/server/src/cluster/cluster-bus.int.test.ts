import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { RedisServer } from '../test/redis-server.js';
import { eventually } from '../test/ws-clients.js';
import { type ChannelHandler, ClusterBus } from './cluster-bus.js';

/** A subscriber that records what it hears. */
function recorder() {
  const heard = { messages: [] as Array<{ payload: string; origin: string }>, missed: 0 };
  const handler: ChannelHandler = {
    message: (payload, origin) => heard.messages.push({ payload: payload.toString(), origin }),
    missed: () => (heard.missed += 1),
  };
  return { heard, handler };
}

/** A frame as an instance sends it: 16-byte instance id, 4-byte sequence number, payload. */
function frame(instanceId: Buffer, seq: number, payload: string): Buffer {
  const header = Buffer.alloc(20);
  instanceId.copy(header, 0);
  header.writeUInt32BE(seq, 16);
  return Buffer.concat([header, Buffer.from(payload)]);
}

describe('cluster bus over a real Redis', () => {
  let redis: RedisServer;
  let first: ClusterBus;
  let second: ClusterBus;

  function bus(): ClusterBus {
    const created = new ClusterBus(loadConfig({ REDIS_URL: redis.url }));
    created.onModuleInit();
    return created;
  }

  beforeAll(async () => {
    redis = await RedisServer.start();
    first = bus();
    second = bus();
    await eventually(() => expect(first.isConnected && second.isConnected).toBe(true));
  });
  afterAll(async () => {
    await first.onApplicationShutdown();
    await second.onApplicationShutdown();
    await redis.kill();
  });

  it('delivers frames to the other instances, never back to the sender', async () => {
    const mine = recorder();
    const theirs = recorder();
    const stopMine = await first.subscribe('test:a', mine.handler);
    const stopTheirs = await second.subscribe('test:a', theirs.handler);
    expect(first.publish('test:a', Buffer.from('hello'))).toBe(true);
    await eventually(() => expect(theirs.heard.messages.map((m) => m.payload)).toEqual(['hello']));
    expect(mine.heard.messages).toEqual([]);
    stopTheirs();
    // Frames of one publisher arrive in order: once the sentinel is heard, so would the other be.
    const sentinel = recorder();
    const stopSentinel = await second.subscribe('test:b', sentinel.handler);
    first.publish('test:a', Buffer.from('after unsubscribe'));
    first.publish('test:b', Buffer.from('sentinel'));
    await eventually(() => expect(sentinel.heard.messages.map((m) => m.payload)).toEqual(['sentinel']));
    expect(theirs.heard.messages.map((m) => m.payload)).toEqual(['hello']);
    stopSentinel();
    stopMine();
  });

  it('reports a skipped sequence number as missed frames', async () => {
    const listener = recorder();
    const stop = await second.subscribe('test:gap', listener.handler);
    const raw = new Redis(redis.url);
    const forged = Buffer.alloc(16, 7);
    await raw.publish('test:gap', frame(forged, 1, 'one'));
    await raw.publish('test:gap', frame(forged, 2, 'two'));
    await eventually(() => expect(listener.heard.messages).toHaveLength(2));
    expect(listener.heard.missed).toBe(0);
    await raw.publish('test:gap', frame(forged, 4, 'four'));
    await eventually(() => expect(listener.heard.messages).toHaveLength(3));
    expect(listener.heard.missed).toBe(1);
    raw.disconnect();
    stop();
  });

  it('drops frames while Redis is away, then resubscribes and reports missed frames', async () => {
    const listener = recorder();
    const stop = await second.subscribe('test:outage', listener.handler);
    await redis.kill();
    // The publishing connection may notice the outage a moment after the subscribing one.
    await eventually(() => expect(first.publish('test:outage', Buffer.from('lost'))).toBe(false));
    expect(first.isConnected).toBe(false);
    await redis.restart();
    await eventually(() => expect(first.isConnected && second.isConnected).toBe(true), 10_000);
    expect(listener.heard.missed).toBeGreaterThan(0);
    first.publish('test:outage', Buffer.from('back'));
    await eventually(() => expect(listener.heard.messages.map((m) => m.payload)).toEqual(['back']));
    stop();
  });

  it('does nothing without REDIS_URL', async () => {
    const alone = new ClusterBus(loadConfig({}));
    alone.onModuleInit();
    expect(alone.isEnabled).toBe(false);
    expect(alone.publish('test:a', Buffer.from('x'))).toBe(false);
    const stop = await alone.subscribe('test:a', recorder().handler);
    stop();
    await alone.onApplicationShutdown();
  });
});
