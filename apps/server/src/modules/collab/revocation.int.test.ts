import { CLOSE_CODES, MESSAGE_SYNC, MESSAGE_WRITE_ACCESS } from '@cw/shared';
import * as encoding from 'lib0/encoding';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  addMember,
  buildConsultation,
  buildSection,
  buildUser,
  createSection,
  type TestConsultation,
  type TestUser,
} from '../../test/factories.js';
import { ApiClient } from '../../test/http-client.js';
import { RedisServer } from '../../test/redis-server.js';
import { PROCESS_ORGANISER, ServerProcess } from '../../test/server-process.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { eventually, RawClient, sectionText, typeParagraph } from '../../test/ws-clients.js';

/** The periodic re-check is pushed out of the way: whatever happens here happens at once. */
const NO_PERIODIC_RECHECK = { COLLAB_RECHECK_MS: '600000' };

/** The write-access values the server announced to this socket, in order. */
function writeAccess(client: RawClient): number[] {
  return client.messages
    .filter((message) => message[0] === MESSAGE_WRITE_ACCESS)
    .map((message) => message[1]!);
}

/** A member's paper socket with a document synced to the stored paper, sending hand-made edits. */
class Editor {
  readonly doc = new Y.Doc();
  readonly client: RawClient;

  constructor(baseUrl: string, consultationId: string, token: string) {
    this.client = new RawClient(baseUrl, `/collab/${consultationId}`, { token, acks: true });
  }

  type(sectionId: string, text: string): void {
    const before = Y.encodeStateVector(this.doc);
    typeParagraph(this.doc, sectionId, text);
    this.client.sendUpdate(Y.encodeStateAsUpdate(this.doc, before));
  }

  /** Sends a sync step 1 and waits for the answer: everything sent before has been handled. */
  async roundTrip(): Promise<void> {
    const isAnswer = (message: Uint8Array) =>
      message[0] === MESSAGE_SYNC && message[1] === syncProtocol.messageYjsSyncStep2;
    const answered = this.client.messages.filter(isAnswer).length;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, new Y.Doc());
    this.client.send(encoding.toUint8Array(encoder));
    await eventually(() => expect(this.client.messages.filter(isAnswer).length).toBe(answered + 1));
  }
}

