import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildConsultation, buildSection, buildUser, type TestUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { eventually, sectionText, stockClient, typeParagraph } from '../../test/ws-clients.js';

interface StoredSize {
  snapshotBytes: number;
  logRows: number;
  logBytes: number;
}

async function storedSize(testApp: TestApp, consultationId: string): Promise<StoredSize> {
  const [row] = await testApp.db.sql<StoredSize[]>`
    SELECT coalesce((SELECT octet_length(data) FROM paper_snapshots WHERE consultation_id = ${consultationId}), 0)::int AS "snapshotBytes",
           (SELECT count(*) FROM paper_updates WHERE consultation_id = ${consultationId})::int AS "logRows",
           coalesce((SELECT sum(octet_length(data)) FROM paper_updates WHERE consultation_id = ${consultationId}), 0)::int AS "logBytes"`;
  return row!;
}

describe.each(BACKENDS)('compaction on %s', (backend) => {
  let testApp: TestApp;
  let user: TestUser;
  const section = randomUUID();

  beforeAll(async () => {
    testApp = await startTestApp(backend, {
      COLLAB_COMPACT_MIN_BYTES: '2000',
      COLLAB_COMPACT_AFTER: '100000',
    });
    user = await buildUser(testApp, { isOrganiser: true });
  });
  afterAll(() => testApp.close());

  it('merges the log into a snapshot once it is as large as the snapshot, losing nothing', async () => {
    const consultation = await buildConsultation(testApp, user);
    await buildSection(testApp, consultation.id, section);
    const writer = stockClient(testApp.url, consultation.id, user.token);
    await eventually(() => expect(writer.provider.synced).toBe(true));
    // A big first paragraph makes the first snapshot large.
    typeParagraph(writer.doc, section, 'x'.repeat(6000));
    await eventually(async () =>
      expect((await storedSize(testApp, consultation.id)).snapshotBytes).toBeGreaterThan(6000),
    );
    const afterFirst = await storedSize(testApp, consultation.id);
    expect(afterFirst.logRows).toBe(0);

    // Small edits stay in the log until their bytes reach the snapshot's size...
    for (let i = 0; i < 20; i++) {
      typeParagraph(writer.doc, section, `small ${i}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // A compaction those edits started would hold the paper's lock: an edit stored after them is
    // stored once it has ended.
    typeParagraph(writer.doc, section, 'probe');
    await eventually(async () => {
      const doc = new Y.Doc();
      const rows = await testApp.db.sql<{ data: Buffer }[]>`
        SELECT data FROM paper_snapshots WHERE consultation_id = ${consultation.id}
        UNION ALL SELECT data FROM (SELECT data FROM paper_updates WHERE consultation_id = ${consultation.id} ORDER BY id) u`;
      for (const row of rows) Y.applyUpdate(doc, row.data);
      expect(sectionText(doc, section)).toContain('probe');
    });
    const meanwhile = await storedSize(testApp, consultation.id);
    expect(meanwhile.snapshotBytes).toBe(afterFirst.snapshotBytes);
    expect(meanwhile.logBytes).toBeLessThan(afterFirst.snapshotBytes);

    // ...then the next large batch triggers a rewrite.
    typeParagraph(writer.doc, section, 'y'.repeat(7000));
    await eventually(async () => {
      const compacted = await storedSize(testApp, consultation.id);
      expect(compacted.logRows).toBe(0);
      expect(compacted.snapshotBytes).toBeGreaterThan(13_000);
    });

    const reader = stockClient(testApp.url, consultation.id, user.token);
    await eventually(() => expect(reader.provider.synced).toBe(true));
    expect(sectionText(reader.doc, section)).toBe(sectionText(writer.doc, section));
    expect(sectionText(reader.doc, section).split('\n')).toHaveLength(23);
    reader.destroy();
    writer.destroy();
  });
});
