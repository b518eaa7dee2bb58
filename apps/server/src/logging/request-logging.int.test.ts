import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../test/http-client.js';
import { ServerProcess } from '../test/server-process.js';
import { eventually } from '../test/ws-clients.js';

const ORGANISER = { email: 'organiser@example.org', password: 'pass-phrase-never-logged' };
const INVITATION_TOKEN = 'InvitationTokenNeverLogged_0123';

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  req?: { id: string; method: string; url: string };
  res?: { statusCode: number };
}

describe('request logs of a real server process', () => {
  let dataDir: string;
  let server: ServerProcess;
  let api: ApiClient;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cw-logs-'));
    server = new ServerProcess({
      PORT: '0',
      DATA_DIR: dataDir,
      BOOTSTRAP_ADMIN_EMAIL: ORGANISER.email,
      BOOTSTRAP_ADMIN_PASSWORD: ORGANISER.password,
      PASSWORD_HASH_MEMORY_KIB: '1024',
    });
    api = new ApiClient(await server.start());
  });
  afterAll(async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes JSON lines with request ids and never a password, session token, cookie or invitation token', async () => {
    const login = await api.request('POST', '/api/auth/login', ORGANISER, {
      'x-request-id': 'login-request-1',
    });
    expect(login.status).toBe(200);
    const token = login.body.token as string;
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toContain(token);
    await api.withToken(token).get('/api/consultations');
    await api.request('GET', '/api/auth/me', undefined, { cookie: cookie.split(';')[0]! });
    await api.get(`/api/invitations/${INVITATION_TOKEN}`);
    await api.post(`/api/invitations/${INVITATION_TOKEN}/accept`, {});

    const lines = await eventually(() => {
      const parsed = server.output
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as LogLine);
      expect(parsed.filter((line) => line.req?.url.startsWith('/api/invitations/'))).toHaveLength(2);
      return parsed;
    });

    const loginLine = lines.find((line) => line.req?.url === '/api/auth/login');
    expect(loginLine).toMatchObject({ reqId: 'login-request-1', res: { statusCode: 200 } });
    const ids = lines.filter((line) => line.req).map((line) => line.reqId);
    expect(new Set(ids).size).toBe(ids.length);

    for (const secret of [ORGANISER.password, token, INVITATION_TOKEN]) {
      expect(server.output).not.toContain(secret);
    }
    expect(server.output).not.toMatch(/cw_session=/);
    expect(lines.find((line) => line.req?.url.startsWith('/api/invitations/'))?.req?.url).toBe(
      '/api/invitations/[redacted]',
    );
  });
});
