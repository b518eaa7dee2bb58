import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildConsultation, buildUser, type TestConsultation, type TestUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { PaperStoreQueue } from './paper-store-queue.js';
import { PaperRepository, type PendingUpdate } from './paper.repository.js';

const GROUP = 'Civil society organisation';

describe.each(BACKENDS)('the group commit of paper updates on %s', (backend) => {
  let testApp: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp(backend);
    user = await buildUser(testApp, { isOrganiser: true });
  });
  afterAll(() => testApp.close());

  const queue = () => testApp.app.get(PaperStoreQueue);
  /** An update whose bytes are its label, so the stored log can be read back in order. */
  const updates = (...labels: string[]): PendingUpdate[] =>
    labels.map((label) => ({ data: new TextEncoder().encode(label), userId: user.id }));
  const consultations = (count: number): Promise<TestConsultation[]> =>
    Promise.all(Array.from({ length: count }, () => buildConsultation(testApp, user)));

  /** Each paper's stored updates in log order, with the transaction that wrote them. */
  async function storedLog(papers: TestConsultation[]): Promise<Array<{ label: string; xmin: string }>> {
    return testApp.db.sql<{ label: string; xmin: string }[]>`
      SELECT convert_from(data, 'UTF8') AS label, xmin::text AS xmin FROM paper_updates
      WHERE consultation_id = ANY(${papers.map((paper) => paper.id)}::uuid[])
      ORDER BY id`;
  }

  it('writes at once when idle, and everything flushed meanwhile in one transaction, in order', async () => {
    const [a, b, c] = await consultations(3);
    await Promise.all([
      queue().append(a!.id, updates('a1'), []),
      queue().append(b!.id, updates('b1', 'b2'), []),
      queue().append(c!.id, updates('c1'), []),
      queue().append(b!.id, updates('b3'), []),
    ]);
    const log = await storedLog([a!, b!, c!]);
    expect(log.map((row) => row.label)).toEqual(['a1', 'b1', 'b2', 'b3', 'c1']);
    const [first, ...together] = log.map((row) => row.xmin);
    expect(new Set(together).size).toBe(1);
    expect(together[0]).not.toBe(first);
  });

  it('keeps a long log in insertion order across papers', async () => {
    const [a, b, c] = await consultations(3);
    const labels = (prefix: string) => Array.from({ length: 300 }, (_, i) => `${prefix}${i}`);
    await Promise.all([
      queue().append(a!.id, updates('start'), []),
      queue().append(b!.id, updates(...labels('b')), []),
      queue().append(c!.id, updates(...labels('c')), []),
    ]);
    const log = await storedLog([b!, c!]);
    expect(log.map((row) => row.label)).toEqual([...labels('b'), ...labels('c')]);
    expect(new Set(log.map((row) => row.xmin)).size).toBe(1);
  });

  it('adds up the contributions of flushes stored together and of later ones', async () => {
    const [other, paper] = await consultations(2);
    const section = randomUUID();
    const delta = (inserted: number, deleted: number) => [
      { userId: user.id, groupId: paper!.groups[GROUP]!, sectionId: section, inserted, deleted },
    ];
    await Promise.all([
      queue().append(other!.id, updates('first'), []),
      queue().append(paper!.id, updates('p1'), delta(5, 1)),
      queue().append(paper!.id, updates('p2'), delta(7, 2)),
    ]);
    expect(new Set((await storedLog([paper!])).map((row) => row.xmin)).size).toBe(1);
    await queue().append(paper!.id, updates('p3'), delta(1, 0));
    const rows = await testApp.db.sql`
      SELECT user_id, group_id, section_id, day = current_date AS today, chars_inserted, chars_deleted
      FROM paper_contributions WHERE consultation_id = ${paper!.id}`;
    expect(rows).toEqual([
      {
        user_id: user.id,
        group_id: paper!.groups[GROUP],
        section_id: section,
        today: true,
        chars_inserted: 13,
        chars_deleted: 3,
      },
    ]);
  });

  it('stores the other papers when one cannot be stored', async () => {
    const [first, doomed, survivor] = await consultations(3);
    await testApp.db.sql`DELETE FROM consultations WHERE id = ${doomed!.id}`;
    const contribution = (paper: TestConsultation) => [
      { userId: user.id, groupId: paper.groups[GROUP]!, sectionId: randomUUID(), inserted: 3, deleted: 0 },
    ];
    const outcomes = await Promise.allSettled([
      queue().append(first!.id, updates('first'), contribution(first!)),
      queue().append(doomed!.id, updates('lost'), contribution(doomed!)),
      queue().append(survivor!.id, updates('kept'), contribution(survivor!)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: '23503' });
    expect((await storedLog([first!, doomed!, survivor!])).map((row) => row.label)).toEqual([
      'first',
      'kept',
    ]);
    const [row] = await testApp.db.sql<{ count: number }[]>`
      SELECT count(*) AS count FROM paper_contributions WHERE consultation_id = ${survivor!.id}`;
    expect(row?.count).toBe(1);
  });

  // PGlite serves one connection: no other session can hold a paper's lock meanwhile.
  it.skipIf(backend === 'pglite')(
    'leaves out a paper whose lock is held exclusively, and stores it in order once released',
    async () => {
      const [locked, free] = await consultations(2);
      const other = postgres(testApp.config.databaseUrl!, { max: 1, onnotice: () => undefined });
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let isHeld!: () => void;
      const held = new Promise<void>((resolve) => (isHeld = resolve));
      // As a compaction holds it (on this instance or another).
      const holding = other.begin(async (tx) => {
        await tx`SELECT pg_advisory_xact_lock(hashtext(${`paper:${locked!.id}`}))`;
        isHeld();
        await released;
      });
      try {
        await held;
        const done: string[] = [];
        const flush = (paper: TestConsultation, label: string) =>
          queue()
            .append(paper.id, updates(label), [])
            .then(() => done.push(label));
        const locked1 = flush(locked!, 'locked1');
        await flush(free!, 'free1');
        const locked2 = flush(locked!, 'locked2');
        await flush(free!, 'free2');
        // Tried again and again meanwhile; never stored, never failed.
        const writes = vi.spyOn(testApp.app.get(PaperRepository), 'appendMany');
        await vi.waitFor(() => expect(writes.mock.calls.length).toBeGreaterThanOrEqual(5));
        writes.mockRestore();
        expect(done).toEqual(['free1', 'free2']);
        expect(await storedLog([locked!])).toEqual([]);

        release();
        await holding;
        await Promise.all([locked1, locked2]);
        expect(done).toEqual(['free1', 'free2', 'locked1', 'locked2']);
        expect((await storedLog([locked!])).map((row) => row.label)).toEqual(['locked1', 'locked2']);
      } finally {
        release();
        await holding;
        await other.end();
      }
    },
  );
});
