import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_PATH } from '@cw/shared';
import { createSection } from '../../test/factories.js';
import { freePort } from '../../test/free-port.js';
import { ApiClient } from '../../test/http-client.js';
import { RedisServer } from '../../test/redis-server.js';
import { PROCESS_ORGANISER, processEnvironment, ServerProcess } from '../../test/server-process.js';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { eventually, sectionText, stockClient, typeParagraph } from '../../test/ws-clients.js';

const CLIENTS = 6;
const RESTARTS = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const lines = (doc: Y.Doc, sectionId: string) => sectionText(doc, sectionId).split('\n').filter(Boolean);

/**
 * One stock y-websocket client (3.x) typing a paragraph every few tens of ms into a shared
 * section, through whatever happens to the server. `url` picks the server each time it connects.
 */
class TypingClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly typed: string[] = [];
  /** Close codes the client saw; a 44xx makes the stock client give up for good. */
  readonly closeCodes: number[] = [];
  private isTyping = true;
  private readonly loop: Promise<void>;

  constructor(
    readonly name: string,
    url: () => string,
    consultationId: string,
    token: string,
    private readonly sectionId: string,
  ) {
    /** Connects to the server `url` names at the time, as a load balancer would choose. */
    class RoutedWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address.replace(/^ws:\/\/[^/]+/, url().replace('http', 'ws')), protocols);
      }
    }
    this.provider = new WebsocketProvider(`ws://server${COLLAB_PATH}`, consultationId, this.doc, {
      WebSocketPolyfill: RoutedWebSocket as never,
      params: { token },
      disableBc: true,
    });
    this.provider.on('connection-close', (event: { code: number } | null) => {
      if (event) this.closeCodes.push(event.code);
    });
    this.loop = (async () => {
      for (let i = 0; this.isTyping; i++) {
        const text = `${name}-${i}`;
        typeParagraph(this.doc, sectionId, text);
        this.typed.push(text);
        await sleep(20 + Math.random() * 40);
      }
    })();
  }

  get isSynced(): boolean {
    return this.provider.wsconnected && this.provider.synced;
  }

  /** Typed since it last connected: proof it kept working after a restart. */
  typedAfter(count: number): boolean {
    return this.typed.length > count;
  }

  async stopTyping(): Promise<void> {
    this.isTyping = false;
    await this.loop;
  }

  lines(): string[] {
    return lines(this.doc, this.sectionId);
  }

  destroy(): void {
    this.provider.destroy();
  }
}

/** Every client's every edit is in `paper` exactly once. */
function expectEveryEditOnce(clients: TypingClient[], paper: string[]): void {
  const expected = clients.flatMap((client) => client.typed);
  expect(paper).toHaveLength(expected.length);
  expect(new Set(paper)).toEqual(new Set(expected));
}

/** Stops the typing, waits until every client shows every edit once, and closes the clients. */
async function settle(clients: TypingClient[]): Promise<string[]> {
  await Promise.all(clients.map((client) => client.stopTyping()));
  await eventually(() => {
    for (const client of clients) {
      expect(client.isSynced).toBe(true);
      expectEveryEditOnce(clients, client.lines());
    }
  }, 30_000);
  const converged = clients[0]!.lines();
  for (const client of clients) client.destroy();
  return converged;
}

/** The paper as stored, read by a new client from a server started afresh. */
async function storedLines(
  url: string,
  consultationId: string,
  token: string,
  sectionId: string,
): Promise<string[]> {
  const reader = stockClient(url, consultationId, token);
  try {
    await eventually(() => expect(reader.provider.synced).toBe(true), 10_000);
    return lines(reader.doc, sectionId);
  } finally {
    reader.destroy();
  }
}

/** No client saw a close code that makes the stock client give up (the 44xx range). */
function expectNoneGaveUp(clients: TypingClient[]): void {
  for (const client of clients) {
    expect(client.closeCodes.filter((code) => code >= 4400 && code < 4500)).toEqual([]);
  }
}

