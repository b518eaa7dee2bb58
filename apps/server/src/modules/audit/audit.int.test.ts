import type { AuditAction, AuditEntry } from '@cw/shared';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildUser, type TestUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { buildThreadWorld, type ThreadWorld } from '../../test/thread-fixtures.js';

/**
 * The organisers' record: every action of theirs, by name whatever the attribution mode, with the
 * state before and after; admins read it and download it; no route and no SQL changes it.
 */
describe.each(BACKENDS)('the audit log on %s', (backend) => {
  let testApp: TestApp;
  let world: ThreadWorld;
  let outsider: TestUser;
  let entries: AuditEntry[];
  const audit = (user: TestUser, query = '') => user.api.get(`${world.base}/audit${query}`);
  const ok = async (request: Promise<{ status: number; body: unknown }>, status = 200) => {
    const response = await request;
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    return response.body as { id: string; comments: { id: string }[] };
  };

  beforeAll(async () => {
    testApp = await startTestApp(backend, { COMMENT_RATE_LIMIT: '1000' });
    world = await buildThreadWorld(testApp);
    outsider = await buildUser(testApp);
    const { base, admin, editor } = world;
    const leaver = await buildUser(testApp, { name: 'Lee Leaver' });
    await addMember(testApp, world.consultation.id, leaver, 'reviewer', world.consultation.groups['Other']!);

    // While anonymous, the organisers still act by name in the record.
    await ok(admin.api.patch(base, { title: 'Renamed', kThreshold: 6, attributionMode: 'anonymous' }));
    const group = await ok(admin.api.post(`${base}/groups`, { name: 'Trade unions' }), 201);
    await ok(admin.api.patch(`${base}/groups/${group.id}`, { name: 'Trade unions and workers' }));
    await ok(admin.api.delete(`${base}/groups/${group.id}`), 204);
    const members = (await admin.api.get(`${base}/members`)).body as Array<{ id: string; userId: string }>;
    const memberOf = (user: TestUser) => members.find((member) => member.userId === user.id)!.id;
    await ok(admin.api.patch(`${base}/members/${memberOf(world.observer)}`, { role: 'reviewer' }));
    await ok(admin.api.delete(`${base}/members/${memberOf(leaver)}`), 204);
    const invitation = await ok(
      admin.api.post(`${base}/invitations`, {
        role: 'reviewer',
        groupId: world.consultation.groups['Other'],
      }),
      201,
    );
    await ok(admin.api.delete(`${base}/invitations/${invitation.id}`), 204);
    await ok(admin.api.delete(`${base}/invitations/${invitation.id}`), 204);

    const thread = await ok(
      world.reviewer.api.post(`${base}/threads`, { questionId: null, body: 'A remark' }),
      201,
    );
    const commentId = thread.comments[0]!.id;
    await ok(editor.api.post(`${base}/comments/${commentId}/hide`, { reason: 'Off topic' }));
    await ok(editor.api.post(`${base}/comments/${commentId}/restore`));
    await ok(world.observer.api.post(`${base}/comments/${commentId}/flags`, { reason: 'Unsure' }), 204);
    await ok(editor.api.post(`${base}/comments/${commentId}/flags/dismiss`), 204);
    await ok(
      editor.api.post(`${base}/threads/${thread.id}/resolve`, { outcome: 'accepted', note: 'Taken up' }),
    );
    await ok(editor.api.post(`${base}/threads/${thread.id}/reopen`));
    await ok(editor.api.post(`${base}/versions`, { name: 'Second draft' }), 201);
    await ok(admin.api.patch(base, { attributionMode: 'named', confirmOpening: true }));
    await ok(editor.api.get(`${base}/exports/summary-markdown`));
    await ok(admin.api.get(`${base}/exports/input-csv?includeNames=true`));
    await ok(admin.api.post(`${base}/phase`, { phase: 'closed' }));

    const response = await audit(admin, '?limit=500');
    expect(response.status).toBe(200);
    entries = response.body as AuditEntry[];
  });
  afterAll(() => testApp.close());

  it('records every organiser action, newest first, by name, with the state before and after', () => {
    const byAction = (action: AuditAction) => entries.filter((entry) => entry.action === action);
    expect(entries.map((entry) => entry.action).toReversed()).toEqual([
      'attributionMode.changed',
      'kThreshold.changed',
      'consultation.updated',
      'group.created',
      'group.updated',
      'group.deleted',
      'member.updated',
      'member.removed',
      'invitation.created',
      'invitation.revoked',
      'comment.hidden',
      'comment.restored',
      'flags.dismissed',
      'thread.resolved',
      'thread.reopened',
      'version.created',
      'attributionMode.changed',
      'export.created',
      'export.created',
      'phase.changed',
    ]);
    const [opened, closed] = byAction('attributionMode.changed');
    expect(closed).toMatchObject({
      actor: { userId: world.admin.id, name: world.admin.name, role: 'admin' },
      before: { attributionMode: 'chatham' },
      after: { attributionMode: 'anonymous' },
    });
    expect(opened).toMatchObject({
      before: { attributionMode: 'anonymous' },
      after: { attributionMode: 'named' },
    });
    expect(byAction('kThreshold.changed')[0]).toMatchObject({
      before: { kThreshold: 5 },
      after: { kThreshold: 6 },
    });
    expect(byAction('consultation.updated')[0]).toMatchObject({
      before: { title: 'Test consultation' },
      after: { title: 'Renamed' },
    });
    expect(byAction('member.updated')[0]).toMatchObject({
      target: { type: 'member', label: world.observer.name },
      before: { role: 'observer', group: 'State / public authority' },
      after: { role: 'reviewer', group: 'State / public authority' },
    });
    expect(byAction('member.removed')[0]).toMatchObject({ target: { label: 'Lee Leaver' }, after: null });
    expect(byAction('comment.hidden')[0]).toMatchObject({
      actor: { name: world.editor.name, role: 'editor' },
      before: { state: 'shown' },
      after: { state: 'hidden', reason: 'Off topic' },
    });
    expect(byAction('thread.reopened')[0]).toMatchObject({
      before: { status: 'resolved', outcome: 'accepted', note: 'Taken up' },
      after: { status: 'open' },
    });
    expect(byAction('export.created').map((entry) => entry.after)).toEqual([
      { format: 'input-csv', sessionId: null, includeNames: true },
      { format: 'summary-markdown', sessionId: null, includeNames: false },
    ]);
    expect(byAction('phase.changed')[0]).toMatchObject({
      before: { phase: 'open' },
      after: { phase: 'closed' },
    });
  });

  it('filters by action, person and day, and pages without gaps or repeats', async () => {
    const resolved = (await audit(world.admin, '?action=thread.resolved')).body as AuditEntry[];
    expect(resolved.map((entry) => entry.action)).toEqual(['thread.resolved']);
    const byEditor = (await audit(world.admin, `?actorId=${world.editor.id}`)).body as AuditEntry[];
    expect(byEditor.length).toBeGreaterThan(5);
    expect(byEditor.every((entry) => entry.actor.userId === world.editor.id)).toBe(true);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich' }).format(new Date());
    expect((await audit(world.admin, `?from=${today}&to=${today}`)).body).toHaveLength(entries.length);
    expect((await audit(world.admin, '?to=2000-01-01')).body).toEqual([]);
    const first = (await audit(world.admin, '?limit=7')).body as AuditEntry[];
    const second = (await audit(world.admin, `?limit=7&before=${first.at(-1)!.id}`)).body as AuditEntry[];
    expect([...first, ...second].map((entry) => entry.id)).toEqual(
      entries.slice(0, 14).map((entry) => entry.id),
    );
  });

  it('downloads as CSV', async () => {
    const response = await fetch(`${testApp.url}${world.base}/audit/csv?action=attributionMode.changed`, {
      headers: { authorization: `Bearer ${world.admin.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="audit-log.csv"');
    const records = parse(Buffer.from(await response.arrayBuffer()), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(records.map((record) => [record.Who, record.Action, record.Before, record.After])).toEqual([
      [
        world.admin.name,
        'attributionMode.changed',
        '{"attributionMode":"anonymous"}',
        '{"attributionMode":"named"}',
      ],
      [
        world.admin.name,
        'attributionMode.changed',
        '{"attributionMode":"chatham"}',
        '{"attributionMode":"anonymous"}',
      ],
    ]);
  });

  it('is read by admins only, and no route changes it', async () => {
    for (const user of [world.editor, world.reviewer]) {
      for (const path of ['', '/csv']) {
        const refused = await user.api.get(`${world.base}/audit${path}`);
        expect(refused.status).toBe(403);
        expect(refused.body.code).toBe('FORBIDDEN');
      }
    }
    expect((await audit(outsider)).status).toBe(404);
    for (const query of ['?action=anything', '?limit=0', '?before=1', '?from=yesterday']) {
      const bad = await audit(world.admin, query);
      expect(bad.status, query).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    }
    const id = entries[0]!.id;
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const refused = await world.admin.api.request(method, `${world.base}/audit/${id}`, {
        actorName: 'Nobody',
      });
      expect(refused.status, method).toBe(404);
    }
    expect((await audit(world.admin, '?limit=500')).body).toEqual(entries);
  });

  it('cannot be changed or emptied in the database either', async () => {
    const { sql } = testApp.db;
    const id = entries[0]!.id;
    await expect(sql`UPDATE audit_log SET actor_name = 'Nobody' WHERE id = ${id}`).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log WHERE id = ${id}`).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`).rejects.toThrow(/append-only/);
    const [row] = await sql<{ actor_name: string }[]>`SELECT actor_name FROM audit_log WHERE id = ${id}`;
    expect(row!.actor_name).toBe(world.admin.name);
  });
});
