import {
  CLOSE_CODES,
  collabRoom,
  EVENTS_PATH,
  type Member,
  MESSAGE_AWARENESS,
  NOTES_GENERAL_FRAGMENT,
} from '@cw/shared';
import * as encoding from 'lib0/encoding';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ApiClient } from '../../test/http-client.js';
import { RedisServer } from '../../test/redis-server.js';
import { ServerProcess } from '../../test/server-process.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { eventually, RawClient, sectionText, stockClient, typeParagraph } from '../../test/ws-clients.js';
import { encodeAwarenessUpdate } from './awareness-states.js';

const ORGANISER = { email: 'organiser@example.org', password: 'organiser password', name: 'Ada Organiser' };
const MEMBER_PASSWORD = 'member password';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const lines = (doc: Y.Doc, sectionId: string) => sectionText(doc, sectionId).split('\n').filter(Boolean);

/**
 * Several server processes against one Postgres database and one private Redis: the scale-out
 * guarantees (docs/architecture.md). Postgres only, as instances cannot share embedded PGlite.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('instances sharing Postgres and Redis', () => {
  let database: TestDatabase;
  let sql: postgres.Sql;
  let redis: RedisServer;
  let env: Record<string, string>;
  const instances: ServerProcess[] = [];
  let a: string;
  let b: string;
  let consultationId: string;
  let sectionId: string;
  let organiser: string;
  let civil: string;
  let company: string;

  async function startInstance(extraEnv: Record<string, string> = {}): Promise<string> {
    const instance = new ServerProcess({ ...env, ...extraEnv });
    instances.push(instance);
    return instance.start();
  }

  /** A reviewer of the given group who signed up from an invitation; returns the session token. */
  async function reviewer(api: ApiClient, groupId: string, name: string): Promise<string> {
    const invitation = await api.post(`/api/consultations/${consultationId}/invitations`, {
      role: 'reviewer',
      groupId,
    });
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`;
    const anonymous = new ApiClient(api.baseUrl);
    const signup = await anonymous.post(`/api/invitations/${invitation.body.token}/signup`, {
      name,
      email,
      password: MEMBER_PASSWORD,
    });
    expect(signup.status).toBe(202);
    const session = await anonymous.post('/api/auth/login', { email, password: MEMBER_PASSWORD });
    expect(session.status).toBe(200);
    return session.body.token as string;
  }

  /** The paper as stored in Postgres right now. */
  async function storedPaper(paper = consultationId): Promise<Y.Doc> {
    const doc = new Y.Doc();
    const [snapshot] = await sql<{ data: Buffer }[]>`
      SELECT data FROM paper_snapshots WHERE consultation_id = ${paper}`;
    if (snapshot) Y.applyUpdate(doc, snapshot.data);
    const rows = await sql<{ data: Buffer }[]>`
      SELECT data FROM paper_updates WHERE consultation_id = ${paper} ORDER BY id`;
    for (const row of rows) Y.applyUpdate(doc, row.data);
    return doc;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    sql = postgres(database.url!, { max: 1, onnotice: () => undefined });
    redis = await RedisServer.start();
    env = {
      PORT: '0',
      DATABASE_URL: database.url!,
      REDIS_URL: redis.url,
      BOOTSTRAP_ADMIN_EMAIL: ORGANISER.email,
      BOOTSTRAP_ADMIN_PASSWORD: ORGANISER.password,
      BOOTSTRAP_ADMIN_NAME: ORGANISER.name,
      PASSWORD_HASH_MEMORY_KIB: '1024',
    };
    // One at a time: the first applies the migrations.
    a = await startInstance();
    b = await startInstance();
    const login = await new ApiClient(a).post('/api/auth/login', {
      email: ORGANISER.email,
      password: ORGANISER.password,
    });
    organiser = login.body.token as string;
    const api = new ApiClient(a, organiser);
    const created = await api.post('/api/consultations', {
      title: 'Scale-out',
      attributionMode: 'chatham',
      textChanges: 'edit',
    });
    expect(created.body).toMatchObject({ groups: expect.any(Array) });
    consultationId = created.body.id as string;
    await api.post(`/api/consultations/${consultationId}/phase`, { phase: 'open' });
    const section = await api.post(`/api/consultations/${consultationId}/sections`, { title: 'Shared' });
    sectionId = section.body.id as string;
    const groups = created.body.groups as Array<{ id: string; name: string }>;
    const groupId = (name: string) => groups.find((group) => group.name === name)!.id;
    civil = await reviewer(api, groupId('Civil society organisation'), 'Rita Reviewer');
    company = await reviewer(api, groupId('Company / business'), 'Carl Company');
  });

  afterAll(async () => {
    for (const instance of instances) await instance.kill();
    await redis?.kill();
    await sql?.end();
    await database?.drop();
  });

  it('converges clients of different instances, each edit stored once by the instance that received it', async () => {
    const first = stockClient(a, consultationId, organiser);
    const second = stockClient(b, consultationId, civil);
    await eventually(() => expect(first.provider.synced && second.provider.synced).toBe(true), 10_000);
    for (let i = 0; i < 30; i++) {
      typeParagraph(first.doc, sectionId, `a-${i}`);
      typeParagraph(second.doc, sectionId, `b-${i}`);
      await sleep(5);
    }
    await eventually(() => {
      expect(lines(first.doc, sectionId)).toHaveLength(60);
      expect(sectionText(second.doc, sectionId)).toBe(sectionText(first.doc, sectionId));
    }, 10_000);

    // Each stored row holds only its sender's edits, and no edit is in two rows.
    const users = await sql<{ id: string; name: string }[]>`SELECT id, name FROM users`;
    const idOf = (name: string) => users.find((user) => user.name === name)!.id;
    const stored = await eventually(async () => {
      const doc = await storedPaper();
      expect(lines(doc, sectionId)).toHaveLength(60);
      return sql<{ user_id: string | null; data: Buffer }[]>`
        SELECT user_id, data FROM paper_updates WHERE consultation_id = ${consultationId} ORDER BY id`;
    });
    const ownClient = new Map([
      [idOf(ORGANISER.name), first.doc.clientID],
      [idOf('Rita Reviewer'), second.doc.clientID],
    ]);
    const seen = new Map<number, Array<[number, number]>>();
    for (const row of stored) {
      const { from, to } = Y.parseUpdateMeta(new Uint8Array(row.data));
      for (const [client, start] of from) {
        if (row.user_id) expect(client).toBe(ownClient.get(row.user_id));
        const end = to.get(client)!;
        const ranges = seen.get(client) ?? [];
        for (const [otherStart, otherEnd] of ranges)
          expect(start >= otherEnd || end <= otherStart).toBe(true);
        ranges.push([start, end]);
        seen.set(client, ranges);
      }
    }
    expect(seen.get(first.doc.clientID)?.length).toBeGreaterThan(0);
    expect(seen.get(second.doc.clientID)?.length).toBeGreaterThan(0);
    first.destroy();
    second.destroy();
  });

  it('shows presence across instances with the names each viewer may see (SPEC §3)', async () => {
    const typist = stockClient(b, consultationId, civil);
    const admin = stockClient(a, consultationId, organiser);
    const peer = stockClient(a, consultationId, company);
    await eventually(() =>
      expect(typist.provider.synced && admin.provider.synced && peer.provider.synced).toBe(true),
    );
    typist.provider.awareness.setLocalState({
      cursor: null,
      user: { name: 'Claimed Name' },
    });
    const seenBy = (client: ReturnType<typeof stockClient>) =>
      client.provider.awareness.getStates().get(typist.doc.clientID)?.user as { name: string } | undefined;
    await eventually(() => {
      expect(seenBy(admin)?.name).toBe('Rita Reviewer');
      expect(seenBy(peer)?.name).toBe('A participant');
    });

    // A member on the other instance cannot speak for that client id (it is owned over there).
    const impostor = new RawClient(a, `/collab/${consultationId}`, { token: company });
    await impostor.opened;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(
      encoder,
      encodeAwarenessUpdate([{ clientId: typist.doc.clientID, clock: 1_000, state: { cursor: null } }]),
    );
    impostor.send(encoding.toUint8Array(encoder));
    typist.provider.awareness.setLocalStateField('cursor', null);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seenBy(admin)?.name).toBe('Rita Reviewer');
    expect(typist.provider.awareness.getStates().get(typist.doc.clientID)).toBeDefined();
    impostor.close();
    typist.destroy();
    await eventually(() => {
      expect(seenBy(admin)).toBeUndefined();
      expect(seenBy(peer)).toBeUndefined();
    });
    admin.destroy();
    peer.destroy();
  });

  it('delivers a comment posted on one instance live to a listener on the other, presented for that listener', async () => {
    const listener = new RawClient(b, `${EVENTS_PATH}/${consultationId}`, { token: civil });
    await listener.opened;
    listener.send('ping');
    await eventually(() => expect(listener.messages.length).toBe(1));
    listener.messages.length = 0;
    const posted = await new ApiClient(a, organiser).post(`/api/consultations/${consultationId}/threads`, {
      questionId: null,
      body: 'Posted on the first instance',
    });
    expect(posted.status).toBe(201);
    await eventually(() => expect(listener.messages.length).toBe(1), 2_000);
    const frame = new TextDecoder().decode(listener.messages[0]);
    expect(JSON.parse(frame)).toMatchObject({
      type: 'thread.created',
      thread: { id: posted.body.id, comments: [{ body: 'Posted on the first instance' }] },
    });
    // A reviewer under the Chatham House rule never learns the organiser's name.
    expect(frame).not.toContain(ORGANISER.name);
    listener.close();
  });

  it('keeps what a killed instance acknowledged; its clients carry on through another', async () => {
    const doomed = await startInstance();
    const watcher = stockClient(a, consultationId, company);
    await eventually(() => expect(watcher.provider.synced).toBe(true), 10_000);
    const writer = new RawClient(doomed, `/collab/${consultationId}`, { token: civil, acks: true });
    await writer.opened;
    await eventually(() => expect(writer.storedAcks().length).toBeGreaterThan(0));
    const local = new Y.Doc();
    // The paper as it is, so this client's edits build on it.
    Y.applyUpdate(local, Y.encodeStateAsUpdate(watcher.doc));
    const clockAfter: number[] = [];
    const typing = (async () => {
      for (let i = 0; i < 400 && !writer.closed; i++) {
        const before = Y.encodeStateVector(local);
        typeParagraph(local, sectionId, `edit-${i}`);
        writer.sendUpdate(Y.encodeStateAsUpdate(local, before));
        clockAfter.push(Y.getState(local.store, local.clientID));
        await sleep(3);
      }
    })();
    // A member of the surviving instance types too, so it stores batches while holding the
    // doomed instance's edits.
    const alongside = (async () => {
      for (let i = 0; !writer.closed; i++) {
        typeParagraph(watcher.doc, sectionId, `w-${i}`);
        await sleep(10);
      }
    })();
    await eventually(() => expect(writer.storedAcks().length).toBeGreaterThan(5), 10_000);
    await instances.at(-1)!.kill();
    await Promise.all([typing, alongside]);
    await sleep(100);
    const storedNow = Y.decodeStateVector(Y.encodeStateVector(await storedPaper()));
    // The survivor never acknowledges as stored what only the dead instance had accepted.
    const probe = new RawClient(a, `/collab/${consultationId}`, { token: civil, acks: true });
    await eventually(() => expect(probe.storedAcks().length).toBeGreaterThan(0));
    expect(probe.storedAcks()[0]!.get(local.clientID) ?? 0).toBeLessThanOrEqual(
      storedNow.get(local.clientID) ?? 0,
    );
    probe.close();
    const acknowledged = Math.max(...writer.storedAcks().map((ack) => ack.get(local.clientID) ?? 0));
    const mustSurvive = clockAfter.filter((clock) => clock <= acknowledged).length;
    expect(mustSurvive).toBeGreaterThan(0);
    const survived = lines(await storedPaper(), sectionId);
    for (let i = 0; i < mustSurvive; i++) expect(survived).toContain(`edit-${i}`);

    // The same client reconnects to another instance: resync sends what was lost, then it types on.
    const resumed = stockClient(a, consultationId, civil, local);
    await eventually(() => expect(resumed.provider.synced).toBe(true), 10_000);
    for (let i = 0; i < 10; i++) typeParagraph(local, sectionId, `after-${i}`);
    const expected = lines(local, sectionId);
    expect(expected).toContain('after-9');
    const reader = stockClient(b, consultationId, organiser);
    await eventually(async () => {
      expect(lines(watcher.doc, sectionId)).toEqual(expected);
      expect(lines(reader.doc, sectionId)).toEqual(expected);
      expect(lines(await storedPaper(), sectionId)).toEqual(expected);
      // What the killed instance relayed but never stored is stored by the survivor that held it.
    }, 15_000);
    expect(new Set(expected).size).toBe(expected.length);
    for (const client of [resumed, watcher, reader]) client.destroy();
  });

  it('publishes nothing for a paper one instance serves alone, and hands over its unstored edits to one that joins', async () => {
    // C holds edits unstored for a second; both unload a paper 200 ms after its last client left.
    const c = await startInstance({ COLLAB_FLUSH_MS: '1000', COLLAB_UNLOAD_DELAY_MS: '200' });
    const d = await startInstance({ COLLAB_UNLOAD_DELAY_MS: '200' });
    const api = new ApiClient(a, organiser);
    const paper = (await api.post('/api/consultations', { title: 'Hand-over', textChanges: 'edit' })).body
      .id as string;
    await api.post(`/api/consultations/${paper}/phase`, { phase: 'open' });
    const section = (await api.post(`/api/consultations/${paper}/sections`, { title: 'Handed over' })).body
      .id as string;
    const listener = new Redis(redis.url);
    const frames: Array<{ type: number; origin: string }> = [];
    listener.on('messageBuffer', (_channel: Buffer, frame: Buffer) =>
      frames.push({ origin: frame.toString('hex', 0, 16), type: frame[20]! }),
    );
    await listener.subscribe(`cw:paper:${paper}`);
    const [FRAME_UPDATE, FRAME_STORED, FRAME_PRESENCE, FRAME_HELLO, FRAME_LEAVE] = [0, 1, 2, 5, 7];
    const relayed = (from: number) =>
      frames.slice(from).filter(({ type }) => [FRAME_UPDATE, FRAME_STORED, FRAME_PRESENCE].includes(type));

    const first = stockClient(c, paper, organiser);
    await eventually(() => expect(first.provider.synced).toBe(true), 10_000);
    for (let i = 0; i < 5; i++) typeParagraph(first.doc, section, `c-${i}`);
    await sleep(150);
    // Alone on the paper: it said hello, and nothing else.
    expect(frames.map(({ type }) => type)).toEqual([FRAME_HELLO]);
    const storedLines = async () => lines(await storedPaper(paper), section);
    expect(await storedLines()).toEqual([]);

    // D loads the paper while none of those edits is stored, and still gets them all.
    const second = stockClient(d, paper, organiser);
    await eventually(
      () => expect(lines(second.doc, section)).toEqual(['c-0', 'c-1', 'c-2', 'c-3', 'c-4']),
      10_000,
    );
    typeParagraph(second.doc, section, 'd-0');
    typeParagraph(first.doc, section, 'c-5');
    await eventually(() => {
      expect(lines(first.doc, section)).toContain('d-0');
      expect(lines(second.doc, section)).toContain('c-5');
    });
    expect(relayed(0).length).toBeGreaterThan(0);

    // Once D's client left and D unloaded the paper, C is alone again and goes quiet.
    second.destroy();
    await eventually(() => expect(frames.some(({ type }) => type === FRAME_LEAVE)).toBe(true), 10_000);
    await sleep(100); // C hears the leave about when this listener does
    const afterLeave = frames.length;
    typeParagraph(first.doc, section, 'c-6');
    await eventually(async () => expect(await storedLines()).toContain('c-6'), 10_000);
    expect(relayed(afterLeave)).toEqual([]);
    expect((await storedLines()).sort()).toEqual(['c-0', 'c-1', 'c-2', 'c-3', 'c-4', 'c-5', 'c-6', 'd-0']);
    first.destroy();
    listener.disconnect();
  });

  it('keeps serving and storing while Redis is down, and converges once it is back', async () => {
    const first = stockClient(a, consultationId, organiser);
    const second = stockClient(b, consultationId, civil);
    await eventually(() => expect(first.provider.synced && second.provider.synced).toBe(true), 10_000);
    await eventually(() =>
      expect(sectionText(second.doc, sectionId)).toBe(sectionText(first.doc, sectionId)),
    );

    await redis.kill();
    for (let i = 0; i < 10; i++) {
      typeParagraph(first.doc, sectionId, `outage-a-${i}`);
      typeParagraph(second.doc, sectionId, `outage-b-${i}`);
    }
    // Both instances store their own clients' edits; neither can pass them on.
    await eventually(async () => {
      const stored = lines(await storedPaper(), sectionId);
      expect(stored).toContain('outage-a-9');
      expect(stored).toContain('outage-b-9');
    });
    expect(lines(first.doc, sectionId)).not.toContain('outage-b-0');
    expect(lines(second.doc, sectionId)).not.toContain('outage-a-0');
    await eventually(async () => {
      const readiness = await new ApiClient(a).get('/api/ready');
      expect(readiness.status).toBe(503);
      expect(readiness.body.checks.redis).toMatchObject({ ok: false, error: 'unreachable' });
    });

    await redis.restart();
    await eventually(async () => expect((await new ApiClient(b).get('/api/ready')).status).toBe(200), 10_000);
    await eventually(() => {
      expect(lines(first.doc, sectionId)).toContain('outage-b-9');
      expect(sectionText(second.doc, sectionId)).toBe(sectionText(first.doc, sectionId));
    }, 10_000);
    // And live relaying works again.
    typeParagraph(second.doc, sectionId, 'after the outage');
    await eventually(() => expect(lines(first.doc, sectionId)).toContain('after the outage'));
    first.destroy();
    second.destroy();
  });

  it('relays a session’s notes between instances like the paper, and stores them apart from it', async () => {
    const api = new ApiClient(a, organiser);
    const base = `/api/consultations/${consultationId}`;
    const session = (
      await api.post(`${base}/sessions`, {
        title: 'Policy coherence',
        startsAt: '2026-05-04T17:20',
        endsAt: '2026-05-04T17:50',
      })
    ).body.id as string;
    const members = (await api.get(`${base}/members`)).body as Member[];
    const rita = members.find((entry) => entry.name === 'Rita Reviewer')!;
    expect((await api.put(`${base}/sessions/${session}/rapporteurs`, { memberIds: [rita.id] })).status).toBe(
      200,
    );
    const room = collabRoom({ kind: 'notes', consultationId, sessionId: session });
    const notesOf = (doc: Y.Doc) =>
      doc
        .getXmlFragment(NOTES_GENERAL_FRAGMENT)
        .toArray()
        .map((node) => (node as Y.XmlElement).toArray().join(''));
    const write = (doc: Y.Doc, text: string) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      doc.getXmlFragment(NOTES_GENERAL_FRAGMENT).push([paragraph]);
    };

    const rapporteur = stockClient(a, room, civil);
    const editor = stockClient(b, room, organiser);
    await eventually(() => expect(rapporteur.provider.synced && editor.provider.synced).toBe(true), 10_000);
    for (let i = 0; i < 10; i++) {
      write(rapporteur.doc, `rapporteur-${i}`);
      write(editor.doc, `editor-${i}`);
      await sleep(5);
    }
    await eventually(() => {
      expect(notesOf(rapporteur.doc)).toHaveLength(20);
      expect(notesOf(editor.doc)).toEqual(notesOf(rapporteur.doc));
    }, 10_000);
    await eventually(async () => {
      const stored = new Y.Doc();
      const rows = await sql<{ data: Buffer }[]>`
        SELECT data FROM notes_updates WHERE session_id = ${session} ORDER BY id`;
      for (const row of rows) Y.applyUpdate(stored, row.data);
      expect(notesOf(stored)).toEqual(notesOf(rapporteur.doc));
    });

    // Another member is refused on either instance; the paper holds none of the notes.
    const refused = new RawClient(b, `/collab/${room}`, { token: company });
    expect((await refused.waitClosed()).code).toBe(CLOSE_CODES.NOT_FOUND);
    const paper = stockClient(a, consultationId, company);
    await eventually(() => expect(paper.provider.synced).toBe(true), 10_000);
    expect(notesOf(paper.doc)).toEqual([]);
    for (const client of [rapporteur, editor, paper]) client.destroy();
  });
});
