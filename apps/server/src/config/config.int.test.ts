import { describe, expect, it } from 'vitest';
import { ServerProcess } from '../test/server-process.js';

describe('start-up with bad settings', () => {
  it('exits with code 78 and one line naming each bad setting, before touching anything', async () => {
    const server = new ServerProcess({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      METRICS_TOKEN: 'short',
      DATABASE_URL: 'mysql://db/consultations',
    });
    const failure = await server.start().then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/^server exited with 78:/);
    expect(failure).toContain('Invalid configuration:');
    expect(failure).toMatch(/PORT: /);
    expect(failure).toContain('LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent');
    expect(failure).toContain('METRICS_TOKEN: must be at least 16 characters');
    expect(failure).toContain('DATABASE_URL: must be a postgres:// connection string');
  });
});
