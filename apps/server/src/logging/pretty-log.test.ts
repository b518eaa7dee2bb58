import { describe, expect, it } from 'vitest';
import { prettyMessage } from './pretty-log.js';

describe('prettyMessage', () => {
  it('writes a request as method, path, status and time', () => {
    const line = prettyMessage(
      {
        msg: 'request completed',
        req: { method: 'GET', url: '/api/me' },
        res: { statusCode: 200 },
        responseTime: 4,
      },
      'msg',
    );
    expect(line).toBe('GET /api/me 200 in 4 ms');
  });

  it('prefixes other messages with their context', () => {
    expect(prettyMessage({ msg: 'Applied migrations 0001', context: 'Database' }, 'msg')).toBe(
      '[Database] Applied migrations 0001',
    );
    expect(prettyMessage({ msg: 'plain' }, 'msg')).toBe('plain');
  });
});
