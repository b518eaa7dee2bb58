import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CLOSE_CODES, MESSAGE_WRITE_ACCESS } from '@cw/shared';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addMember,
  buildConsultation,
  buildSection,
  buildUser,
  type TestConsultation,
  type TestUser,
} from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import {
  eventually,
  RawClient,
  roundTrip,
  sectionText,
  stockClient,
  typeParagraph,
} from '../../test/ws-clients.js';
import { PaperRegistry } from './paper-registry.service.js';

const SECTION = randomUUID();

async function storedText(testApp: TestApp, consultationId: string): Promise<string> {
  const rows = await testApp.db.sql<{ data: Buffer }[]>`
    SELECT data FROM paper_snapshots WHERE consultation_id = ${consultationId}
    UNION ALL SELECT data FROM (SELECT data FROM paper_updates WHERE consultation_id = ${consultationId} ORDER BY id) u`;
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, row.data);
  return sectionText(doc, SECTION);
}

describe.each(BACKENDS)('collaborative paper on %s', (backend) => {
  let testApp: TestApp;
  let admin: TestUser;
  let reviewer: TestUser;
  let otherReviewer: TestUser;
  let observer: TestUser;
  let outsider: TestUser;
  let consultation: TestConsultation;

  beforeAll(async () => {
    testApp = await startTestApp(backend, { COLLAB_UNLOAD_DELAY_MS: '50', COLLAB_RECHECK_MS: '200' });
    admin = await buildUser(testApp, { isOrganiser: true });
    reviewer = await buildUser(testApp, { name: 'Rita Reviewer' });
    otherReviewer = await buildUser(testApp, { name: 'Omar Other' });
    observer = await buildUser(testApp);
    outsider = await buildUser(testApp);
    consultation = await buildConsultation(testApp, admin, { phase: 'open' });
    await buildSection(testApp, consultation.id, SECTION);
    await addMember(
      testApp,
      consultation.id,
      reviewer,
      'reviewer',
      consultation.groups['Civil society organisation']!,
    );
    await addMember(
      testApp,
      consultation.id,
      otherReviewer,
      'reviewer',
      consultation.groups['Company / business']!,
    );
    await addMember(
      testApp,
      consultation.id,
      observer,
      'observer',
      consultation.groups['Academia / research']!,
    );
  });
  afterAll(() => testApp.close());

  it('lets two members using the stock y-websocket client converge', async () => {
    const a = stockClient(testApp.url, consultation.id, reviewer.token);
    const b = stockClient(testApp.url, consultation.id, otherReviewer.token);
    await eventually(() => expect(a.provider.synced && b.provider.synced).toBe(true));
    typeParagraph(a.doc, SECTION, 'From civil society.');
    typeParagraph(b.doc, SECTION, 'From a company.');
    await eventually(() => {
      expect(sectionText(a.doc, SECTION)).toBe(sectionText(b.doc, SECTION));
      expect(sectionText(a.doc, SECTION)).toContain('From civil society.');
      expect(sectionText(a.doc, SECTION)).toContain('From a company.');
    });
    await eventually(async () =>
      expect(await storedText(testApp, consultation.id)).toBe(sectionText(a.doc, SECTION)),
    );
    a.destroy();
    b.destroy();
  });

  it('refuses sockets without a session, from non-members and from foreign origins', async () => {
    const anonymous = new RawClient(testApp.url, `/collab/${consultation.id}`);
    expect(await anonymous.waitClosed()).toEqual({
      code: CLOSE_CODES.UNAUTHENTICATED,
      reason: 'Sign in to continue',
    });
    const stranger = new RawClient(testApp.url, `/collab/${consultation.id}`, { token: outsider.token });
    expect(await stranger.waitClosed()).toEqual({
      code: CLOSE_CODES.NOT_FOUND,
      reason: 'Consultation not found',
    });
    const unknownRoom = new RawClient(testApp.url, `/collab/${randomUUID()}`, { token: reviewer.token });
    expect((await unknownRoom.waitClosed()).code).toBe(CLOSE_CODES.NOT_FOUND);
    const foreign = new RawClient(testApp.url, `/collab/${consultation.id}`, {
      token: reviewer.token,
      origin: 'https://evil.example',
    });
    expect(await foreign.waitClosed()).toEqual({
      code: CLOSE_CODES.FORBIDDEN_ORIGIN,
      reason: 'Origin not allowed: set PUBLIC_URL or ALLOWED_ORIGINS',
    });
    const sameOrigin = new RawClient(testApp.url, `/collab/${consultation.id}`, {
      token: reviewer.token,
      origin: testApp.config.publicUrl,
    });
    await sameOrigin.opened;
    await eventually(() => expect(sameOrigin.messages.length).toBeGreaterThan(0));
    expect(sameOrigin.closed).toBeUndefined();
    sameOrigin.close();
  });

  it('drops an observer’s edits: never applied, stored or relayed', async () => {
    const before = await storedText(testApp, consultation.id);
    const watcher = stockClient(testApp.url, consultation.id, reviewer.token);
    const intruder = stockClient(testApp.url, consultation.id, observer.token);
    await eventually(() => expect(watcher.provider.synced && intruder.provider.synced).toBe(true));
    typeParagraph(intruder.doc, SECTION, 'OBSERVER WAS HERE');
    // Handled (and, had it been applied, relayed) before the answer; stored no later than the
    // marker typed after it.
    await roundTrip(intruder.provider);
    await roundTrip(watcher.provider);
    typeParagraph(watcher.doc, SECTION, 'reviewer marker');
    await eventually(async () =>
      expect(await storedText(testApp, consultation.id)).toContain('reviewer marker'),
    );
    expect(sectionText(watcher.doc, SECTION)).not.toContain('OBSERVER');
    expect(await storedText(testApp, consultation.id)).not.toContain('OBSERVER');
    expect(await storedText(testApp, consultation.id)).toContain(before);
    watcher.destroy();
    intruder.destroy();
  });

  it('tells acknowledging clients whether they may write and when their change is stored', async () => {
    const client = new RawClient(testApp.url, `/collab/${consultation.id}`, {
      token: reviewer.token,
      acks: true,
    });
    await eventually(() =>
      expect(client.messages.some((m) => m[0] === MESSAGE_WRITE_ACCESS && m[1] === 1)).toBe(true),
    );
    const local = new Y.Doc();
    const server = await eventually(() => {
      expect(client.storedAcks().length).toBeGreaterThan(0);
      return client;
    });
    // Catch up with the stored paper first so the edit applies cleanly.
    const full = await testApp.db.sql<{ data: Buffer }[]>`
      SELECT data FROM paper_snapshots WHERE consultation_id = ${consultation.id}
      UNION ALL SELECT data FROM (SELECT data FROM paper_updates WHERE consultation_id = ${consultation.id} ORDER BY id) u`;
    for (const row of full) Y.applyUpdate(local, row.data);
    const before = Y.encodeStateVector(local);
    typeParagraph(local, SECTION, 'acknowledged edit');
    server.sendUpdate(Y.encodeStateAsUpdate(local, before));
    await eventually(() => {
      const last = client.storedAcks().at(-1)!;
      expect(last.get(local.clientID)).toBe(Y.getState(local.store, local.clientID));
    });
    expect(await storedText(testApp, consultation.id)).toContain('acknowledged edit');
    client.close();
  });

  it('applies a role change to a connected member within seconds, on that paper only', async () => {
    const member = await buildUser(testApp);
    const other = await buildConsultation(testApp, admin, { phase: 'open' });
    await addMember(
      testApp,
      consultation.id,
      member,
      'reviewer',
      consultation.groups['State / public authority']!,
    );
    await addMember(testApp, other.id, member, 'reviewer', other.groups['State / public authority']!);
    const connect = (consultationId: string) =>
      new RawClient(testApp.url, `/collab/${consultationId}`, { token: member.token, acks: true });
    const writeAccess = (client: RawClient) =>
      client.messages.filter((m) => m[0] === MESSAGE_WRITE_ACCESS).map((m) => m[1]);
    const client = connect(consultation.id);
    const elsewhere = connect(other.id);
    await eventually(() => {
      expect(writeAccess(client)).toEqual([1]);
      expect(writeAccess(elsewhere)).toEqual([1]);
    });
    await testApp.db.sql`
      UPDATE members SET role = 'observer' WHERE user_id = ${member.id} AND consultation_id = ${consultation.id}`;
    await eventually(() => expect(writeAccess(client)).toEqual([1, 0]));
    await testApp.db
      .sql`DELETE FROM members WHERE user_id = ${member.id} AND consultation_id = ${consultation.id}`;
    expect((await client.waitClosed()).code).toBe(CLOSE_CODES.NOT_FOUND);
    // The same member's rights on another paper, checked in the same rounds, are untouched.
    expect(writeAccess(elsewhere)).toEqual([1]);
    expect(elsewhere.socket.readyState).toBe(elsewhere.socket.OPEN);
    elsewhere.close();
  });

  describe('bad input closes only the offending socket and changes nothing', () => {
    async function expectRejected(frame: Uint8Array | string, code: number, reason: RegExp) {
      const before = await storedText(testApp, consultation.id);
      const bystander = stockClient(testApp.url, consultation.id, otherReviewer.token);
      const attacker = new RawClient(testApp.url, `/collab/${consultation.id}`, { token: reviewer.token });
      await attacker.opened;
      await eventually(() => expect(bystander.provider.synced).toBe(true));
      try {
        attacker.send(frame);
        const closed = await attacker.waitClosed();
        expect(closed.code).toBe(code);
        expect(closed.reason).toMatch(reason);
        const marker = `still fine ${randomUUID()}`;
        typeParagraph(bystander.doc, SECTION, marker);
        await eventually(async () => expect(await storedText(testApp, consultation.id)).toContain(marker));
        expect(bystander.provider.wsconnected).toBe(true);
        expect(await storedText(testApp, consultation.id)).toBe(before ? `${before}\n${marker}` : marker);
      } finally {
        bystander.destroy();
        attacker.close();
      }
    }

    it('garbage bytes', () =>
      expectRejected(new Uint8Array([0, 9, 255, 255, 255, 255, 1]), CLOSE_CODES.BAD_MESSAGE, /./));
    it('a truncated sync frame', () =>
      expectRejected(new Uint8Array([0, 2, 50, 1, 2]), CLOSE_CODES.BAD_MESSAGE, /Truncated/));
    it('an unknown message type', () =>
      expectRejected(new Uint8Array([42, 0]), CLOSE_CODES.BAD_MESSAGE, /Unknown message type/));
    it('a text frame', () => expectRejected('{"hello":1}', CLOSE_CODES.UNSUPPORTED_DATA, /Binary/));
    it('a zero-length update', () =>
      expectRejected(new Uint8Array([0, 2, 0]), CLOSE_CODES.BAD_MESSAGE, /empty update/));
    it('an update a paper may not hold', () => {
      const detached = new Y.Doc();
      const before = Y.encodeStateVector(detached);
      detached.getXmlFragment(`section:${SECTION}`).insert(0, [new Y.XmlElement('paragraph')]);
      (detached.getXmlFragment(`section:${SECTION}`).get(0) as Y.XmlElement).setAttribute(
        'embedded',
        new Y.Doc() as unknown as string,
      );
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(detached, before));
      return expectRejected(encoding.toUint8Array(encoder), CLOSE_CODES.BAD_MESSAGE, /unsupported content/);
    });
  });

  it('closes with 1009 on a frame over the size limit', async () => {
    const small = await startTestApp(backend, { COLLAB_MAX_MESSAGE_BYTES: '2048' });
    try {
      const user = await buildUser(small, { isOrganiser: true });
      const room = await buildConsultation(small, user);
      const client = new RawClient(small.url, `/collab/${room.id}`, { token: user.token });
      await client.opened;
      client.send(new Uint8Array(4096));
      expect((await client.waitClosed()).code).toBe(CLOSE_CODES.MESSAGE_TOO_BIG);
    } finally {
      await small.close();
    }
  });

  it('unloads a paper once its last client has left', async () => {
    const registry = testApp.app.get(PaperRegistry);
    const client = stockClient(testApp.url, consultation.id, reviewer.token);
    await eventually(() => expect(client.provider.synced).toBe(true));
    expect(registry.isLoaded(consultation.id)).toBe(true);
    client.destroy();
    await eventually(() => expect(registry.isLoaded(consultation.id)).toBe(false));
  });

  it('lets an unloaded paper be garbage-collected although its last socket is still referenced', async () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const registry = testApp.app.get(PaperRegistry);
    const client = stockClient(testApp.url, consultation.id, reviewer.token);
    await eventually(() => expect(client.provider.synced).toBe(true));
    const paper = new WeakRef(await registry.acquire(consultation.id, 'chatham'));
    client.destroy();
    await eventually(() => expect(registry.isLoaded(consultation.id)).toBe(false));
    await eventually(async () => {
      // A WeakRef target survives until the current job ends, so collect on a later turn.
      await new Promise((resolve) => setImmediate(resolve));
      collectGarbage();
      expect(paper.deref()).toBeUndefined();
    });
  });
});