describe.each(BACKENDS)('stock clients typing through server restarts on %s', (backend) => {
  let env: Record<string, string>;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ env, dispose } = await processEnvironment(backend));
  });
  afterAll(() => dispose());

  it(`keeps every edit, once, through ${RESTARTS} kills of the only instance`, async () => {
    const port = String(await freePort());
    let server = new ServerProcess({ ...env, PORT: port });
    const url = await server.start();
    const organiser = new ApiClient(url);
    const tokens: string[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      tokens.push((await organiser.post('/api/auth/login', PROCESS_ORGANISER)).body.token as string);
    }
    const api = organiser.withToken(tokens[0]!);
    const consultationId = (await api.post('/api/consultations', { title: 'Restarts' })).body.id as string;
    const sectionId = await createSection(api, consultationId);
    const clients = tokens.map(
      (token, i) => new TypingClient(`c${i}`, () => url, consultationId, token, sectionId),
    );
    try {
      await eventually(() => clients.forEach((client) => expect(client.isSynced).toBe(true)), 20_000);
      for (let restart = 0; restart < RESTARTS; restart++) {
        const before = clients.map((client) => client.typed.length);
        await eventually(() =>
          clients.forEach((client, i) => expect(client.typedAfter(before[i]! + 5)).toBe(true)),
        );
        await server.kill();
        server = new ServerProcess({ ...env, PORT: port });
        await server.start();
        // Everyone is back and has typed on since.
        await eventually(() => clients.forEach((client) => expect(client.isSynced).toBe(true)), 30_000);
      }
      const converged = await settle(clients);
      expectNoneGaveUp(clients);
      // Stopped as an operator would (pending edits drained) and started again: what is stored.
      expect(await server.stop()).toEqual({ code: 0, signal: null });
      server = new ServerProcess({ ...env, PORT: port });
      await server.start();
      const stored = await storedLines(url, consultationId, tokens[0]!, sectionId);
      expectEveryEditOnce(clients, stored);
      expect(stored).toEqual(converged);
    } finally {
      for (const client of clients) client.destroy();
      await server.stop();
    }
  }, 180_000);
});

/** Several instances against one Postgres database and one Redis: instances cannot share PGlite. */
describe.skipIf(!process.env.TEST_DATABASE_URL)(
  'stock clients typing while instances are killed in turn',
  () => {
    let database: TestDatabase;
    let redis: RedisServer;

    beforeAll(async () => {
      database = await createTestDatabase();
      redis = await RedisServer.start();
    });
    afterAll(async () => {
      await redis.kill();
      await database.drop();
    });

    it('keeps every edit, once, as each of three instances dies and its clients move to the others', async () => {
      const env = {
        DATABASE_URL: database.url!,
        REDIS_URL: redis.url,
        BOOTSTRAP_ADMIN_EMAIL: PROCESS_ORGANISER.email,
        BOOTSTRAP_ADMIN_PASSWORD: PROCESS_ORGANISER.password,
        PASSWORD_HASH_MEMORY_KIB: '1024',
      };
      const ports = await Promise.all([freePort(), freePort(), freePort()]);
      const instances = ports.map((port) => new ServerProcess({ ...env, PORT: String(port) }));
      // One at a time: the first applies the migrations.
      for (const instance of instances) await instance.start();
      const urls = ports.map((port) => `http://127.0.0.1:${port}`);
      /** A live instance, as a load balancer picks one for each new connection. */
      const anyLive = () => {
        const live = urls.filter((_, i) => instances[i]!.isRunning);
        return live[Math.floor(Math.random() * live.length)]!;
      };
      const organiser = new ApiClient(urls[0]!);
      const tokens: string[] = [];
      for (let i = 0; i < CLIENTS; i++) {
        tokens.push((await organiser.post('/api/auth/login', PROCESS_ORGANISER)).body.token as string);
      }
      const api = organiser.withToken(tokens[0]!);
      const consultationId = (await api.post('/api/consultations', { title: 'Instances' })).body.id as string;
      const sectionId = await createSection(api, consultationId);
      const clients = tokens.map(
        (token, i) => new TypingClient(`c${i}`, anyLive, consultationId, token, sectionId),
      );
      try {
        await eventually(() => clients.forEach((client) => expect(client.isSynced).toBe(true)), 20_000);
        for (const [i, instance] of instances.entries()) {
          const before = clients.map((client) => client.typed.length);
          await eventually(() =>
            clients.forEach((client, k) => expect(client.typedAfter(before[k]! + 5)).toBe(true)),
          );
          await instance.kill();
          await eventually(() => clients.forEach((client) => expect(client.isSynced).toBe(true)), 30_000);
          instances[i] = new ServerProcess({ ...env, PORT: String(ports[i]) });
          await instances[i]!.start();
        }
        const converged = await settle(clients);
        expectNoneGaveUp(clients);
        for (const instance of instances) expect(await instance.stop()).toEqual({ code: 0, signal: null });
        instances[0] = new ServerProcess({ ...env, PORT: String(ports[0]) });
        await instances[0].start();
        const stored = await storedLines(urls[0]!, consultationId, tokens[0]!, sectionId);
        expectEveryEditOnce(clients, stored);
        expect(stored).toEqual(converged);
      } finally {
        for (const client of clients) client.destroy();
        for (const instance of instances) if (instance.isRunning) await instance.stop();
      }
    }, 240_000);
  },
);
