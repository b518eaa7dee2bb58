import { type AttributionMode, EXPORT_ROWS_HEADER, instantToZoned } from '@cw/shared';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildUser, type TestUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { anchorFor, buildThreadWorld, CIVIL, COMPANY, type ThreadWorld } from '../../test/thread-fixtures.js';

interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
}

async function download(testApp: TestApp, user: TestUser, path: string): Promise<Download> {
  const response = await fetch(testApp.url + path, { headers: { authorization: `Bearer ${user.token}` } });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
}

/** Every XML part of a DOCX, joined: names could hide in metadata as well as in the body. */
async function docxXml(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.values(zip.files).filter((file) => !file.dir);
  return (await Promise.all(parts.map((file) => file.async('string')))).join('\n');
}

/** Every link target a CommonMark viewer finds in `markdown`, in order. */
function linkTargets(markdown: string): string[] {
  const found: string[] = [];
  const visit = (node: Nodes) => {
    if ('url' in node) found.push(node.url);
    if ('children' in node) node.children.forEach(visit);
  };
  visit(fromMarkdown(markdown));
  return found;
}

/** Text without any white space: DOCX line breaks come out of text extraction as nothing. */
const compact = (text: string) => text.replace(/\s+/g, '');

/** A consultation with input from several groups, one deleted comment and a resolved thread. */
interface InputWorld {
  world: ThreadWorld;
  /** Everyone who gave input or holds a role: none of their names, emails or ids may leak. */
  people: TestUser[];
  /** Bodies of the comments that are not deleted. */
  texts: string[];
  deletedText: string;
  sessionId: string;
  /** Question 2, on no agenda session and without input. */
  silentQuestionId: string;
  /** Comments per label on question 1. */
  questionOneComments: Record<string, number>;
}

/**
 * Company, Academia, International and State have one member each: together fewer than k = 5,
 * so their input is shown as from "A participant". Civil society has six and is named.
 */
const SMALL = 'A participant';

const FORMULA = '=HYPERLINK("http://example.org/x","click")';
const MULTILINE = 'A reply, with a comma and "quotes"\nand a second line';
const DELETED = 'This remark will be withdrawn';