describe.each(BACKENDS)('rights changes reach open sockets at once on %s', (backend) => {
  let testApp: TestApp;
  let admin: TestUser;
  let consultation: TestConsultation;
  let section: string;

  async function member(
    role: 'reviewer' | 'editor' = 'reviewer',
  ): Promise<{ user: TestUser; memberId: string }> {
    const user = await buildUser(testApp);
    await addMember(testApp, consultation.id, user, role, consultation.groups['Civil society organisation']!);
    const [row] = await testApp.db.sql<{ id: string }[]>`
      SELECT id FROM members WHERE consultation_id = ${consultation.id} AND user_id = ${user.id}`;
    return { user, memberId: row!.id };
  }

  async function storedText(): Promise<string> {
    const rows = await testApp.db.sql<{ data: Buffer }[]>`
      SELECT data FROM paper_snapshots WHERE consultation_id = ${consultation.id}
      UNION ALL SELECT data FROM (SELECT data FROM paper_updates WHERE consultation_id = ${consultation.id} ORDER BY id) u`;
    const doc = new Y.Doc();
    for (const row of rows) Y.applyUpdate(doc, row.data);
    return sectionText(doc, section);
  }

  beforeAll(async () => {
    testApp = await startTestApp(backend, NO_PERIODIC_RECHECK);
    admin = await buildUser(testApp, { isOrganiser: true });
    consultation = await buildConsultation(testApp, admin, { phase: 'open' });
    section = await buildSection(testApp, consultation.id);
  });
  afterAll(() => testApp.close());

  it('takes write access from a member demoted while typing: nothing typed after that is stored', async () => {
    const { user, memberId } = await member();
    const editor = new Editor(testApp.url, consultation.id, user.token);
    await eventually(() => expect(writeAccess(editor.client)).toEqual([1]));
    editor.type(section, 'before the demotion');
    await editor.roundTrip();
    const demoted = await admin.api.patch(`/api/consultations/${consultation.id}/members/${memberId}`, {
      role: 'observer',
    });
    expect(demoted.status).toBe(200);
    await eventually(() => expect(writeAccess(editor.client)).toEqual([1, 0]));
    editor.type(section, 'after the demotion');
    await editor.roundTrip();
    await eventually(async () => expect(await storedText()).toContain('before the demotion'));
    expect(await storedText()).not.toContain('after the demotion');
    editor.client.close();
  });

  it('closes the paper and live-event sockets of a removed member', async () => {
    const { user, memberId } = await member();
    const paper = new RawClient(testApp.url, `/collab/${consultation.id}`, { token: user.token });
    const events = new RawClient(testApp.url, `/events/${consultation.id}`, { token: user.token });
    await Promise.all([paper.opened, events.opened]);
    await eventually(() => expect(paper.messages.length).toBeGreaterThan(0));
    events.send('ping');
    await eventually(() => expect(events.messages.length).toBeGreaterThan(0));
    expect((await admin.api.delete(`/api/consultations/${consultation.id}/members/${memberId}`)).status).toBe(
      204,
    );
    expect((await paper.waitClosed()).code).toBe(CLOSE_CODES.NOT_FOUND);
    expect((await events.waitClosed()).code).toBe(CLOSE_CODES.NOT_FOUND);
  });

  it('closes every socket of a session that signed out, and only those', async () => {
    const { user } = await member();
    const other = await new ApiClient(testApp.url).post('/api/auth/login', {
      email: user.email,
      password: 'correct horse battery',
    });
    const paper = new RawClient(testApp.url, `/collab/${consultation.id}`, { token: user.token });
    const events = new RawClient(testApp.url, `/events/${consultation.id}`, { token: user.token });
    const elsewhere = new RawClient(testApp.url, `/collab/${consultation.id}`, { token: other.body.token });
    await Promise.all([paper.opened, events.opened, elsewhere.opened]);
    await eventually(() => expect(elsewhere.messages.length).toBeGreaterThan(0));
    expect((await user.api.post('/api/auth/logout')).status).toBe(204);
    expect(await paper.waitClosed()).toEqual({ code: CLOSE_CODES.UNAUTHENTICATED, reason: 'Session ended' });
    expect((await events.waitClosed()).code).toBe(CLOSE_CODES.UNAUTHENTICATED);
    expect(elsewhere.closed).toBeUndefined();
    elsewhere.close();
  });

  it('closes a socket when its session expires', async () => {
    const { user } = await member();
    await testApp.db.sql`
      UPDATE sessions SET expires_at = now() + interval '1 second'
      WHERE user_id = ${user.id}`;
    const paper = new RawClient(testApp.url, `/collab/${consultation.id}`, { token: user.token });
    await paper.opened;
    expect(await paper.waitClosed()).toEqual({
      code: CLOSE_CODES.UNAUTHENTICATED,
      reason: 'Session expired',
    });
  });

  it('keeps reviewers to comments while the consultation says so, and editors editing', async () => {
    const { user } = await member();
    const { user: editorUser } = await member('editor');
    const reviewer = new Editor(testApp.url, consultation.id, user.token);
    const editor = new Editor(testApp.url, consultation.id, editorUser.token);
    await eventually(() => expect(writeAccess(reviewer.client)).toEqual([1]));
    await eventually(() => expect(writeAccess(editor.client)).toEqual([1]));

    const toComments = await admin.api.patch(`/api/consultations/${consultation.id}`, {
      textChanges: 'comment',
    });
    expect(toComments.status).toBe(200);
    expect(toComments.body).toMatchObject({ textChanges: 'comment' });
    await eventually(() => expect(writeAccess(reviewer.client)).toEqual([1, 0]));
    reviewer.type(section, 'a reviewer rewriting while only comments are asked for');
    editor.type(section, 'an editor consolidating');
    await reviewer.roundTrip();
    await editor.roundTrip();
    await eventually(async () => expect(await storedText()).toContain('an editor consolidating'));
    expect(await storedText()).not.toContain('a reviewer rewriting');
    expect(writeAccess(editor.client)).toEqual([1]);

    // A reviewer who opens the paper now is read-only from the start.
    const latecomer = new Editor(testApp.url, consultation.id, user.token);
    await eventually(() => expect(writeAccess(latecomer.client)).toEqual([0]));

    expect(
      (await admin.api.patch(`/api/consultations/${consultation.id}`, { textChanges: 'edit' })).status,
    ).toBe(200);
    await eventually(() => expect(writeAccess(reviewer.client)).toEqual([1, 0, 1]));
    // The first socket's refused edit stays in its own copy; the latecomer has none.
    await eventually(() => expect(writeAccess(latecomer.client)).toEqual([0, 1]));
    latecomer.type(section, 'a reviewer editing again');
    await latecomer.roundTrip();
    await eventually(async () => expect(await storedText()).toContain('a reviewer editing again'));
    for (const client of [reviewer, editor, latecomer]) client.client.close();
  });

  it('refuses a text change mode it does not know, and lets only admins set it', async () => {
    const unknown = await admin.api.patch(`/api/consultations/${consultation.id}`, {
      textChanges: 'rewrite',
    });
    expect(unknown.status).toBe(400);
    const { user: editorUser } = await member('editor');
    const byEditor = await editorUser.api.patch(`/api/consultations/${consultation.id}`, {
      textChanges: 'comment',
    });
    expect(byEditor.status).toBe(403);
    const detail = await admin.api.get(`/api/consultations/${consultation.id}`);
    expect(detail.body).toMatchObject({ textChanges: 'edit' });
  });

  it('takes write access from everyone when the consultation closes', async () => {
    const { user } = await member();
    const room = await buildConsultation(testApp, admin, { phase: 'open' });
    await addMember(testApp, room.id, user, 'reviewer', room.groups['Other']!);
    const editor = new Editor(testApp.url, room.id, user.token);
    await eventually(() => expect(writeAccess(editor.client)).toEqual([1]));
    expect((await admin.api.post(`/api/consultations/${room.id}/phase`, { phase: 'closed' })).status).toBe(
      200,
    );
    await eventually(() => expect(writeAccess(editor.client)).toEqual([1, 0]));
    editor.client.close();
  });
});