describe('durability across restarts', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cw-collab-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps every stored change after the server restarts', async () => {
    const first = await startTestApp('pglite', { DATA_DIR: dataDir });
    const user = await buildUser(first, { isOrganiser: true, email: 'durable@example.org' });
    const room = await buildConsultation(first, user);
    await buildSection(first, room.id, SECTION);
    const client = stockClient(first.url, room.id, user.token);
    await eventually(() => expect(client.provider.synced).toBe(true));
    for (let i = 0; i < 20; i++) typeParagraph(client.doc, SECTION, `line ${i}`);
    await eventually(async () => expect(await storedText(first, room.id)).toContain('line 19'));
    client.destroy();
    await first.close();

    const second = await startTestApp('pglite', { DATA_DIR: dataDir });
    try {
      const again = await buildUser(second, { email: 'durable2@example.org' });
      await addMember(second, room.id, again, 'reviewer', room.groups['Other']!);
      const reader = stockClient(second.url, room.id, again.token);
      await eventually(() => expect(reader.provider.synced).toBe(true));
      const text = sectionText(reader.doc, SECTION);
      expect(text.split('\n')).toEqual(Array.from({ length: 20 }, (_, i) => `line ${i}`));
      reader.destroy();
    } finally {
      await second.close();
    }
  });
});
