import {
  type Comment,
  EVENTS_PATH,
  type ModerationItem,
  type Notification,
  REDACTION_MARK,
  type Thread,
} from '@cw/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { buildThreadWorld, type ThreadWorld } from '../../test/thread-fixtures.js';
import { eventually, RawClient } from '../../test/ws-clients.js';

const REQUEST = ', I ask for a human rights impact assessment.';

async function exportsOf(testApp: TestApp, user: TestUser, base: string): Promise<string> {
  const texts = await Promise.all(
    ['summary-markdown', 'input-csv'].map((format) =>
      fetch(`${testApp.url}${base}/exports/${format}`, {
        headers: { authorization: `Bearer ${user.token}` },
      }).then((response) => response.text()),
    ),
  );
  return texts.join('\n');
}

/** Flags from any member; hiding, redacting and restoring by editors and admins only. */
describe.each(BACKENDS)('moderation on %s', (backend) => {
  let testApp: TestApp;
  let world: ThreadWorld;
  let outsider: TestUser;
  const comment = (id: string) => `${world.base}/comments/${id}`;

  let delegations = 0;
  /** A thread by the reviewer whose comment names its author's delegation, a new one each time. */
  async function flaggable() {
    delegations += 1;
    const selfNaming = `As the representative of Ruritania ${delegations}`;
    const body = `${selfNaming}${REQUEST}`;
    const posted = await world.reviewer.api.post(`${world.base}/threads`, {
      questionId: world.questionId,
      body,
    });
    expect(posted.status).toBe(201);
    return {
      threadId: posted.body.id as string,
      commentId: posted.body.comments[0].id as string,
      selfNaming,
      body,
    };
  }

  beforeAll(async () => {
    testApp = await startTestApp(backend, { COMMENT_RATE_LIMIT: '1000' });
    world = await buildThreadWorld(testApp);
    outsider = await buildUser(testApp);
  });
  afterAll(() => testApp.close());

  it('lets any member flag a comment with a reason, and shows editors the queue without who flagged', async () => {
    const { commentId, body } = await flaggable();
    const noReason = await world.otherReviewer.api.post(`${comment(commentId)}/flags`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues[0].path).toBe('body.reason');
    for (const member of [world.otherReviewer, world.observer, world.reviewer]) {
      const flagged = await member.api.post(`${comment(commentId)}/flags`, { reason: 'It names its author' });
      expect(flagged.status).toBe(204);
    }
    // Again is harmless: one open flag per member.
    expect((await world.observer.api.post(`${comment(commentId)}/flags`, { reason: 'Again' })).status).toBe(
      204,
    );
    expect((await outsider.api.post(`${comment(commentId)}/flags`, { reason: 'x' })).status).toBe(404);

    const queue = await world.editor.api.get(`${world.base}/moderation`);
    expect(queue.status).toBe(200);
    const item = (queue.body as ModerationItem[]).find((entry) => entry.comment.id === commentId)!;
    expect(item.originalText).toBe(body);
    expect(item.flags.map((flag) => flag.reason)).toEqual(Array(3).fill('It names its author'));
    for (const person of [world.otherReviewer, world.observer, world.reviewer]) {
      expect(JSON.stringify(item.flags)).not.toContain(person.id);
    }
    for (const user of [world.reviewer, world.observer]) {
      const refused = await user.api.get(`${world.base}/moderation`);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
    }
  });

  it('refuses reviewers and observers who try to hide, redact, restore or dismiss', async () => {
    const { commentId, body } = await flaggable();
    for (const user of [world.reviewer, world.otherReviewer, world.observer]) {
      for (const [action, body] of [
        ['hide', { reason: 'x' }],
        ['redact', { ranges: [{ start: 0, end: 2 }], reason: 'x' }],
        ['restore', {}],
        ['flags/dismiss', {}],
      ] as const) {
        const refused = await user.api.post(`${comment(commentId)}/${action}`, body);
        expect(refused.status, `${action}`).toBe(403);
        expect(refused.body.code).toBe('FORBIDDEN');
      }
    }
    expect((await outsider.api.post(`${comment(commentId)}/hide`, { reason: 'x' })).status).toBe(404);
    const read = (await world.observer.api.get(`${world.base}/threads`)).body as Thread[];
    expect(JSON.stringify(read)).toContain(body);
  });

  it('hides a comment: gone live and everywhere, still counted, the author told why', async () => {
    const { threadId, commentId, selfNaming, body } = await flaggable();
    const events = new RawClient(testApp.url, `${EVENTS_PATH}/${world.consultation.id}`, {
      token: world.otherReviewer.token,
    });
    await events.opened;
    const hidden = await world.editor.api.post(`${comment(commentId)}/hide`, {
      reason: 'It names its author',
    });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({
      body: null,
      isDeleted: false,
      moderation: { state: 'hidden', reason: null },
    });

    const frame = await eventually(() => {
      expect(events.messages.length).toBeGreaterThan(0);
      return new TextDecoder().decode(events.messages.at(-1));
    });
    events.close();
    expect(JSON.parse(frame)).toMatchObject({ type: 'comment.moderated', thread: { id: threadId } });
    expect(frame).not.toContain(selfNaming);

    const asAuthor = (await world.reviewer.api.get(`${world.base}/threads/${threadId}`)).body as Thread;
    expect(asAuthor.comments[0]).toMatchObject({
      body: null,
      moderation: { state: 'hidden', reason: 'It names its author' },
    });
    const asOthers = JSON.stringify((await world.otherReviewer.api.get(`${world.base}/threads`)).body);
    expect(asOthers).not.toContain(selfNaming);
    expect(asOthers).not.toContain('It names its author');
    expect(await exportsOf(testApp, world.admin, world.base)).not.toContain(selfNaming);
    const notifications = (await world.reviewer.api.get(`${world.base}/notifications`))
      .body as Notification[];
    expect(notifications[0]).toMatchObject({ kind: 'commentHidden', commentId, note: 'It names its author' });
    // Hidden, not deleted: the comment still counts.
    const dashboard = await world.admin.api.get(`${world.base}/dashboard`);
    const total = dashboard.body.byQuestion.columnTotals[0].comments as number;
    const deleted = await world.reviewer.api.post(`${world.base}/threads`, {
      questionId: world.questionId,
      body: 'x',
    });
    expect(deleted.status).toBe(201);
    expect(
      (await world.admin.api.get(`${world.base}/dashboard`)).body.byQuestion.columnTotals[0].comments,
    ).toBe(total + 1);
    // The author can no longer edit it, and the queue no longer lists its flags as open.
    const edit = await world.reviewer.api.patch(comment(commentId), { body: 'Edited back in' });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('COMMENT_MODERATED');
    const open = (await world.editor.api.get(`${world.base}/moderation`)).body as ModerationItem[];
    expect(open.some((entry) => entry.comment.id === commentId)).toBe(false);
    const moderated = (await world.editor.api.get(`${world.base}/moderation?queue=moderated`))
      .body as ModerationItem[];
    expect(moderated.find((entry) => entry.comment.id === commentId)).toMatchObject({
      state: 'hidden',
      originalText: body,
    });
  });

  it('redacts a part, which no answer or export carries, and restores the text as written', async () => {
    const { threadId, commentId, selfNaming, body } = await flaggable();
    const end = selfNaming.length;
    for (const ranges of [
      [{ start: 0, end: 500 }],
      [
        { start: 0, end: 10 },
        { start: 5, end: 12 },
      ],
      [],
    ]) {
      const refused = await world.editor.api.post(`${comment(commentId)}/redact`, { ranges, reason: 'x' });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
    }
    const redacted = await world.admin.api.post(`${comment(commentId)}/redact`, {
      ranges: [{ start: 0, end }],
      reason: 'It says who wrote it',
    });
    expect(redacted.status).toBe(200);
    const shown = `${REDACTION_MARK}${REQUEST}`;
    expect((redacted.body as Comment).body).toBe(shown);
    const thread = (await world.observer.api.get(`${world.base}/threads/${threadId}`)).body as Thread;
    expect(thread.comments[0]).toMatchObject({
      body: shown,
      moderation: { state: 'redacted', reason: null },
    });
    expect(await exportsOf(testApp, world.admin, world.base)).not.toContain(selfNaming);
    const notifications = (await world.reviewer.api.get(`${world.base}/notifications`))
      .body as Notification[];
    expect(notifications[0]).toMatchObject({ kind: 'commentRedacted', note: 'It says who wrote it' });

    const restored = await world.editor.api.post(`${comment(commentId)}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ body, moderation: null });
    expect((await world.editor.api.post(`${comment(commentId)}/restore`)).status).toBe(200);
    const told = (await world.reviewer.api.get(`${world.base}/notifications`)).body as Notification[];
    expect(told.filter((n) => n.kind === 'commentRestored' && n.commentId === commentId)).toHaveLength(1);
  });

  it('dismisses flags without touching the comment, and forgets the hidden text when the author deletes it', async () => {
    const { commentId } = await flaggable();
    await world.observer.api.post(`${comment(commentId)}/flags`, { reason: 'Not sure' });
    expect((await world.editor.api.post(`${comment(commentId)}/flags/dismiss`)).status).toBe(204);
    const open = (await world.editor.api.get(`${world.base}/moderation`)).body as ModerationItem[];
    expect(open.some((entry) => entry.comment.id === commentId)).toBe(false);

    await world.editor.api.post(`${comment(commentId)}/hide`, { reason: 'Off topic' });
    expect((await world.reviewer.api.delete(comment(commentId))).status).toBe(204);
    const [kept] = await testApp.db.sql`SELECT 1 FROM comment_moderations WHERE comment_id = ${commentId}`;
    expect(kept).toBeUndefined();
    const [stored] = await testApp.db.sql<
      { body: string }[]
    >`SELECT body FROM comments WHERE id = ${commentId}`;
    expect(stored!.body).toBe('');
  });
});