async function buildInputWorld(testApp: TestApp, mode: AttributionMode): Promise<InputWorld> {
  const world = await buildThreadWorld(testApp, { attributionMode: mode });
  const { sql } = testApp.db;
  const consultationId = world.consultation.id;
  const [session] = await sql<{ id: string }[]>`
    INSERT INTO agenda_sessions (consultation_id, title, starts_at, ends_at)
    VALUES (${consultationId}, 'Session 1: The State duty to protect',
            '2026-03-02T09:00:00Z', '2026-03-02T10:30:00Z') RETURNING id`;
  await sql`UPDATE guiding_questions SET session_id = ${session!.id} WHERE id = ${world.questionId}`;
  const [silent] = await sql<{ id: string }[]>`
    INSERT INTO guiding_questions (consultation_id, number, text)
    VALUES (${consultationId}, 2, 'Which remedies are missing?') RETURNING id`;

  // Five more civil society reviewers, members before anyone posts: the group is named from the start.
  const people = [world.admin, world.editor, world.reviewer, world.otherReviewer, world.observer];
  const voices: TestUser[] = [];
  for (let index = 0; index < 5; index += 1) {
    const user = await buildUser(testApp, { name: `Civil Voice ${index}` });
    await addMember(testApp, consultationId, user, 'reviewer', world.consultation.groups[CIVIL]!);
    people.push(user);
    voices.push(user);
  }

  const texts: string[] = [];
  const post = async (user: TestUser, path: string, body: string) => {
    const answer = await user.api.post(
      `${world.base}${path}`,
      path === '/threads' ? JSON.parse(body) : { body },
    );
    expect(answer.status).toBe(201);
    return answer.body;
  };

  const opening = 'Due diligence should be **mandatory** for large companies.';
  const thread = await post(
    world.reviewer,
    '/threads',
    JSON.stringify({
      questionId: world.questionId,
      anchor: await anchorFor(testApp, world, 0, 6),
      body: opening,
    }),
  );
  texts.push(opening);
  await post(world.otherReviewer, `/threads/${thread.id}/comments`, MULTILINE);
  texts.push(MULTILINE);
  const withdrawn = await post(world.reviewer, `/threads/${thread.id}/comments`, DELETED);
  expect((await world.reviewer.api.delete(`${world.base}/comments/${withdrawn.comments[2].id}`)).status).toBe(
    204,
  );
  const resolved = await world.editor.api.post(`${world.base}/threads/${thread.id}/resolve`, {
    outcome: 'partly_accepted',
    note: 'Taken into the second draft for large companies only.',
  });
  expect(resolved.status).toBe(200);

  // Five civil society voices open a thread each on question 1: one cell of five people.
  for (const [index, user] of voices.entries()) {
    const body = index === 0 ? FORMULA : `Remedies must reach affected communities (${index}).`;
    await post(user, '/threads', JSON.stringify({ questionId: world.questionId, body }));
    texts.push(body);
  }

  // Each voice had a change to the text accepted; the company reviewer one rejected, with a reason.
  const suggestion = async (
    user: TestUser,
    group: string,
    outcome: string,
    texts: [string, string],
    reason = '',
  ) => {
    const id = `suggestion${user.id.replaceAll('-', '').slice(0, 12)}`;
    await sql`
      INSERT INTO paper_suggestions (consultation_id, suggestion_id, author_id, group_id, attribution_mode,
        label_scope, section_id, outcome, reason, decided_by, decided_at, inserted_text, deleted_text)
      VALUES (${consultationId}, ${id}, ${user.id}, ${world.consultation.groups[group]!}, ${mode},
        ${group === CIVIL ? 'group' : 'pool'}, ${world.sectionId}, ${outcome}, ${reason}, ${world.editor.id},
        now(), ${texts[0]}, ${texts[1]})`;
  };
  for (const user of voices) await suggestion(user, CIVIL, 'accepted', ['must', 'should']);
  await suggestion(world.otherReviewer, COMPANY, 'rejected', ['', 'against'], 'The duty stays as agreed');

  const general = 'The paper should say more about small enterprises.';
  await post(world.admin, '/threads', JSON.stringify({ questionId: null, body: general }));
  texts.push(general);

  return {
    world,
    people,
    texts,
    deletedText: DELETED,
    sessionId: session!.id,
    silentQuestionId: silent!.id,
    questionOneComments: { [CIVIL]: 6, [SMALL]: 1 },
  };
}

function expectNoIdentities(content: string, people: TestUser[]) {
  for (const person of people) {
    expect(content).not.toContain(person.name);
    expect(content).not.toContain(person.email);
    expect(content).not.toContain(person.id);
  }
}

/** Parses a Markdown table under `heading` into rows of cells (header first). */
function markdownTable(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`### ${heading}`);
  expect(start).toBeGreaterThan(-1);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('|')) rows.push(line.slice(2, -2).split(' | '));
    else if (rows.length > 0) break;
  }
  return rows.filter((row) => !row.every((cell) => /^-+:?$/.test(cell.trim())));
}