/** Two instances sharing Postgres and Redis: a change made through one reaches sockets on the other. */
describe.skipIf(!process.env.TEST_DATABASE_URL)('rights changes across instances', () => {
  let database: TestDatabase;
  let redis: RedisServer;
  let sql: postgres.Sql;
  const instances: ServerProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    sql = postgres(database.url!, { max: 1, onnotice: () => undefined });
    redis = await RedisServer.start();
    const env = {
      PORT: '0',
      DATABASE_URL: database.url!,
      REDIS_URL: redis.url,
      BOOTSTRAP_ADMIN_EMAIL: PROCESS_ORGANISER.email,
      BOOTSTRAP_ADMIN_PASSWORD: PROCESS_ORGANISER.password,
      PASSWORD_HASH_MEMORY_KIB: '1024',
      ...NO_PERIODIC_RECHECK,
    };
    // One at a time: the first applies the migrations.
    for (let i = 0; i < 2; i++) {
      instances.push(new ServerProcess(env));
      await instances[i]!.start();
    }
  });
  afterAll(async () => {
    for (const instance of instances) await instance.stop();
    await redis.kill();
    await sql.end();
    await database.drop();
  });

  it('demoting a member through one instance stops their edits on the other', async () => {
    const [a, b] = instances.map((instance) => instance.url);
    const token = (await new ApiClient(a!).post('/api/auth/login', PROCESS_ORGANISER)).body.token as string;
    const api = new ApiClient(a!, token);
    const consultationId = (await api.post('/api/consultations', { title: 'Across', textChanges: 'edit' }))
      .body.id as string;
    await api.post(`/api/consultations/${consultationId}/phase`, { phase: 'open' });
    const section = await createSection(api, consultationId);
    const invitation = await api.post(`/api/consultations/${consultationId}/invitations`, {
      role: 'reviewer',
      groupId: (await api.get(`/api/consultations/${consultationId}`)).body.groups[0].id,
    });
    const reviewer = { email: 'rita@example.org', password: 'rita password 1' };
    await new ApiClient(a!).post(`/api/invitations/${invitation.body.token}/signup`, {
      name: 'Rita',
      ...reviewer,
    });
    const reviewerToken = (await new ApiClient(a!).post('/api/auth/login', reviewer)).body.token as string;
    const memberId = (
      (await api.get(`/api/consultations/${consultationId}/members`)).body as Array<{
        id: string;
        name: string;
      }>
    ).find((row) => row.name === 'Rita')!.id;

    const editor = new Editor(b!, consultationId, reviewerToken);
    await eventually(() => expect(writeAccess(editor.client)).toEqual([1]));
    editor.type(section, 'before');
    await editor.roundTrip();
    expect(
      (await api.patch(`/api/consultations/${consultationId}/members/${memberId}`, { role: 'observer' }))
        .status,
    ).toBe(200);
    await eventually(() => expect(writeAccess(editor.client)).toEqual([1, 0]));
    editor.type(section, 'after');
    await editor.roundTrip();
    const storedText = async () => {
      const doc = new Y.Doc();
      for (const row of await sql<{ data: Buffer }[]>`
        SELECT data FROM paper_updates WHERE consultation_id = ${consultationId} ORDER BY id`)
        Y.applyUpdate(doc, row.data);
      return sectionText(doc, section);
    };
    await eventually(async () => expect(await storedText()).toContain('before'));
    expect(await storedText()).not.toContain('after');
    editor.client.close();
  });
});
