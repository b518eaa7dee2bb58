import { randomUUID } from 'node:crypto';
import { CLOSE_CODES } from '@cw/shared';
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
import { PaperRegistry } from './paper-registry.service.js';
import { eventually, RawClient, stockClient, typeParagraph } from '../../test/ws-clients.js';

describe.each(BACKENDS)('contribution records on %s', (backend) => {
  let testApp: TestApp;
  let admin: TestUser;
  let rita: TestUser;
  let carl: TestUser;
  let consultation: TestConsultation;
  const sectionA = randomUUID();
  const sectionB = randomUUID();

  beforeAll(async () => {
    testApp = await startTestApp(backend, {
      COLLAB_MAX_BUFFERED_BYTES: '65536',
      // The slow-reader case sends megabytes of edits in a few seconds.
      COLLAB_EDIT_BYTES_PER_MINUTE: String(64 * 1024 * 1024),
    });
    admin = await buildUser(testApp, { isOrganiser: true });
    rita = await buildUser(testApp);
    carl = await buildUser(testApp);
    consultation = await buildConsultation(testApp, admin);
    await buildSection(testApp, consultation.id, sectionA);
    await buildSection(testApp, consultation.id, sectionB);
    await addMember(
      testApp,
      consultation.id,
      rita,
      'reviewer',
      consultation.groups['Civil society organisation']!,
    );
    await addMember(testApp, consultation.id, carl, 'reviewer', consultation.groups['Company / business']!);
  });
  afterAll(() => testApp.close());
  const registry = () => testApp.app.get(PaperRegistry);

  it('records characters inserted and deleted per member, group and section', async () => {
    const a = stockClient(testApp.url, consultation.id, rita.token);
    const b = stockClient(testApp.url, consultation.id, carl.token);
    await eventually(() => expect(a.provider.synced && b.provider.synced).toBe(true));
    typeParagraph(a.doc, sectionA, 'Twelve chars');
    typeParagraph(a.doc, sectionB, 'abc');
    typeParagraph(b.doc, sectionB, 'Company text');
    await eventually(() => expect(b.doc.getXmlFragment(`section:${sectionA}`).length).toBe(1));
    const text = (b.doc.getXmlFragment(`section:${sectionA}`).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.delete(0, 7);
    await eventually(async () => {
      const rows = await testApp.db.sql<
        {
          user_id: string;
          group_id: string;
          section_id: string;
          chars_inserted: number;
          chars_deleted: number;
        }[]
      >`
        SELECT user_id, group_id, section_id, chars_inserted, chars_deleted FROM paper_contributions
        WHERE consultation_id = ${consultation.id} ORDER BY chars_inserted`;
      expect(rows).toEqual(
        expect.arrayContaining([
          {
            user_id: rita.id,
            group_id: consultation.groups['Civil society organisation'],
            section_id: sectionA,
            chars_inserted: 12,
            chars_deleted: 0,
          },
          {
            user_id: rita.id,
            group_id: consultation.groups['Civil society organisation'],
            section_id: sectionB,
            chars_inserted: 3,
            chars_deleted: 0,
          },
          {
            user_id: carl.id,
            group_id: consultation.groups['Company / business'],
            section_id: sectionB,
            chars_inserted: 12,
            chars_deleted: 0,
          },
          {
            user_id: carl.id,
            group_id: consultation.groups['Company / business'],
            section_id: sectionA,
            chars_inserted: 0,
            chars_deleted: 7,
          },
        ]),
      );
      expect(rows).toHaveLength(4);
    });
    const [row] = await testApp.db.sql<{ count: number }[]>`
      SELECT count(*) AS count FROM paper_updates WHERE consultation_id = ${consultation.id} AND user_id IS NULL`;
    expect(row?.count).toBe(0);
    a.destroy();
    b.destroy();
  });

  it('cuts off a reader that does not keep up, without affecting others', async () => {
    const slow = new RawClient(testApp.url, `/collab/${consultation.id}`, { token: carl.token });
    await slow.opened;
    // Stop reading: the kernel buffers fill, then the server's send buffer grows.
    (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const writer = stockClient(testApp.url, consultation.id, rita.token);
    await eventually(() => expect(writer.provider.synced).toBe(true));
    const chunk = 'x'.repeat(200_000);
    for (let i = 0; i < 60 && !slow.closed; i++) {
      typeParagraph(writer.doc, sectionA, chunk);
      await new Promise((resolve) => setTimeout(resolve, 10));
      (slow.socket as unknown as { _socket: { resume(): void; pause(): void } })._socket.pause();
    }
    // The server drops the slow socket at once; once it reads again it gets to the close frame.
    await eventually(() => expect(registry().connectionCount(consultation.id)).toBe(1), 10_000);
    (slow.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    expect((await slow.waitClosed(10_000)).code).toBe(CLOSE_CODES.SLOW_READER);
    expect(writer.provider.wsconnected).toBe(true);
    writer.destroy();
  });
});
