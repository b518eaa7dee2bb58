import { CLOSE_CODES, MESSAGE_AWARENESS, MESSAGE_SYNC } from '@cw/shared';
import * as encoding from 'lib0/encoding';
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
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { eventually, RawClient, sectionText, stockClient, typeParagraph } from '../../test/ws-clients.js';
import { encodeAwarenessUpdate } from './awareness-states.js';
import { PaperRegistry } from './paper-registry.service.js';

const KIB = 1024;
const EDIT_BUDGET = 128 * KIB;
const MAX_PAPER = 192 * KIB;

/** The update a change to `doc` makes. */
function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change();
  return Y.encodeStateAsUpdate(doc, before);
}

/** A sync step 1 the client sends: the server answers with a step 2, proof it read what came before. */
function step1Frame(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

const isStep = (message: Uint8Array, step: number) => message[0] === MESSAGE_SYNC && message[1] === step;

/** Sends a step 1 and waits for its answer: every frame sent before has been handled. */
async function roundTrip(client: RawClient, doc: Y.Doc): Promise<void> {
  const answered = client.messages.filter((message) =>
    isStep(message, syncProtocol.messageYjsSyncStep2),
  ).length;
  client.send(step1Frame(doc));
  await eventually(() =>
    expect(
      client.messages.filter((message) => isStep(message, syncProtocol.messageYjsSyncStep2)).length,
    ).toBe(answered + 1),
  );
}

describe.each(BACKENDS)('paper limits on %s', (backend) => {
  let testApp: TestApp;
  let admin: TestUser;
  let rita: TestUser;
  let carl: TestUser;

  async function paper(): Promise<{ consultation: TestConsultation; section: string }> {
    const consultation = await buildConsultation(testApp, admin);
    await addMember(
      testApp,
      consultation.id,
      rita,
      'reviewer',
      consultation.groups['Civil society organisation']!,
    );
    await addMember(testApp, consultation.id, carl, 'reviewer', consultation.groups['Company / business']!);
    return { consultation, section: await buildSection(testApp, consultation.id) };
  }

  async function storedText(consultationId: string, section: string): Promise<string> {
    const state = await testApp.app.get(PaperRegistry).storedState(consultationId);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return sectionText(doc, section);
  }

  /** A raw client with a document synced to the paper, ready to send hand-made updates. */
  async function writer(user: TestUser, consultationId: string) {
    const doc = new Y.Doc();
    const reader = stockClient(testApp.url, consultationId, user.token, doc);
    await eventually(() => expect(reader.provider.synced).toBe(true));
    reader.destroy();
    const client = new RawClient(testApp.url, `/collab/${consultationId}`, { token: user.token });
    await client.opened;
    return { doc, client };
  }

  beforeAll(async () => {
    testApp = await startTestApp(backend, {
      COLLAB_EDIT_BYTES_PER_MINUTE: String(EDIT_BUDGET),
      COLLAB_MAX_PAPER_BYTES: String(MAX_PAPER),
      COLLAB_AWARENESS_PER_SECOND: '2',
      COLLAB_HOLD_MS: '1500',
    });
    admin = await buildUser(testApp, { isOrganiser: true });
    rita = await buildUser(testApp, { name: 'Rita Reviewer' });
    carl = await buildUser(testApp, { name: 'Carl Company' });
  });
  afterAll(() => testApp.close());

  it('closes a member past the edit budget with 4429, storing nothing of the refused edit; others go on', async () => {
    const { consultation, section } = await paper();
    const { doc, client } = await writer(rita, consultation.id);
    const chunk = 'b'.repeat(40 * KIB);
    for (let i = 0; i < 4 && !client.closed; i++) {
      client.sendUpdate(updateOf(doc, () => typeParagraph(doc, section, `${i}:${chunk}`)));
    }
    expect(await client.waitClosed()).toEqual({
      code: CLOSE_CODES.RATE_LIMITED,
      reason: 'Edit budget exceeded: try again in a minute',
    });
    const other = stockClient(testApp.url, consultation.id, carl.token);
    await eventually(() => expect(other.provider.synced).toBe(true));
    typeParagraph(other.doc, section, 'carl goes on');
    await eventually(async () =>
      expect(await storedText(consultation.id, section)).toContain('carl goes on'),
    );
    const stored = await storedText(consultation.id, section);
    expect(stored).toContain(`2:${chunk}`);
    expect(stored).not.toContain(`3:${chunk}`);
    other.destroy();
  });

  it('refuses with 4413 an edit larger than a whole minute of the budget', async () => {
    const { consultation, section } = await paper();
    const { doc, client } = await writer(rita, consultation.id);
    client.sendUpdate(updateOf(doc, () => typeParagraph(doc, section, 'c'.repeat(EDIT_BUDGET + KIB))));
    expect(await client.waitClosed()).toEqual({
      code: CLOSE_CODES.TOO_LARGE,
      reason: 'Edit larger than a minute of the edit budget',
    });
    expect(await storedText(consultation.id, section)).not.toContain('ccc');
  });

  it('keeps the paper under its size limit, while deletions still pass and make room again', async () => {
    const { consultation, section } = await paper();
    const chunk = 'd'.repeat(50 * KIB);
    const first = await writer(rita, consultation.id);
    for (let i = 0; i < 2; i++) {
      first.client.sendUpdate(updateOf(first.doc, () => typeParagraph(first.doc, section, `${i}:${chunk}`)));
    }
    await roundTrip(first.client, first.doc);
    const second = await writer(carl, consultation.id);
    second.client.sendUpdate(updateOf(second.doc, () => typeParagraph(second.doc, section, `2:${chunk}`)));
    await roundTrip(second.client, second.doc);
    second.client.sendUpdate(updateOf(second.doc, () => typeParagraph(second.doc, section, `3:${chunk}`)));
    expect(await second.client.waitClosed()).toEqual({
      code: CLOSE_CODES.TOO_LARGE,
      reason: 'The paper has reached its size limit',
    });
    // Deleting is never refused, and makes room.
    const third = await writer(admin, consultation.id);
    third.client.sendUpdate(
      updateOf(third.doc, () => third.doc.getXmlFragment(`section:${section}`).delete(0, 2)),
    );
    third.client.sendUpdate(updateOf(third.doc, () => typeParagraph(third.doc, section, `again:${chunk}`)));
    await roundTrip(third.client, third.doc);
    expect(third.client.closed).toBeUndefined();
    const stored = await storedText(consultation.id, section);
    expect(stored).not.toContain(`0:${chunk}`);
    expect(stored).toContain(`2:${chunk}`);
    expect(stored).toContain(`again:${chunk}`);
    expect(stored).not.toContain(`3:${chunk}`);
    first.client.close();
    third.client.close();
  });

  it('refuses updates into a root that is not a section, storing and relaying nothing', async () => {
    const { consultation, section } = await paper();
    const watcher = stockClient(testApp.url, consultation.id, carl.token);
    await eventually(() => expect(watcher.provider.synced).toBe(true));
    for (const change of [
      (doc: Y.Doc) => doc.getMap('settings').set('isAdmin', true),
      (doc: Y.Doc) => typeParagraph(doc, crypto.randomUUID(), 'where no page shows it'),
    ]) {
      const { doc, client } = await writer(rita, consultation.id);
      client.sendUpdate(updateOf(doc, () => change(doc)));
      expect(await client.waitClosed()).toEqual({
        code: CLOSE_CODES.BAD_MESSAGE,
        reason: 'Rejected update: not a section of this paper',
      });
    }
    typeParagraph(watcher.doc, section, 'marker');
    await eventually(async () => expect(await storedText(consultation.id, section)).toBe('marker'));
    const stored = new Y.Doc();
    Y.applyUpdate(stored, await testApp.app.get(PaperRegistry).storedState(consultation.id));
    expect([...stored.share.keys()]).toEqual([`section:${section}`]);
    expect([...watcher.doc.share.keys()].filter((name) => name !== `section:${section}`)).toEqual([]);
    watcher.destroy();
  });

  it('takes edits in a section added a moment ago', async () => {
    const { consultation } = await paper();
    const client = stockClient(testApp.url, consultation.id, admin.token);
    await eventually(() => expect(client.provider.synced).toBe(true));
    const added = await createSection(admin.api, consultation.id);
    typeParagraph(client.doc, added, 'in the new section');
    await eventually(async () => expect(await storedText(consultation.id, added)).toBe('in the new section'));
    expect(client.provider.wsconnected).toBe(true);
    client.destroy();
  });

  it('holds an update that came before what it builds on, and applies both once that arrives', async () => {
    const { consultation, section } = await paper();
    const { doc, client } = await writer(rita, consultation.id);
    const first = updateOf(doc, () => typeParagraph(doc, section, 'first'));
    const second = updateOf(doc, () => typeParagraph(doc, section, 'second'));
    client.sendUpdate(second);
    await roundTrip(client, new Y.Doc());
    expect(client.closed).toBeUndefined();
    expect(await storedText(consultation.id, section)).toBe('');
    client.sendUpdate(first, syncProtocol.messageYjsSyncStep2);
    await eventually(async () => expect(await storedText(consultation.id, section)).toBe('first\nsecond'));
    client.close();
  });

  it('asks again when what a held update builds on never comes, and takes it from the answer', async () => {
    const { consultation, section } = await paper();
    const { doc, client } = await writer(rita, consultation.id);
    updateOf(doc, () => typeParagraph(doc, section, 'never sent'));
    const second = updateOf(doc, () => typeParagraph(doc, section, 'built on it'));
    const asked = client.messages.filter((message) =>
      isStep(message, syncProtocol.messageYjsSyncStep1),
    ).length;
    client.sendUpdate(second);
    // COLLAB_HOLD_MS later the server drops it and sends a sync step 1 again.
    await eventually(() =>
      expect(
        client.messages.filter((message) => isStep(message, syncProtocol.messageYjsSyncStep1)).length,
      ).toBe(asked + 1),
    );
    expect(client.closed).toBeUndefined();
    expect(await storedText(consultation.id, section)).toBe('');
    // The answer a client gives to that step 1: everything it has.
    client.sendUpdate(Y.encodeStateAsUpdate(doc), syncProtocol.messageYjsSyncStep2);
    await eventually(async () =>
      expect(await storedText(consultation.id, section)).toBe('never sent\nbuilt on it'),
    );
    client.close();
  });

  it('closes a socket that keeps sending its presence at several times its rate', async () => {
    const { consultation } = await paper();
    const client = new RawClient(testApp.url, `/collab/${consultation.id}`, { token: rita.token });
    await client.opened;
    // 20 a second against 2 allowed: each refill lets one through, so it is never a burst of drops.
    for (let clock = 1; !client.closed && clock < 400; clock++) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(
        encoder,
        encodeAwarenessUpdate([{ clientId: 777, clock, state: { cursor: null } }]),
      );
      client.send(encoding.toUint8Array(encoder));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await client.waitClosed()).toEqual({
      code: CLOSE_CODES.RATE_LIMITED,
      reason: 'Too many awareness messages',
    });
  });
});

describe.each(BACKENDS)('the default limits on %s', (backend) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp(backend);
  });
  afterAll(() => testApp.close());

  it('take a pasted chapter of some thirty pages and the typing after it', async () => {
    const admin = await buildUser(testApp, { isOrganiser: true });
    const consultation = await buildConsultation(testApp, admin);
    const section = await buildSection(testApp, consultation.id);
    const client = stockClient(testApp.url, consultation.id, admin.token);
    await eventually(() => expect(client.provider.synced).toBe(true));
    const sentence = 'States should set out clearly the expectation that businesses respect human rights. ';
    const chapter = Array.from({ length: 300 }, (_, i) => `${i} ${sentence.repeat(8)}`);
    client.doc.transact(() => {
      for (const paragraph of chapter) typeParagraph(client.doc, section, paragraph);
    });
    typeParagraph(client.doc, section, 'typed after the paste');
    const registry = testApp.app.get(PaperRegistry);
    await eventually(async () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await registry.storedState(consultation.id));
      expect(sectionText(doc, section).split('\n')).toEqual([...chapter, 'typed after the paste']);
    }, 15_000);
    expect(client.provider.wsconnected).toBe(true);
    client.destroy();
  });
});
