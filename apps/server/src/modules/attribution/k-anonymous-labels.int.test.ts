import { EVENTS_PATH, type Thread } from '@cw/shared';
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

const ONE = 'Company / business';
const FOUR = 'Academia / research';
const FIVE = 'Civil society organisation';
const POOLED = 'Other stakeholders';

/**
 * k = 5. Company has one member, Academia four, Civil society five: the first two (with the
 * organisers' groups) are pooled as "Other stakeholders", Civil society is named. No label,
 * endorsement count, filter, live event, presence state, published figure or export a viewer
 * without names receives names Company or Academia.
 */
describe.each(BACKENDS)('k-anonymous group labels on %s', (backend) => {
  let testApp: TestApp;
  let consultation: TestConsultation;
  let base: string;
  let editor: TestUser;
  let one: TestUser;
  let four: TestUser[];
  let five: TestUser[];
  let threadId: string;
  /** Everything a Civil society reviewer received, as sent. */
  const seen: string[] = [];
  const secrets = () => [ONE, FOUR, consultation.groups[ONE]!, consultation.groups[FOUR]!];

  beforeAll(async () => {
    testApp = await startTestApp(backend, { COMMENT_RATE_LIMIT: '1000' });
    const admin = await buildUser(testApp);
    consultation = await buildConsultation(testApp, admin);
    base = `/api/consultations/${consultation.id}`;
    editor = await buildUser(testApp);
    await addMember(testApp, consultation.id, editor, 'editor', consultation.groups['Other']!);
    const join = async (group: string, count: number) => {
      const users = await Promise.all(Array.from({ length: count }, () => buildUser(testApp)));
      for (const user of users)
        await addMember(testApp, consultation.id, user, 'reviewer', consultation.groups[group]!);
      return users;
    };
    [one] = (await join(ONE, 1)) as [TestUser];
    four = await join(FOUR, 4);
    five = await join(FIVE, 5);
    const viewer = five[0]!;
    const events = new RawClient(testApp.url, `${EVENTS_PATH}/${consultation.id}`, { token: viewer.token });
    await events.opened;

    const post = async (user: TestUser, path: string, body: unknown) => {
      const response = await user.api.post(`${base}${path}`, body);
      expect(response.status).toBe(201);
      return response.body as Thread;
    };
    threadId = (await post(one, '/threads', { questionId: null, body: 'From the only company' })).id;
    await post(four[0]!, `/threads/${threadId}/comments`, { body: 'From academia' });
    const thread = await post(five[1]!, `/threads/${threadId}/comments`, { body: 'From civil society' });
    const civilComment = thread.comments[2]!.id;
    for (const endorser of [one, four[1]!, five[2]!])
      expect((await endorser.api.put(`${base}/comments/${civilComment}/endorsement`, {})).status).toBe(200);

    await eventually(() => expect(events.messages.length).toBe(6), 15_000);
    seen.push(...events.messages.map((frame) => new TextDecoder().decode(frame)));
    events.close();
  });
  afterAll(() => testApp.close());

  it('labels the group of five and pools the groups of one and four, endorsements included', async () => {
    const response = await five[0]!.api.get(`${base}/threads/${threadId}`);
    seen.push(JSON.stringify(response.body));
    const thread = response.body as Thread;
    expect(thread.comments.map((comment) => comment.author.label)).toEqual([POOLED, POOLED, FIVE]);
    expect(thread.comments.map((comment) => comment.author.group?.name ?? null)).toEqual([null, null, FIVE]);
    expect(thread.comments[2]!.endorsements).toEqual([
      { scope: 'group', groupId: consultation.groups[FIVE], label: FIVE, count: 1 },
      { scope: 'pool', groupId: null, label: POOLED, count: 2 },
    ]);
  });

  it('filters by what the viewer sees: a small group’s id finds nothing, the pool finds its input', async () => {
    const byGroup = await five[0]!.api.get(`${base}/threads?groupId=${consultation.groups[ONE]}`);
    expect(byGroup.body).toEqual([]);
    const byPool = await five[0]!.api.get(`${base}/threads?groupId=other`);
    expect(byPool.body.map((thread: Thread) => thread.id)).toEqual([threadId]);
    seen.push(JSON.stringify(byPool.body));
  });

  it('shows presence of the small groups pooled and of the group of five by its name', async () => {
    const watcher = new RawClient(testApp.url, `/collab/${consultation.id}`, { token: five[0]!.token });
    const present = [one, four[0]!, five[1]!].map((user) =>
      stockClient(testApp.url, consultation.id, user.token),
    );
    const watched = stockClient(testApp.url, consultation.id, five[0]!.token);
    try {
      await eventually(() => expect(present.every((client) => client.provider.synced)).toBe(true));
      for (const client of present) client.provider.awareness.setLocalState({ cursor: null });
      const labels = await eventually(() => {
        const names = present.map(
          (client) =>
            (watched.provider.awareness.getStates().get(client.doc.clientID)?.user as { name?: string })
              ?.name,
        );
        expect(names.every(Boolean)).toBe(true);
        return names;
      });
      expect(labels).toEqual([POOLED, POOLED, FIVE]);
      seen.push(Buffer.concat(watcher.messages.map((message) => Buffer.from(message))).toString('utf8'));
    } finally {
      for (const client of [...present, watched]) client.destroy();
      watcher.close();
    }
  });

  it('publishes figures and exports by label, never naming the small groups', async () => {
    const dashboard = await editor.api.get(`${base}/dashboard`);
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.rows.map((row: { label: string }) => row.label)).toEqual([FIVE, POOLED]);
    const exported = [JSON.stringify(dashboard.body)];
    for (const format of ['summary-markdown', 'input-csv']) {
      const response = await fetch(`${testApp.url}${base}/exports/${format}`, {
        headers: { authorization: `Bearer ${editor.token}` },
      });
      exported.push(await response.text());
    }
    expect(exported[1]).toContain(`#### ${POOLED}`);
    for (const text of exported) for (const secret of secrets()) expect(text).not.toContain(secret);
  });

  it('never sent the viewer a small group’s name or id, in answers, live events or presence', () => {
    expect(seen.length).toBeGreaterThan(8);
    for (const payload of seen) for (const secret of secrets()) expect(payload).not.toContain(secret);
  });

  it('keeps input made while a group was small pooled after it reaches k; new input names it', async () => {
    const fifth = await buildUser(testApp);
    await addMember(testApp, consultation.id, fifth, 'reviewer', consultation.groups[FOUR]!);
    const reply = await fifth.api.post(`${base}/threads/${threadId}/comments`, {
      body: 'Academia, now five',
    });
    expect(reply.status).toBe(201);
    const thread = (await five[0]!.api.get(`${base}/threads/${threadId}`)).body as Thread;
    // Academia's earlier reply stays pooled. Without Academia the pool is three people, below k:
    // the company's comment is now shown as from a participant.
    expect(thread.comments.map((comment) => comment.author.label)).toEqual([
      'A participant',
      POOLED,
      FIVE,
      FOUR,
    ]);
  });
});
