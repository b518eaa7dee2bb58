import { describe, expect, it } from 'vitest';
import { eventsUrl, retryDelay } from './thread-events';

describe('eventsUrl', () => {
  it('uses the page origin with the matching socket scheme', () => {
    expect(eventsUrl('abc', { protocol: 'https:', host: 'example.org' })).toBe(
      'wss://example.org/events/abc',
    );
    expect(eventsUrl('abc', { protocol: 'http:', host: '127.0.0.1:8080' })).toBe(
      'ws://127.0.0.1:8080/events/abc',
    );
  });
});

describe('retryDelay', () => {
  it('doubles after each failure and stops growing at thirty seconds', () => {
    expect(retryDelay(0, () => 1)).toBe(500);
    expect(retryDelay(3, () => 1)).toBe(4000);
    expect(retryDelay(20, () => 1)).toBe(30_000);
    expect(retryDelay(3, () => 0)).toBe(2000);
  });
});