describe.each(BACKENDS)('exports on %s', (backend) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp(backend, { COMMENT_RATE_LIMIT: '1000' });
  });
  afterAll(() => testApp.close());

  describe.each(['chatham', 'anonymous'] as const)('in %s mode', (mode) => {
    let input: InputWorld;
    let exportsPath: string;

    beforeAll(async () => {
      input = await buildInputWorld(testApp, mode);
      exportsPath = `${input.world.base}/exports`;
    });

    it('CSV: every comment not deleted, one row each, by group, without names, emails or ids', async () => {
      const answer = await download(testApp, input.world.editor, `${exportsPath}/input-csv`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(answer.headers.get('content-disposition')).toMatch(
        /^attachment; filename="input-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      expect(answer.headers.get(EXPORT_ROWS_HEADER)).toBe(String(input.texts.length));
      expect([...answer.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(answer.text).toContain('\r\n');

      const records = parse(answer.bytes, { bom: true, columns: true }) as Record<string, string>[];
      expect(Object.keys(records[0]!)).toEqual([
        'Thread',
        'Stakeholder group',
        'Guiding question',
        'Section',
        'Quoted passage',
        'Text',
        'Status',
        'Outcome',
        'Date',
      ]);
      // The formula arrives as text: a spreadsheet shows it instead of running it.
      const texts = records.map((record) => record.Text);
      expect(texts.toSorted()).toEqual(
        input.texts.map((text) => (text === FORMULA ? `'${text}` : text)).toSorted(),
      );
      expect(answer.text).not.toContain(input.deletedText);
      expectNoIdentities(answer.text, input.people);

      const reply = records.find((record) => record.Text === MULTILINE)!;
      expect(reply).toMatchObject({
        Thread: '1',
        'Stakeholder group': SMALL,
        'Guiding question': '1. What should States require of companies?',
        Section: '1 The State duty to protect',
        'Quoted passage': 'States',
        Status: 'Resolved',
        Outcome: 'Partly accepted',
        Date: instantToZoned(new Date(), 'Europe/Zurich').slice(0, 10),
      });
      const perGroup = records
        .filter((record) => record['Guiding question']!.startsWith('1.'))
        .reduce<Record<string, number>>((counts, record) => {
          counts[record['Stakeholder group']!] = (counts[record['Stakeholder group']!] ?? 0) + 1;
          return counts;
        }, {});
      expect(perGroup).toEqual(input.questionOneComments);
      expect(records.at(-1)).toMatchObject({
        'Guiding question': 'General input',
        Status: 'Open',
        Outcome: '',
      });
    });

    it('DOCX: every comment text, quotes labelled by group, no name, email or id anywhere in the file', async () => {
      const answer = await download(testApp, input.world.admin, `${exportsPath}/summary-docx`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(answer.headers.get('content-disposition')).toMatch(/filename="summary-notes-[\d-]+\.docx"/);
      expect(Number(answer.headers.get('content-length'))).toBe(answer.bytes.length);

      const { value: text } = await mammoth.extractRawText({ buffer: answer.bytes });
      // Light Markdown becomes formatting: the text without its asterisks, the word in bold.
      for (const body of input.texts) expect(compact(text)).toContain(compact(body.replaceAll('**', '')));
      expect(text).not.toContain('**mandatory**');
      expect(await docxXml(answer.bytes)).toMatch(/<w:b\/>(?:(?!<\/w:r>).)*<w:t[^>]*>mandatory<\/w:t>/);
      expect(text).not.toContain(input.deletedText);
      expect(text).toContain(`${SMALL}: `);
      expect(text).not.toContain(COMPANY);
      expect(text).toContain('Session: Session 1: The State duty to protect');
      expect(text).toContain(
        'Outcome: Partly accepted Taken into the second draft for large companies only.',
      );
      expect(text).toContain('Question 2. Which remedies are missing?');
      expect(text).toContain('How input was taken into account');
      expect(text).toContain('withheld');
      expectNoIdentities(await docxXml(answer.bytes), input.people);
    });

    it('PDF: the same notes, light Markdown as formatting, naming no one', async () => {
      const answer = await download(testApp, input.world.editor, `${exportsPath}/summary-pdf`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/pdf');
      expect(answer.headers.get('content-disposition')).toMatch(/filename="summary-notes-[\d-]+\.pdf"/);
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(answer.bytes)), {
        mergePages: true,
      });
      for (const body of input.texts) expect(compact(text)).toContain(compact(body.replaceAll('**', '')));
      expect(text).not.toContain(input.deletedText);
      expect(text).toContain(
        'Outcome: Partly accepted Taken into the second draft for large companies only.',
      );
      expectNoIdentities(text, input.people);
    });

    it('Markdown: the same notes, labelled k-anonymously, with figures from cells of at least k people', async () => {
      const answer = await download(testApp, input.world.editor, `${exportsPath}/summary-markdown`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      const markdown = answer.text;
      for (const body of input.texts) {
        for (const line of body.split('\n')) expect(markdown).toContain(`> ${line}`);
      }
      expect(markdown).not.toContain(input.deletedText);
      expectNoIdentities(markdown, input.people);
      // Session → question → group, in that order.
      const order = [
        '## Session: Session 1',
        '### Question 1.',
        `#### ${CIVIL}`,
        '## Questions outside the agenda',
        '### Question 2.',
        '## General input',
        '## Suggested changes to the paper',
        '## How input was taken into account',
      ];
      const positions = order.map((marker) => markdown.indexOf(marker));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect(positions).toEqual(positions.toSorted((a, b) => a - b));

      expect(markdown).not.toContain(COMPANY);
      expect(markdown).toContain(`#### ${SMALL}`);

      // The decided suggestions, by section and label, and their figures.
      expect(markdown).toContain('## Suggested changes to the paper');
      expect(markdown).toContain('_Replace “should” with “must”_');
      expect(markdown).toContain('**Decision: Rejected** The duty stays as agreed');
      const suggestions = markdownTable(markdown, 'Suggested changes per stakeholder group');
      expect(suggestions[0]).toEqual([
        'Stakeholder group',
        'Accepted',
        'Rejected',
        'Withdrawn by its author',
        'Not yet decided',
        'Total',
      ]);
      expect(suggestions.find((row) => row[0] === CIVIL)).toEqual([CIVIL, '5', '0', '0', '0', '5']);
      expect(suggestions.find((row) => row[0] === SMALL)).toEqual([
        SMALL,
        '0',
        'withheld',
        '0',
        '0',
        'withheld',
      ]);

      const table = markdownTable(markdown, 'Input per stakeholder group');
      expect(table[0]).toEqual(['Guiding question', CIVIL, SMALL, 'Total']);
      const questionOne = table.find((row) => row[0] === 'Question 1')!;
      // The five voices' threads make one publishable cell; the reviewer's anchored, resolved
      // thread and the company's reply are cells of one person each, left out of every figure.
      expect(questionOne).toEqual(['Question 1', 'at least 5', 'withheld', 'at least 5']);
      expect(table.find((row) => row[0] === 'Question 2')).toEqual(['Question 2', '0', '0', '0']);
      expect(markdown).toContain('input from a cell of fewer than 5 people');
    });

    it('in the language asked for: headers and headings translated, what people wrote as written', async () => {
      const csv = async (language: string) => {
        const answer = await download(
          testApp,
          input.world.editor,
          `${exportsPath}/input-csv?language=${language}`,
        );
        expect(answer.status).toBe(200);
        expect([...answer.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        return parse(answer.bytes, { bom: true, columns: true }) as Record<string, string>[];
      };
      const french = await csv('fr');
      expect(Object.keys(french[0]!)).toEqual([
        'Fil de discussion',
        'Groupe de parties prenantes',
        'Question directrice',
        'Section du document',
        'Passage cité',
        'Texte',
        'Statut',
        'Suite donnée',
        'Date',
      ]);
      expect(french.find((record) => record.Texte === MULTILINE)).toMatchObject({
        'Groupe de parties prenantes': 'Un participant',
        'Question directrice': '1. What should States require of companies?',
        Statut: 'Résolu',
        'Suite donnée': 'Contribution partiellement retenue',
      });
      expect(french.at(-1)).toMatchObject({
        'Question directrice': 'Contributions générales',
        Statut: 'Ouvert',
      });
      const chinese = await csv('zh');
      expect(Object.keys(chinese[0]!)).toEqual([
        '讨论串',
        '利益攸关方群体',
        '指导性问题',
        '节',
        '所引段落',
        '文本',
        '状态',
        '处理结果',
        '日期',
      ]);
      expect(chinese.map((record) => record['文本']).toSorted()).toEqual(
        input.texts.map((text) => (text === FORMULA ? `'${text}` : text)).toSorted(),
      );

      const notes = async (language: string, headings: string[]) => {
        const answer = await download(
          testApp,
          input.world.editor,
          `${exportsPath}/summary-markdown?language=${language}`,
        );
        expect(answer.status).toBe(200);
        for (const heading of headings) expect(answer.text).toContain(heading);
        for (const body of input.texts) {
          for (const line of body.split('\n')) expect(answer.text).toContain(`> ${line}`);
        }
        expect(answer.text).not.toContain('How input was taken into account');
      };
      await notes('fr', [
        '# Notes de synthèse : ',
        '## Séance : Session 1',
        '### Question 1 : What should States require of companies?',
        '## Prise en compte des contributions',
        '| Question directrice |',
      ]);
      await notes('zh', [
        '# 简要记录：',
        '## 会议：Session 1',
        '### 问题1：What should States require of companies?',
        '## 意见如何得到考虑',
        '| 指导性问题 |',
      ]);
    });

    it('in the account’s language when none is asked for, else in English', async () => {
      const { editor } = input.world;
      expect((await editor.api.patch('/api/auth/me', { language: 'es' })).status).toBe(200);
      try {
        const answer = await download(testApp, editor, `${exportsPath}/summary-markdown`);
        expect(answer.text).toContain('# Notas de síntesis: ');
        const english = await download(testApp, editor, `${exportsPath}/summary-markdown?language=en`);
        expect(english.text).toContain('# Summary notes: ');
      } finally {
        await editor.api.patch('/api/auth/me', { language: 'en' });
      }
    });

    it('a session filter keeps only that session’s questions', async () => {
      const answer = await download(
        testApp,
        input.world.editor,
        `${exportsPath}/summary-markdown?sessionId=${input.sessionId}`,
      );
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('### Question 1.');
      expect(answer.text).not.toContain('Question 2.');
      expect(answer.text).not.toContain('## General input');
      const csv = await download(
        testApp,
        input.world.editor,
        `${exportsPath}/input-csv?sessionId=${input.sessionId}`,
      );
      const records = parse(csv.bytes, { bom: true, columns: true }) as Record<string, string>[];
      expect(records).toHaveLength(input.texts.length - 1);
      expect(records.every((record) => record['Guiding question']!.startsWith('1.'))).toBe(true);
    });

    it('names cannot be asked for outside named mode', async () => {
      const answer = await input.world.admin.api.get(`${exportsPath}/input-csv?includeNames=true`);
      expect(answer.status).toBe(400);
      expect(answer.body.issues).toEqual([
        {
          path: 'query.includeNames',
          message: 'names can be included only while the attribution mode is named',
          code: 'invalid',
        },
      ]);
    });
  });

  describe('in named mode', () => {
    let input: InputWorld;
    let exportsPath: string;

    beforeAll(async () => {
      input = await buildInputWorld(testApp, 'named');
      exportsPath = `${input.world.base}/exports`;
    });

    it('leaves names out unless an admin opts in', async () => {
      for (const format of ['input-csv', 'summary-markdown'] as const) {
        const answer = await download(testApp, input.world.admin, `${exportsPath}/${format}`);
        expect(answer.status).toBe(200);
        expectNoIdentities(answer.text, input.people);
      }
      expectNoIdentities(
        await docxXml((await download(testApp, input.world.admin, `${exportsPath}/summary-docx`)).bytes),
        input.people,
      );
    });

    it('includes the names of the authors, and never emails or ids, when an admin opts in', async () => {
      const csv = await download(testApp, input.world.admin, `${exportsPath}/input-csv?includeNames=true`);
      expect(csv.status).toBe(200);
      const records = parse(csv.bytes, { bom: true, columns: true }) as Record<string, string>[];
      expect(records.find((record) => record.Text === MULTILINE)?.Name).toBe(input.world.otherReviewer.name);
      const docx = await download(
        testApp,
        input.world.admin,
        `${exportsPath}/summary-docx?includeNames=true`,
      );
      const { value: text } = await mammoth.extractRawText({ buffer: docx.bytes });
      expect(text).toContain(`${input.world.otherReviewer.name} (${COMPANY}): `);
      for (const content of [csv.text, await docxXml(docx.bytes)]) {
        for (const person of input.people) {
          expect(content).not.toContain(person.email);
          expect(content).not.toContain(person.id);
        }
      }
    });

    it('refuses names to an editor', async () => {
      const answer = await input.world.editor.api.get(`${exportsPath}/summary-markdown?includeNames=true`);
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('FORBIDDEN');
    });
  });

  describe('from the attacker’s side', () => {
    let world: ThreadWorld;
    let outsider: TestUser;

    beforeAll(async () => {
      world = await buildThreadWorld(testApp);
      outsider = await buildUser(testApp);
    });

    it.each(['input-csv', 'summary-docx', 'summary-markdown'])(
      'reviewers and observers get 403 for %s',
      async (format) => {
        for (const user of [world.reviewer, world.observer]) {
          const answer = await user.api.get(`${world.base}/exports/${format}`);
          expect(answer.status).toBe(403);
          expect(answer.body.code).toBe('FORBIDDEN');
        }
      },
    );

    it('non-members get 404 and learn nothing', async () => {
      const answer = await outsider.api.get(`${world.base}/exports/input-csv`);
      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe('CONSULTATION_NOT_FOUND');
    });

    it('links in a comment to scripts, data or images leave the summary notes; http(s) and mailto stay', async () => {
      const body = [
        'See [the report](javascript:alert(document.cookie)), [the annex](JaVaScRiPt&#58;alert(1))',
        'and [OHCHR](https://www.ohchr.org/) or [write to us](mailto:btech@ohchr.org).',
        '![tracker](https://tracker.example.org/p.png) [cited][src]',
        '',
        '[src]: data:text/html,<script>alert(1)</script>',
      ].join('\n');
      const posted = await world.reviewer.api.post(`${world.base}/threads`, { questionId: null, body });
      expect(posted.status).toBe(201);

      const markdown = (await download(testApp, world.admin, `${world.base}/exports/summary-markdown`)).text;
      expect(linkTargets(markdown)).toEqual(['https://www.ohchr.org/', 'mailto:btech@ohchr.org']);
      expect(markdown).toMatch(/> See the report, the annex\n> and \[OHCHR\]\(https:\/\/www\.ohchr\.org\/\)/);
      expect(markdown).not.toMatch(/javascript|data:text|tracker\.example/i);

      const docx = await download(testApp, world.admin, `${world.base}/exports/summary-docx`);
      const xml = await docxXml(docx.bytes);
      expect(xml).not.toMatch(/javascript|data:text|tracker\.example/i);
      const { value: text } = await mammoth.extractRawText({ buffer: docx.bytes });
      expect(compact(text)).toContain(compact('See the report, the annex and OHCHR or write to us'));
      // The safe links are Word hyperlinks to their targets.
      expect(xml).toMatch(/Target="https:\/\/www\.ohchr\.org\/" TargetMode="External"/);
      expect(xml).toMatch(/Target="mailto:btech@ohchr\.org" TargetMode="External"/);
    });

    it('unknown formats, sessions and options get 400 with a message', async () => {
      const cases: [string, string][] = [
        ['/exports/pdf', 'params.format'],
        ['/exports/input-csv?sessionId=not-a-uuid', 'query.sessionId'],
        ['/exports/input-csv?sessionId=7d8e1f7a-3c2b-4b5a-9e6d-1a2b3c4d5e6f', 'query.sessionId'],
        ['/exports/input-csv?includeNames=yes', 'query.includeNames'],
        ['/exports/input-csv?phase=open', 'query'],
        ['/exports/input-csv?language=de', 'query.language'],
        ['/exports/summary-pdf?language=zh', 'query.language'],
        ['/exports/results-pdf?language=ar', 'query.language'],
      ];
      for (const [path, field] of cases) {
        const answer = await world.admin.api.get(`${world.base}${path}`);
        expect(answer.status, path).toBe(400);
        expect(answer.body.code).toBe('VALIDATION_FAILED');
        expect(answer.body.issues[0].path, path).toBe(field);
        expect(answer.body.issues[0].message.length).toBeGreaterThan(0);
      }
    });
  });
});
