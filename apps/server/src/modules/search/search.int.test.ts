import { sectionFragmentName, type SearchResult, type SearchResults } from '@cw/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { anchorFor, buildThreadWorld, type ThreadWorld } from '../../test/thread-fixtures.js';
import { eventually } from '../../test/ws-clients.js';
import { PaperRegistry } from '../collab/index.js';

const matchedWords = (result: SearchResult) =>
  result.fragment.filter((part) => part.isMatch).map((part) => part.text);
const fragmentText = (result: SearchResult) => result.fragment.map((part) => part.text).join('');
/** The results about threads: comments and quotes. */
const inThreads = (results: SearchResults) =>
  results.results.flatMap((result) => (result.type === 'comment' || result.type === 'quote' ? [result] : []));

/** A word in each of the six UN languages, found by another form of it where the language has stemming rules. */
const LANGUAGES = [
  { language: 'en', body: 'Companies are protecting the workers', query: 'protect', match: 'protecting' },
  {
    language: 'fr',
    body: 'Les entreprises doivent respecter les droits humains',
    query: 'droit',
    match: 'droits',
  },
  {
    language: 'es',
    body: 'Las empresas deben proteger los derechos humanos',
    query: 'derecho',
    match: 'derechos',
  },
  { language: 'ru', body: 'Компании должны защищать права человека', query: 'компания', match: 'Компании' },
  { language: 'ar', body: 'يجب على الشركات احترام حقوق الإنسان', query: 'شركة', match: 'الشركات' },
  { language: 'zh', body: '企业必须尊重人权和环境保护。', query: '人权', match: '人权' },
] as const;

