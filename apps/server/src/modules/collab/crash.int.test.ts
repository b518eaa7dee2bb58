import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSection } from '../../test/factories.js';
import { ApiClient } from '../../test/http-client.js';
import { PROCESS_ORGANISER, processEnvironment, ServerProcess } from '../../test/server-process.js';
import { BACKENDS } from '../../test/test-database.js';
import { eventually, RawClient, sectionText, stockClient, typeParagraph } from '../../test/ws-clients.js';

describe.each(BACKENDS)('a killed server on %s', (backend) => {
  let env: Record<string, string>;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ env, dispose } = await processEnvironment(backend));
  });
  afterAll(() => dispose());

  it('loses no change that was acknowledged as stored, and duplicates none', async () => {
    const first = new ServerProcess(env);
    const api = new ApiClient(await first.start());
    const login = await api.post('/api/auth/login', PROCESS_ORGANISER);
    const token = login.body.token as string;
    const created = await api.withToken(token).post('/api/consultations', { title: 'Crash test' });
    expect(created.status).toBe(201);
    const consultationId = created.body.id as string;
    const section = await createSection(api.withToken(token), consultationId);

    const client = new RawClient(api.baseUrl, `/collab/${consultationId}`, { token, acks: true });
    await client.opened;
    await eventually(() => expect(client.storedAcks().length).toBeGreaterThan(0));
    const local = new Y.Doc();
    const clockAfter: number[] = [];
    const typing = (async () => {
      for (let i = 0; i < 400 && !client.closed; i++) {
        const before = Y.encodeStateVector(local);
        typeParagraph(local, section, `edit-${i}`);
        client.sendUpdate(Y.encodeStateAsUpdate(local, before));
        clockAfter.push(Y.getState(local.store, local.clientID));
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
    })();
    await eventually(() => expect(client.storedAcks().length).toBeGreaterThan(5), 10_000);
    await first.kill();
    await typing;
    const acknowledged = Math.max(...client.storedAcks().map((ack) => ack.get(local.clientID) ?? 0));
    const mustSurvive = clockAfter.filter((clock) => clock <= acknowledged).length;
    expect(mustSurvive).toBeGreaterThan(0);

    const second = new ServerProcess({ ...env });
    const url = await second.start();
    try {
      const again = await new ApiClient(url).post('/api/auth/login', PROCESS_ORGANISER);
      const reader = stockClient(url, consultationId, again.body.token);
      await eventually(() => expect(reader.provider.synced).toBe(true), 10_000);
      const lines = sectionText(reader.doc, section).split('\n').filter(Boolean);
      for (let i = 0; i < mustSurvive; i++) expect(lines[i]).toBe(`edit-${i}`);
      expect(new Set(lines).size).toBe(lines.length);
      lines.forEach((line, index) => expect(line).toBe(`edit-${index}`));
      reader.destroy();
    } finally {
      await second.kill();
    }
  });
});
