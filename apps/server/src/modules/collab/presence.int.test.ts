import { randomUUID } from 'node:crypto';
import { CLOSE_CODES, MESSAGE_AWARENESS } from '@cw/shared';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  buildConsultation,
  buildUser,
  type TestConsultation,
  type TestUser,
} from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { eventually, RawClient, stockClient } from '../../test/ws-clients.js';
import { encodeAwarenessUpdate } from './awareness-states.js';

const SECTION = randomUUID();
const cursor = {
  anchor: { type: null, tname: `section:${SECTION}`, item: null, assoc: 0 },
  head: { type: null, tname: `section:${SECTION}`, item: null, assoc: 0 },
};

function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(
    encoder,
    encodeAwarenessUpdate([{ clientId, clock, state: state as Record<string, unknown> }]),
  );
  return encoding.toUint8Array(encoder);
}

describe.each(BACKENDS)('presence on %s', (backend) => {
  let testApp: TestApp;
  let admin: TestUser;
  let editor: TestUser;
  let rita: TestUser;
  let carl: TestUser;

  async function consultationIn(mode: 'named' | 'chatham' | 'anonymous'): Promise<TestConsultation> {
    const consultation = await buildConsultation(testApp, admin, { attributionMode: mode });
    await addMember(testApp, consultation.id, editor, 'editor', consultation.groups['Other']!);
    await addMember(
      testApp,
      consultation.id,
      rita,
      'reviewer',
      consultation.groups['Civil society organisation']!,
    );
    await addMember(testApp, consultation.id, carl, 'reviewer', consultation.groups['Company / business']!);
    return consultation;
  }

  beforeAll(async () => {
    testApp = await startTestApp(backend);
    admin = await buildUser(testApp, { isOrganiser: true, name: 'Ada Admin' });
    editor = await buildUser(testApp, { name: 'Eve Editor' });
    rita = await buildUser(testApp, { name: 'Rita Reviewer' });
    carl = await buildUser(testApp, { name: 'Carl Company' });
  });
  afterAll(() => testApp.close());

  /** Rita announces herself (claiming another name); returns what `viewer` receives of her. */
  async function ritaAsSeenBy(consultation: TestConsultation, viewer: TestUser) {
    const watcher = new RawClient(testApp.url, `/collab/${consultation.id}`, { token: viewer.token });
    const speaker = stockClient(testApp.url, consultation.id, rita.token);
    try {
      await eventually(() => expect(speaker.provider.synced).toBe(true));
      speaker.provider.awareness.setLocalState({ user: { name: 'Carl Company', id: carl.id }, cursor });
      const watched = stockClient(testApp.url, consultation.id, viewer.token);
      try {
        const state = await eventually(() => {
          const remote = watched.provider.awareness.getStates().get(speaker.doc.clientID);
          expect(remote?.user).toBeDefined();
          return remote!;
        });
        const raw = Buffer.concat(watcher.messages.map((message) => Buffer.from(message))).toString('latin1');
        return { state, raw };
      } finally {
        watched.destroy();
      }
    } finally {
      speaker.destroy();
      watcher.close();
    }
  }

  it('shows reviewers only a k-anonymous group label in chatham mode, never a name or id', async () => {
    const consultation = await consultationIn('chatham');
    const { state, raw } = await ritaAsSeenBy(consultation, carl);
    // Four members in groups of one: even pooled they are fewer than k = 5.
    expect(state.user).toEqual({
      name: 'A participant',
      group: 'A participant',
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });
    expect(state.cursor).toEqual(cursor);
    for (const secret of ['Rita', rita.id, rita.email, carl.id, 'Civil society'])
      expect(raw).not.toContain(secret);
  });

  it('shows editors the real name in chatham mode and nobody in anonymous mode', async () => {
    const chatham = await consultationIn('chatham');
    expect((await ritaAsSeenBy(chatham, editor)).state.user).toMatchObject({ name: 'Rita Reviewer' });
    const anonymous = await consultationIn('anonymous');
    const seen = await ritaAsSeenBy(anonymous, editor);
    expect(seen.state.user).toMatchObject({ name: 'A participant' });
    expect(seen.raw).not.toContain('Rita');
  });

  it('shows names to everyone in named mode, and never the name a client claims', async () => {
    const named = await consultationIn('named');
    const { state } = await ritaAsSeenBy(named, carl);
    expect(state.user).toMatchObject({ name: 'Rita Reviewer', group: 'Civil society organisation' });
    expect(JSON.stringify(state)).not.toContain(carl.id);
  });

  it('gives each one present a colour of their own, the same for every viewer', async () => {
    const consultation = await consultationIn('chatham');
    const clients = [rita, carl, admin].map((user) => stockClient(testApp.url, consultation.id, user.token));
    const viewers = [editor, carl].map((user) => stockClient(testApp.url, consultation.id, user.token));
    for (const client of clients) client.provider.awareness.setLocalState({ cursor: null });
    try {
      const colours = (viewer: ReturnType<typeof stockClient>) =>
        clients.map(
          (client) =>
            (viewer.provider.awareness.getStates().get(client.doc.clientID)?.user as { color?: string })
              ?.color,
        );
      // The editor sees names, the reviewer labels: the colours are the server's, not the view's.
      const [byName, byLabel] = await eventually(() => {
        const seen = viewers.map(colours);
        for (const view of seen) for (const colour of view) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
        return seen;
      });
      expect(byLabel).toEqual(byName);
      expect(new Set(byName).size).toBe(3);
    } finally {
      for (const client of [...clients, ...viewers]) client.destroy();
    }
  });

  it('never lets one socket speak for another socket’s awareness client', async () => {
    const consultation = await consultationIn('chatham');
    const honest = stockClient(testApp.url, consultation.id, rita.token);
    await eventually(() => expect(honest.provider.synced).toBe(true));
    honest.provider.awareness.setLocalState({ cursor });
    const impostor = new RawClient(testApp.url, `/collab/${consultation.id}`, { token: carl.token });
    await impostor.opened;
    await eventually(() => expect(impostor.messages.some((m) => m[0] === MESSAGE_AWARENESS)).toBe(true));
    impostor.send(awarenessFrame(honest.doc.clientID, 999, { cursor: null }));
    const observer = stockClient(testApp.url, consultation.id, editor.token);
    await eventually(() => {
      const state = observer.provider.awareness.getStates().get(honest.doc.clientID);
      expect(state?.cursor).toEqual(cursor);
      expect(state?.user).toMatchObject({ name: 'Rita Reviewer' });
    });
    expect(impostor.closed).toBeUndefined();
    observer.destroy();
    impostor.close();
    honest.destroy();
  });

  it('closes a socket whose awareness state is too large', async () => {
    const consultation = await consultationIn('chatham');
    const client = new RawClient(testApp.url, `/collab/${consultation.id}`, { token: rita.token });
    await client.opened;
    client.send(awarenessFrame(1234, 1, { cursor, padding: 'x'.repeat(10_000) }));
    expect(await client.waitClosed()).toMatchObject({
      code: CLOSE_CODES.MESSAGE_TOO_BIG,
      reason: 'Awareness state too large',
    });
  });

  it('drops awareness floods and disconnects a client that keeps flooding', async () => {
    const consultation = await consultationIn('chatham');
    const watcher = new RawClient(testApp.url, `/collab/${consultation.id}`, { token: carl.token });
    const flooder = new RawClient(testApp.url, `/collab/${consultation.id}`, { token: rita.token });
    await Promise.all([watcher.opened, flooder.opened]);
    for (let clock = 1; clock <= 500 && !flooder.closed; clock++)
      flooder.send(awarenessFrame(4321, clock, { cursor }));
    expect(await flooder.waitClosed()).toMatchObject({ code: CLOSE_CODES.RATE_LIMITED });
    const relayed = watcher.messages.filter((message) => message[0] === MESSAGE_AWARENESS).length;
    expect(relayed).toBeLessThan(100);
    watcher.close();
  });
});