describe.each(BACKENDS)('search on %s', (backend) => {
  let testApp: TestApp;
  let world: ThreadWorld;
  const search = (user: ThreadWorld['reviewer'], params: Record<string, string>, base = world.base) =>
    user.api.get<SearchResults>(`${base}/search?${new URLSearchParams(params)}`);

  beforeAll(async () => {
    testApp = await startTestApp(backend, { COMMENT_RATE_LIMIT: '1000' });
    world = await buildThreadWorld(testApp, { attributionMode: 'chatham' });
  });
  afterAll(() => testApp.close());

  it('finds comments and quoted passages by a form of their words, best match first, with the words marked', async () => {
    const anchor = await anchorFor(testApp, world, 0, 6);
    const opened = await world.reviewer.api.post(`${world.base}/threads`, {
      anchor,
      questionId: world.questionId,
      body: 'Regulators should audit algorithms. Audits of algorithms need independent auditors.',
    });
    const threadId = opened.body.id as string;
    await world.otherReviewer.api.post(`${world.base}/threads/${threadId}/comments`, {
      body: 'One audit a year is enough.',
    });

    const found = await search(world.observer, { q: 'audited algorithm' });
    expect(found.status).toBe(200);
    expect(found.body.results).toHaveLength(1);
    expect(found.body.results[0]).toMatchObject({
      type: 'comment',
      threadId,
      questionId: world.questionId,
      sectionId: world.sectionId,
      author: { label: 'Other stakeholders', scope: 'pool', isYou: false },
    });
    expect(matchedWords(found.body.results[0]!)).toEqual(['audit', 'algorithms', 'Audits', 'algorithms']);

    const ranked = await search(world.observer, { q: 'audit' });
    expect(ranked.body.results.map((result) => result.type)).toEqual(['comment', 'comment']);
    expect(fragmentText(ranked.body.results[0]!)).toContain('Audits of algorithms');

    const quoted = await search(world.observer, { q: anchor.quote });
    expect(quoted.body.results).toContainEqual(
      expect.objectContaining({ type: 'quote', threadId, sectionId: world.sectionId }),
    );
  });

  it('combines with the thread filters, the stakeholder label as the caller sees it', async () => {
    const general = await world.reviewer.api.post(`${world.base}/threads`, {
      questionId: null,
      body: 'Procurement rules matter.',
    });
    const onQuestion = await world.otherReviewer.api.post(`${world.base}/threads`, {
      questionId: world.questionId,
      body: 'Procurement by States is leverage.',
    });
    await world.editor.api.post(`${world.base}/threads/${onQuestion.body.id}/resolve`, {
      outcome: 'accepted',
      note: 'Taken up',
    });
    const threadsOf = async (params: Record<string, string>) =>
      inThreads((await search(world.observer, { q: 'procurement', ...params })).body).map((r) => r.threadId);

    expect(await threadsOf({})).toHaveLength(2);
    expect(await threadsOf({ questionId: 'general' })).toEqual([general.body.id]);
    expect(await threadsOf({ questionId: world.questionId })).toEqual([onQuestion.body.id]);
    expect(await threadsOf({ status: 'resolved' })).toEqual([onQuestion.body.id]);
    expect(await threadsOf({ status: 'open', sectionId: world.sectionId })).toEqual([]);
    // Groups under k are pooled: a group id singles out nobody, the pooled label finds both.
    expect(await threadsOf({ groupId: world.consultation.groups['Civil society organisation']! })).toEqual(
      [],
    );
    expect(await threadsOf({ groupId: 'other' })).toHaveLength(2);
  });

  it('never matches hidden or redacted text, for any role', async () => {
    const opened = await world.reviewer.api.post(`${world.base}/threads`, {
      questionId: null,
      body: 'Confidential whistleblower testimony follows.',
    });
    const hiddenId = opened.body.comments[0].id as string;
    const reply = await world.otherReviewer.api.post(`${world.base}/threads/${opened.body.id}/comments`, {
      body: 'Mention Zanzibar then plain text',
    });
    const redactedId = reply.body.comments[1].id as string;
    expect((await search(world.reviewer, { q: 'whistleblower' })).body.results).toHaveLength(1);
    await world.editor.api.post(`${world.base}/comments/${hiddenId}/hide`, { reason: 'Unsafe' });
    await world.editor.api.post(`${world.base}/comments/${redactedId}/redact`, {
      ranges: [{ start: 8, end: 16 }],
      reason: 'Place',
    });

    for (const user of [world.reviewer, world.otherReviewer, world.editor, world.admin]) {
      expect((await search(user, { q: 'whistleblower' })).body.results).toEqual([]);
      expect((await search(user, { q: 'Zanzibar' })).body.results).toEqual([]);
      const shown = await search(user, { q: 'plain' });
      expect(shown.body.results).toHaveLength(1);
      expect(JSON.stringify(shown.body)).not.toContain('Zanzibar');
    }

    await world.editor.api.post(`${world.base}/comments/${hiddenId}/restore`);
    expect((await search(world.reviewer, { q: 'whistleblower' })).body.results).toHaveLength(1);
    // Deleted, it leaves a tombstone without text.
    expect((await world.reviewer.api.delete(`${world.base}/comments/${hiddenId}`)).status).toBe(204);
    expect((await search(world.reviewer, { q: 'whistleblower' })).body.results).toEqual([]);
  });

  it("finds no member by name or email in Chatham House mode, and shows no one's name", async () => {
    const opened = await world.reviewer.api.post(`${world.base}/threads`, {
      questionId: null,
      body: 'Grievance mechanisms need funding.',
    });
    expect(opened.status).toBe(201);
    for (const person of [world.reviewer, world.otherReviewer, world.editor]) {
      for (const q of [person.name, person.name.split(' ')[0]!, person.email]) {
        expect((await search(world.otherReviewer, { q })).body.results).toEqual([]);
      }
    }
    const found = await search(world.otherReviewer, { q: 'grievance' });
    expect(found.body.results).toHaveLength(1);
    const raw = JSON.stringify(found.body);
    expect(raw).not.toContain(world.reviewer.name);
    expect(raw).not.toContain(world.reviewer.id);
    // Organisers see names in Chatham House mode, as the thread shows them.
    const forEditor = await search(world.editor, { q: 'grievance' });
    expect(forEditor.body.results[0]).toMatchObject({ author: { name: world.reviewer.name } });
  });

  it('keeps every consultation to its own members and input', async () => {
    const other = await buildThreadWorld(testApp);
    await other.reviewer.api.post(`${other.base}/threads`, { questionId: null, body: 'Tariffs elsewhere' });
    expect((await search(other.reviewer, { q: 'tariffs' }, other.base)).body.results).toHaveLength(1);
    expect((await search(world.admin, { q: 'tariffs' })).body.results).toEqual([]);

    const outsider = await buildUser(testApp);
    const refused = await search(outsider, { q: 'tariffs' });
    expect(refused.status).toBe(404);
    expect((refused.body as unknown as { code: string }).code).toBe('CONSULTATION_NOT_FOUND');
    expect((await search(world.admin, { q: 'tariffs' }, other.base)).status).toBe(404);
  });

  it('refuses an empty, missing or overlong query with the shared error body', async () => {
    const refusals: Record<string, string>[] = [
      { q: '' },
      { q: '   ' },
      {},
      { q: 'x'.repeat(201) },
      { q: 'a', groupId: 'nobody' },
    ];
    for (const params of refusals) {
      const refused = await search(world.reviewer, params);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    }
    const operators = await search(world.reviewer, { q: '"unclosed -or OR & | ! :* <->' });
    expect(operators.status).toBe(200);
    const stopWords = await search(world.reviewer, { q: 'the of and' });
    expect(stopWords.status).toBe(200);
    expect(stopWords.body.results).toEqual([]);
  });

  it('finds a word in each of the six UN languages, stemmed where the language has rules', async () => {
    for (const { language, body, query, match } of LANGUAGES) {
      expect((await world.admin.api.patch(world.base, { language })).status).toBe(200);
      const opened = await world.reviewer.api.post(`${world.base}/threads`, { questionId: null, body });
      const found = inThreads((await search(world.observer, { q: query })).body);
      expect(
        found.map((result) => result.threadId),
        language,
      ).toContain(opened.body.id);
      const result = found.find((candidate) => candidate.threadId === opened.body.id)!;
      expect(matchedWords(result), language).toEqual([match]);
      expect(body, language).toContain(fragmentText(result));
    }
    // Chinese characters match as a run, wherever it stands, and only as a run.
    expect((await search(world.observer, { q: '尊重人权' })).body.results).toHaveLength(1);
    expect((await search(world.observer, { q: '权人' })).body.results).toEqual([]);
    // Changing the language indexed the earlier input again, by the new rules.
    expect(inThreads((await search(world.observer, { q: 'protecting' })).body)).toHaveLength(1);
    expect(inThreads((await search(world.observer, { q: 'protect' })).body)).toEqual([]);
    expect((await world.admin.api.patch(world.base, { language: 'de' })).status).toBe(400);
  });

  it("finds the paper's text as it is now, as each version has it, and each session's notes as last published", async () => {
    const paperWorld = await buildThreadWorld(testApp);
    const { base, sectionId } = paperWorld;
    const sectionsFound = async (q: string) =>
      (await search(paperWorld.observer, { q }, base)).body.results.filter((r) => r.type === 'section');

    // The section's starting text, indexed by the first search that needs it.
    const found = await sectionsFound('technology companies');
    expect(found).toEqual([expect.objectContaining({ type: 'section', sectionId })]);
    expect(matchedWords(found[0]!)).toEqual(['technology', 'companies']);

    const saved = await paperWorld.editor.api.post(`${base}/versions`, { name: 'First draft' });
    expect(saved.status).toBe(201);
    await testApp.app
      .get(PaperRegistry)
      .change(paperWorld.consultation.id, 'chatham', paperWorld.editor.id, (doc) => {
        const paragraph = doc.getXmlFragment(sectionFragmentName(sectionId)).get(0) as Y.XmlElement;
        const text = paragraph.get(0) as Y.XmlText;
        text.delete(0, text.length);
        text.insert(0, 'Zeppelins carry the mail.');
      });
    // The edit is indexed once stored; the version keeps the text it was taken with.
    await eventually(async () => expect(await sectionsFound('zeppelin')).toHaveLength(1));
    expect(await sectionsFound('technology')).toEqual([]);
    const inVersion = await search(paperWorld.reviewer, { q: 'technology' }, base);
    expect(inVersion.body.results).toEqual([
      expect.objectContaining({
        type: 'version',
        versionId: saved.body.id,
        versionName: 'First draft',
        sectionId,
      }),
    ]);
    // Thread filters other than the section leave the paper out.
    expect((await search(paperWorld.reviewer, { q: 'zeppelin', status: 'open' }, base)).body.results).toEqual(
      [],
    );
    expect((await search(paperWorld.reviewer, { q: 'zeppelin', sectionId }, base)).body.results).toHaveLength(
      1,
    );

    const { sql } = testApp.db;
    const [session] = await sql<{ id: string }[]>`
      INSERT INTO agenda_sessions (consultation_id, title, starts_at, ends_at)
      VALUES (${paperWorld.consultation.id}, 'Morning', now(), now() + interval '1 hour') RETURNING id`;
    const publish = (general: string) => sql`
      INSERT INTO session_notes_publications (consultation_id, session_id, content, published_at)
      VALUES (${paperWorld.consultation.id}, ${session!.id},
              ${sql.json({ questions: [], general: [{ type: 'paragraph', text: general }] })}, clock_timestamp())`;
    await publish('Participants asked for remedies.');
    await publish('Participants asked for ombudspersons.');
    const notes = await search(paperWorld.observer, { q: 'participant' }, base);
    expect(notes.body.results).toEqual([expect.objectContaining({ type: 'notes', sessionId: session!.id })]);
    expect(matchedWords(notes.body.results[0]!)).toEqual(['Participants']);
    expect((await search(paperWorld.observer, { q: 'remedies' }, base)).body.results).toEqual([]);
    // Another consultation's paper, versions and notes never answer.
    expect((await search(world.observer, { q: 'zeppelin' })).body.results).toEqual([]);
    expect((await search(world.observer, { q: 'ombudsperson' })).body.results).toEqual([]);
  });
});
