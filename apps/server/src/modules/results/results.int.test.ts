import type { ConsultationResults } from '@cw/shared';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { anchorFor, buildThreadWorld, CIVIL, type ThreadWorld } from '../../test/thread-fixtures.js';

describe.each(BACKENDS)('published results on %s', (backend) => {
  let testApp: TestApp;
  let world: ThreadWorld;
  let stranger: TestUser;
  let people: TestUser[];
  const read = async (user: TestUser) =>
    (await user.api.get(`${world.base}/results`)) as {
      status: number;
      body: ConsultationResults & { code?: string };
    };

  beforeAll(async () => {
    testApp = await startTestApp(backend);
    world = await buildThreadWorld(testApp, { phase: 'open' });
    stranger = await buildUser(testApp);
    people = [world.admin, world.editor, world.reviewer, world.otherReviewer, world.observer];
    const post = async (user: TestUser, path: string, body: unknown) => {
      const answer = await user.api.post(`${world.base}${path}`, body);
      if (answer.status !== 201 && answer.status !== 200) throw new Error(JSON.stringify(answer.body));
      return answer.body as { id: string; comments: { id: string }[] };
    };
    // The reviewer's passage thread is partly taken up; the company's stays open, and its opening
    // comment is hidden by the organisers.
    const taken = await post(world.reviewer, '/threads', {
      questionId: world.questionId,
      anchor: await anchorFor(testApp, world, 0, 6),
      body: 'Require **mandatory** due diligence.',
    });
    await post(world.editor, `/threads/${taken.id}/resolve`, {
      outcome: 'partly_accepted',
      note: 'For large companies only.',
    });
    const hidden = await post(world.otherReviewer, '/threads', { questionId: null, body: 'Names a person' });
    await post(world.editor, `/comments/${hidden.comments[0]!.id}/hide`, { reason: 'It names a person' });
    await testApp.db.sql`
      INSERT INTO paper_suggestions (consultation_id, suggestion_id, author_id, group_id, attribution_mode,
        label_scope, section_id, outcome, reason, decided_by, decided_at, inserted_text, deleted_text)
      VALUES (${world.consultation.id}, 'resultsRejected0000000', ${world.reviewer.id},
        ${world.consultation.groups[CIVIL]!}, 'chatham', 'participant', ${world.sectionId}, 'rejected',
        'The duty is agreed wording', ${world.editor.id}, now(), '', 'protect')`;
  });
  afterAll(() => testApp.close());

  it('lets the organisers preview the results before they are published, and nobody else', async () => {
    const preview = await read(world.editor);
    expect(preview.status).toBe(200);
    expect(preview.body.isPublished).toBe(false);
    for (const member of [world.reviewer, world.observer]) {
      const refused = await read(member);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('PHASE_FORBIDS');
    }
    expect((await read(stranger)).status).toBe(404);
  });

  it('tells every member, once published, how each thread and suggestion was taken into account', async () => {
    for (const phase of ['closed', 'published'])
      expect((await world.admin.api.post(`${world.base}/phase`, { phase })).status).toBe(200);
    const { status, body } = await read(world.reviewer);
    expect(status).toBe(200);
    expect(body.isPublished).toBe(true);
    expect(body.questions.map((q) => q.number)).toEqual([1]);
    expect(body.threads).toEqual([
      {
        id: expect.any(String),
        questionId: world.questionId,
        section: { id: world.sectionId, number: '1', title: 'The State duty to protect' },
        quote: 'States',
        opening: 'Require **mandatory** due diligence.',
        // Five groups of one, five people together: pooled.
        label: 'Other stakeholders',
        outcome: 'partly_accepted',
        reason: 'For large companies only.',
        isYours: true,
      },
      {
        id: expect.any(String),
        questionId: null,
        section: null,
        quote: null,
        // Hidden by the organisers: its text is not published.
        opening: null,
        label: 'Other stakeholders',
        outcome: null,
        reason: '',
        isYours: false,
      },
    ]);
    expect(body.suggestions).toEqual([
      {
        section: { id: world.sectionId, number: '1', title: 'The State duty to protect' },
        insertedText: '',
        deletedText: 'protect',
        outcome: 'rejected',
        reason: 'The duty is agreed wording',
        // Recorded while its group was shown as no more than a participant.
        label: 'A participant',
        isYours: true,
      },
    ]);
    expect((await read(world.otherReviewer)).body.threads.map((t) => t.isYours)).toEqual([false, true]);
    expect((await read(world.observer)).status).toBe(200);
  });

  it('publishes participation only as figures from at least k people, and names no one', async () => {
    const { body } = await read(world.observer);
    const participation = body.participation!;
    // k = 5 and one member per group: no group is named, and no figure counts fewer than 5 people.
    expect(participation.rows.map((row) => row.label)).toEqual(['Other stakeholders', 'A participant']);
    const figures = [...participation.rows.map((row) => row.figures), participation.total];
    for (const figure of figures.flatMap((f) => [f.invited, f.joined, f.active])) {
      expect(typeof figure === 'number' ? figure === 0 || figure >= 5 : true).toBe(true);
    }
    expect(participation.total.active).toEqual({ atLeast: 0 });
    for (const viewer of [world.observer, world.admin]) {
      const text = JSON.stringify((await read(viewer)).body);
      for (const person of people) {
        expect(text).not.toContain(person.id);
        expect(text).not.toContain(person.name);
        expect(text).not.toContain(person.email);
      }
    }
  });

  it('exports the same results for posting elsewhere, naming no one', async () => {
    const download = async (user: TestUser, path: string) => {
      const response = await fetch(`${testApp.url}${world.base}/exports/${path}`, {
        headers: { authorization: `Bearer ${user.token}` },
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        bytes,
        text: bytes.toString(),
      };
    };
    const markdown = await download(world.editor, 'results-markdown');
    expect(markdown.status).toBe(200);
    expect(markdown.type).toBe('text/markdown; charset=utf-8');
    for (const expected of [
      '# Results: ',
      '## How input was taken into account',
      '> Require **mandatory** due diligence.',
      '**Outcome: Partly accepted** For large companies only.',
      '## Suggested changes to the paper',
      '**Decision: Rejected** The duty is agreed wording',
      '### Who took part',
    ]) {
      expect(markdown.text).toContain(expected);
    }
    const docx = await download(world.admin, 'results-docx');
    expect(docx.status).toBe(200);
    const zip = await JSZip.loadAsync(docx.bytes);
    const xml = (await Promise.all(Object.values(zip.files).map((file) => file.async('string')))).join('\n');
    expect(xml).toContain('For large companies only.');
    const pdf = await download(world.editor, 'results-pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const { text: pdfText } = await extractText(await getDocumentProxy(new Uint8Array(pdf.bytes)), {
      mergePages: true,
    });
    expect(pdfText).toContain('Require mandatory due diligence.');
    expect(pdfText).toContain('The duty is agreed wording');
    for (const text of [markdown.text, xml, pdfText]) {
      for (const person of people) {
        expect(text).not.toContain(person.id);
        expect(text).not.toContain(person.name);
        expect(text).not.toContain(person.email);
      }
    }
    expect((await download(world.reviewer, 'results-markdown')).status).toBe(403);
    for (const query of ['?includeNames=true', `?sessionId=${crypto.randomUUID()}`]) {
      expect((await download(world.admin, `results-markdown${query}`)).status).toBe(400);
    }
  });
});
