import { CLOSE_CODES } from '@cw/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShutdownState } from '../../common/shutdown-state.js';
import { buildConsultation, buildUser } from '../../test/factories.js';
import { ApiClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { RawClient } from '../../test/ws-clients.js';

describe.each(BACKENDS)('health and readiness on %s', (backend) => {
  let testApp: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    testApp = await startTestApp(backend);
    api = new ApiClient(testApp.url);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('answers liveness with the database backend', async () => {
    const response = await api.get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: backend });
  });

  it('is ready when the database answers', async () => {
    const response = await api.get('/api/ready');
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ready');
    expect(response.body.checks.database).toMatchObject({ ok: true });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('gives every request an id, keeping a well-formed one the caller sent', async () => {
    const generated = await api.get('/api/health');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await api.request('GET', '/api/health', undefined, { 'x-request-id': 'proxy-42.a' });
    expect(kept.headers.get('x-request-id')).toBe('proxy-42.a');
    // A forged id (too long, or with characters that could fake log structure) is replaced.
    const forged = await api.request('GET', '/api/health', undefined, { 'x-request-id': '"}{"level":60' });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers probes whatever bearer token comes with them', async () => {
    const response = await api.withToken('not-a-session').get('/api/ready');
    expect(response.status).toBe(200);
  });
});

describe('readiness while shutting down', () => {
  it('reports not ready and refuses new sockets with 1012 once shutdown has begun', async () => {
    const testApp = await startTestApp('pglite');
    try {
      const admin = await buildUser(testApp, { isOrganiser: true });
      const consultation = await buildConsultation(testApp, admin);
      // The first shutdown step, as SIGTERM runs it, without yet closing the app.
      testApp.app.get(ShutdownState).onModuleDestroy();
      const api = new ApiClient(testApp.url);
      const ready = await api.get('/api/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.status).toBe('not ready');
      expect(ready.body.checks.shutdown).toMatchObject({ ok: false, error: 'shutting down' });
      expect(ready.body.checks.database).toMatchObject({ ok: true });
      for (const path of [`/collab/${consultation.id}`, `/events/${consultation.id}`]) {
        const client = new RawClient(testApp.url, path, { token: admin.token });
        expect((await client.waitClosed()).code).toBe(CLOSE_CODES.SERVICE_RESTART);
      }
    } finally {
      await testApp.close();
    }
  });
});
