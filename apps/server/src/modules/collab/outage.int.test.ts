import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLOSE_CODES } from '@cw/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSection } from '../../test/factories.js';
import { ApiClient } from '../../test/http-client.js';
import { postgresBinDir, PrivatePostgres } from '../../test/private-postgres.js';
import { ServerProcess } from '../../test/server-process.js';
import { Typist } from '../../test/typist.js';
import { eventually, RawClient, sectionText, stockClient } from '../../test/ws-clients.js';

const ORGANISER = { email: 'organiser@example.org', password: 'organiser password' };
const BIN_DIR = postgresBinDir();
/** How long the database stays down while the clients keep typing, in ms. */
const OUTAGE_MS = 4_000;

describe.skipIf(!BIN_DIR)(
  BIN_DIR
    ? 'Postgres restarting under typing load'
    : 'Postgres restarting under typing load (skipped: no Postgres server binaries under /usr/lib/postgresql)',
  () => {
    let postgres: PrivatePostgres;
    let dataDir: string;
    let env: Record<string, string>;

    beforeAll(async () => {
      postgres = await PrivatePostgres.create(BIN_DIR!);
      dataDir = await mkdtemp(join(tmpdir(), 'cw-outage-'));
      env = {
        PORT: '0',
        DATA_DIR: dataDir,
        DATABASE_URL: postgres.url,
        BOOTSTRAP_ADMIN_EMAIL: ORGANISER.email,
        BOOTSTRAP_ADMIN_PASSWORD: ORGANISER.password,
        PASSWORD_HASH_MEMORY_KIB: '1024',
      };
    });
    afterAll(async () => {
      await postgres?.destroy();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('keeps serving, refuses writes with 503 while down, stores every edit once when back', async () => {
      const server = new ServerProcess(env);
      const api = new ApiClient(await server.start());
      const login = await api.post('/api/auth/login', ORGANISER);
      const token = login.body.token as string;
      const organiser = api.withToken(token);
      const created = await organiser.post('/api/consultations', { title: 'Outage test' });
      const consultationId = created.body.id as string;

      const typists = await Promise.all(
        [1, 2].map(
          async () =>
            new Typist(api.baseUrl, consultationId, token, await createSection(organiser, consultationId)),
        ),
      );
      try {
        for (const typist of typists) typist.start(100_000, 5);
        await eventually(() => {
          for (const typist of typists) expect(typist.acknowledged()).toBeGreaterThan(10);
        }, 15_000);

        await postgres.stop();
        const downSince = Date.now();

        const ready = await eventually(async () => {
          const answer = await api.get('/api/ready');
          expect(answer.status).toBe(503);
          return answer;
        });
        expect(ready.body.checks.database).toMatchObject({ ok: false, error: 'unreachable' });
        // Public answer: the driver's message (with the database's address) stays in the log.
        expect(JSON.stringify(ready.body)).not.toContain(String(postgres.port));
        expect(ready.body.checks.shutdown.ok).toBe(true);
        expect((await api.get('/api/health')).status).toBe(200);
        // Probes answer for a signed-in caller too: the session lookup that fails is skipped.
        expect((await organiser.get('/api/health')).status).toBe(200);
        expect((await organiser.get('/api/ready')).body.status).toBe('not ready');

        const write = await organiser.post('/api/consultations', { title: 'Written during the outage' });
        expect(write.status).toBe(503);
        expect(write.body.code).toBe('DATABASE_UNAVAILABLE');
        expect(write.headers.get('retry-after')).toBe('5');
        expect((await organiser.get('/api/consultations')).body.code).toBe('DATABASE_UNAVAILABLE');

        // A paper that cannot be loaded is refused, never served empty.
        const latecomer = new RawClient(api.baseUrl, `/collab/${consultationId}`, { token });
        expect((await latecomer.waitClosed()).code).toBe(CLOSE_CODES.UNAVAILABLE);

        // Nothing typed now is acknowledged: it is not stored yet.
        const acknowledgedWhenDown = typists.map((typist) => typist.acknowledged());
        await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS - (Date.now() - downSince)));
        typists.forEach((typist, index) => {
          expect(typist.acknowledged()).toBe(acknowledgedWhenDown[index]);
          expect(typist.typed).toBeGreaterThan(acknowledgedWhenDown[index]! + 50);
          expect(typist.client.closed).toBeUndefined();
        });

        await postgres.start();
        await eventually(async () => expect((await api.get('/api/ready')).status).toBe(200), 15_000);
        await Promise.all(typists.map((typist) => typist.stop()));
        await eventually(() => {
          for (const typist of typists) expect(typist.acknowledged()).toBe(typist.typed);
        }, 15_000);
        expect(server.isRunning).toBe(true);
        // A pooled connection Postgres closed may still fail its first request with 503; clients
        // retry as Retry-After tells them, and the write goes through.
        await eventually(async () => {
          expect((await organiser.post('/api/consultations', { title: 'After the outage' })).status).toBe(
            201,
          );
        }, 10_000);
      } catch (error) {
        // A crash is the failure this test exists to catch: show why the process died.
        if (!server.isRunning)
          throw new Error(`the server process died:\n${server.output.slice(-6000)}`, { cause: error });
        throw error;
      }
      for (const typist of typists) typist.client.close();
      expect(await server.stop()).toEqual({ code: 0, signal: null });

      // A fresh process reads exactly what was typed: nothing lost, nothing stored twice.
      const again = new ServerProcess(env);
      const url = await again.start();
      try {
        const relogin = await new ApiClient(url).post('/api/auth/login', ORGANISER);
        const reader = stockClient(url, consultationId, relogin.body.token);
        await eventually(() => expect(reader.provider.synced).toBe(true), 10_000);
        for (const typist of typists) {
          expect(sectionText(reader.doc, typist.section).split('\n')).toEqual(typist.expectedLines());
        }
        reader.destroy();
      } finally {
        await again.stop();
      }
    }, 90_000);
  },
);
