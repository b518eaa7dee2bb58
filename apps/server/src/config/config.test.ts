import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('REDIS_URL', () => {
  it('is optional: one instance serves alone without it', () => {
    expect(loadConfig({}).redisUrl).toBeUndefined();
  });

  it('takes redis:// and rediss:// connection strings', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe('redis://127.0.0.1:6379');
    expect(loadConfig({ REDIS_URL: 'rediss://user:secret@cache.example.org:6380/2' }).redisUrl).toBe(
      'rediss://user:secret@cache.example.org:6380/2',
    );
  });

  it('stops start-up on anything else, naming the setting', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_URL: '127.0.0.1:6379' })).toThrow(/REDIS_URL/);
  });
});
