import { EVENTS_PATH, type Notification, type Thread, type VersionSummary } from '@cw/shared';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { anchorFor, buildThreadWorld, type ThreadWorld } from '../../test/thread-fixtures.js';
import { eventually, RawClient, stockClient, typeParagraph } from '../../test/ws-clients.js';

const EARLIER = 'We gave this under the Chatham House rule';
const LATER = 'Said openly, now that names are shown';

async function download(testApp: TestApp, user: TestUser, path: string): Promise<string> {
  const response = await fetch(testApp.url + path, { headers: { authorization: `Bearer ${user.token}` } });
  expect(response.status, path).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (!path.includes('docx')) return bytes.toString('utf8');
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.values(zip.files).filter((file) => !file.dir);
  return (await Promise.all(parts.map((file) => file.async('string')))).join('\n');
}

/**
 * Chatham House → named. Everything given before the switch — comments, a reply, an endorsement,
 * a resolution, a version, paper edits — stays unattributed in every answer, live event, presence
 * frame and export; only input given after it carries a name. The switch itself needs the admin's
 * confirmation, and every member is told.
 */
describe.each(BACKENDS)('switching Chatham House to named on %s', (backend) => {
  let testApp: TestApp;
  let world: ThreadWorld;
  let threadId: string;
  /** Raw payloads the observer (a participant without names under Chatham House) received after the switch. */
  const afterSwitch: string[] = [];
  /** The people who gave input only under Chatham House. */
  let earlier: TestUser[];

  beforeAll(async () => {
    testApp = await startTestApp(backend, { COMMENT_RATE_LIMIT: '1000' });
    world = await buildThreadWorld(testApp, { attributionMode: 'chatham' });
    earlier = [world.reviewer, world.editor];
    const { base } = world;
    const opened = await world.reviewer.api.post(`${base}/threads`, {
      questionId: world.questionId,
      anchor: await anchorFor(testApp, world, 0, 6),
      body: EARLIER,
    });
    threadId = opened.body.id;
    const reply = await world.editor.api.post(`${base}/threads/${threadId}/comments`, {
      body: 'An editor replies',
    });
    await world.editor.api.put(`${base}/comments/${reply.body.comments[0].id}/endorsement`, {});
    await world.editor.api.post(`${base}/threads/${threadId}/resolve`, {
      outcome: 'accepted',
      note: 'Noted',
    });
    await world.editor.api.post(`${base}/threads/${threadId}/reopen`);
    expect((await world.editor.api.post(`${base}/versions`, { name: 'Before the switch' })).status).toBe(201);
    const typist = stockClient(testApp.url, world.consultation.id, world.reviewer.token);
    await eventually(() => expect(typist.provider.synced).toBe(true));
    typeParagraph(typist.doc, world.sectionId, 'An edit under Chatham House');
    await eventually(async () => {
      const [row] = await testApp.db.sql`
        SELECT 1 FROM paper_contributions WHERE consultation_id = ${world.consultation.id} AND user_id = ${world.reviewer.id}`;
      expect(row).toBeDefined();
    });
    typist.destroy();
  });
  afterAll(() => testApp.close());

  it('asks the admin to confirm, changing nothing until then, and tells every member', async () => {
    const path = world.base;
    const unconfirmed = await world.admin.api.patch(path, { attributionMode: 'named' });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.code).toBe('CONFIRMATION_REQUIRED');
    expect(unconfirmed.body.message).toContain('Input made before keeps the attribution it was made under');
    expect((await world.admin.api.get(path)).body.attributionMode).toBe('chatham');
    expect(
      (await world.reviewer.api.patch(path, { attributionMode: 'named', confirmOpening: true })).status,
    ).toBe(403);

    const confirmed = await world.admin.api.patch(path, { attributionMode: 'named', confirmOpening: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.attributionMode).toBe('named');
    for (const member of [world.reviewer, world.observer, world.editor, world.otherReviewer]) {
      const notifications = (await member.api.get(`${path}/notifications`)).body as Notification[];
      expect(notifications[0]).toMatchObject({
        kind: 'attributionOpened',
        attributionMode: 'named',
        threadId: null,
      });
      // Told by the admin, who acted under Chatham House: by name only to the editor.
      expect(notifications[0]!.actor?.name ?? null).toBe(member === world.editor ? world.admin.name : null);
    }
    expect((await world.admin.api.get(`${path}/notifications`)).body).toEqual([]);
  });

  it('leaves every earlier piece of input unattributed, and names only what follows', async () => {
    const { base } = world;
    const events = new RawClient(testApp.url, `${EVENTS_PATH}/${world.consultation.id}`, {
      token: world.observer.token,
    });
    const watcher = new RawClient(testApp.url, `/collab/${world.consultation.id}`, {
      token: world.observer.token,
    });
    await Promise.all([events.opened, watcher.opened]);
    const present = stockClient(testApp.url, world.consultation.id, world.otherReviewer.token);
    await eventually(() => expect(present.provider.synced).toBe(true));
    present.provider.awareness.setLocalState({ cursor: null });

    const later = await world.otherReviewer.api.post(`${base}/threads/${threadId}/comments`, { body: LATER });
    expect(later.status).toBe(201);
    await eventually(() => expect(events.messages.length).toBe(1), 15_000);
    await eventually(() =>
      expect(Buffer.concat(watcher.messages.map((m) => Buffer.from(m))).toString('utf8')).toContain(
        world.otherReviewer.name,
      ),
    );
    afterSwitch.push(...events.messages.map((frame) => new TextDecoder().decode(frame)));
    afterSwitch.push(Buffer.concat(watcher.messages.map((m) => Buffer.from(m))).toString('utf8'));
    events.close();
    watcher.close();
    present.destroy();

    const thread = (await world.observer.api.get(`${base}/threads/${threadId}`)).body as Thread;
    expect(thread.comments.map((comment) => comment.author.name ?? null)).toEqual([
      null,
      null,
      world.otherReviewer.name,
    ]);
    const versions = (await world.observer.api.get(`${base}/versions`)).body as VersionSummary[];
    expect(versions.map((version) => version.createdBy)).toEqual(['Editor']);
    for (const path of [
      '/threads',
      `/threads/${threadId}`,
      '/questions/summary',
      '/versions',
      `/versions/${versions[0]!.id}`,
      `/versions/compare?from=${versions[0]!.id}&to=current`,
      '',
    ]) {
      afterSwitch.push(JSON.stringify((await world.observer.api.get(`${base}${path}`)).body));
    }
    // The opener's notifications: the editor's reply and resolution came under Chatham House.
    const notifications = (await world.reviewer.api.get(`${base}/notifications`)).body as Notification[];
    expect(notifications.map((n) => [n.kind, n.actor?.name ?? null])).toEqual([
      ['reply', world.otherReviewer.name],
      ['attributionOpened', null],
      ['resolution', null],
      ['reply', null],
    ]);
    expect(JSON.stringify(notifications)).not.toContain(world.editor.name);

    for (const payload of afterSwitch) {
      for (const person of earlier) {
        expect(payload).not.toContain(person.name);
        expect(payload).not.toContain(person.id);
      }
    }
    expect(afterSwitch.join('\n')).toContain(world.otherReviewer.name);
  });

  it('exports earlier input without names, and with names only the input given under named mode', async () => {
    const { base } = world;
    for (const format of ['summary-markdown', 'summary-docx', 'input-csv']) {
      const plain = await download(testApp, world.admin, `${base}/exports/${format}`);
      const named = await download(testApp, world.admin, `${base}/exports/${format}?includeNames=true`);
      for (const content of [plain, named])
        for (const person of earlier) expect(content).not.toContain(person.name);
      expect(plain).toContain(EARLIER);
      expect(named).not.toContain(EARLIER);
      expect(named).toContain(world.otherReviewer.name);
    }
  });

  it('needs no confirmation to close again, and the names given openly are then covered too', async () => {
    const closed = await world.admin.api.patch(world.base, { attributionMode: 'chatham' });
    expect(closed.status).toBe(200);
    const raw = JSON.stringify((await world.observer.api.get(`${world.base}/threads/${threadId}`)).body);
    expect(raw).not.toContain(world.otherReviewer.name);
  });
});
