import { CLOSE_CODES } from '@cw/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSection } from '../../test/factories.js';
import { ApiClient } from '../../test/http-client.js';
import { PROCESS_ORGANISER, processEnvironment, ServerProcess } from '../../test/server-process.js';
import { BACKENDS } from '../../test/test-database.js';
import { Typist } from '../../test/typist.js';
import { eventually, RawClient, sectionText, stockClient } from '../../test/ws-clients.js';

const TYPISTS = 3;

/** Every paragraph of each typist's section, read by a fresh client from a freshly started server. */
async function readSections(url: string, consultationId: string, typists: Typist[]): Promise<string[][]> {
  const login = await new ApiClient(url).post('/api/auth/login', PROCESS_ORGANISER);
  const reader = stockClient(url, consultationId, login.body.token);
  try {
    await eventually(() => expect(reader.provider.synced).toBe(true), 10_000);
    return typists.map((typist) => sectionText(reader.doc, typist.section).split('\n').filter(Boolean));
  } finally {
    reader.destroy();
  }
}

describe.each(BACKENDS)('SIGTERM on %s', (backend) => {
  let env: Record<string, string>;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ env, dispose } = await processEnvironment(backend));
  });
  afterAll(() => dispose());

  it('drains while clients type: every acknowledged edit stored, sockets closed with 1012, exit 0, nothing lost', async () => {
    const first = new ServerProcess(env);
    const api = new ApiClient(await first.start());
    const login = await api.post('/api/auth/login', PROCESS_ORGANISER);
    const token = login.body.token as string;
    const created = await api.withToken(token).post('/api/consultations', { title: 'Shutdown test' });
    expect(created.status).toBe(201);
    const consultationId = created.body.id as string;

    const typists = await Promise.all(
      Array.from(
        { length: TYPISTS },
        async () =>
          new Typist(
            api.baseUrl,
            consultationId,
            token,
            await createSection(api.withToken(token), consultationId),
          ),
      ),
    );
    const listener = new RawClient(api.baseUrl, `/events/${consultationId}`, { token });
    for (const typist of typists) typist.start(1_000, 2);
    await eventually(() => {
      for (const typist of typists) expect(typist.acknowledged()).toBeGreaterThan(20);
    }, 15_000);

    const exit = await first.stop();
    await Promise.all(typists.map((typist) => typist.stop()));
    expect(exit).toEqual({ code: 0, signal: null });
    for (const typist of typists) {
      const closed = await typist.client.waitClosed();
      expect(closed.code).toBe(CLOSE_CODES.SERVICE_RESTART);
    }
    expect((await listener.waitClosed()).code).toBe(CLOSE_CODES.SERVICE_RESTART);
    expect(first.output).not.toMatch(/could not be stored/);

    const second = new ServerProcess(env);
    const url = await second.start();
    try {
      const stored = await readSections(url, consultationId, typists);
      typists.forEach((typist, index) => {
        const lines = stored[index]!;
        // Acknowledged means stored: all of it is there, in order, once.
        expect(lines.length).toBeGreaterThanOrEqual(typist.acknowledged());
        expect(lines).toEqual(typist.expectedLines().slice(0, lines.length));
      });
      // What was typed after the last acknowledgement is still in the clients' documents and
      // reaches the paper once they reconnect, as an editor in the browser would.
      for (const typist of typists) await typist.resend(url);
      await eventually(async () => {
        for (const typist of typists) expect(typist.acknowledged()).toBe(typist.typed);
      }, 10_000);
      for (const typist of typists) typist.client.close();
    } finally {
      expect(await second.stop()).toEqual({ code: 0, signal: null });
    }

    const third = new ServerProcess(env);
    const thirdUrl = await third.start();
    try {
      const stored = await readSections(thirdUrl, consultationId, typists);
      typists.forEach((typist, index) => expect(stored[index]).toEqual(typist.expectedLines()));
    } finally {
      await third.stop();
    }
  }, 90_000);
});
