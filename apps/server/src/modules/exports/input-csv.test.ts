import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import { describe, expect, it, vi } from 'vitest';
import type { InputCsvRow } from './exports.repository.js';
import { exportText } from './export-text.js';
import { inputCsvStream } from './input-csv.js';

const english = exportText('en');

function row(overrides: Partial<InputCsvRow> = {}): InputCsvRow {
  return {
    thread_number: 1,
    group_id: 'g-civil',
    group_name: 'Civil society organisation',
    label_scope: 'group',
    is_hidden: false,
    question_number: 3,
    question_text: 'What should States require?',
    section_number: '2',
    section_title: 'Scope',
    quote: 'smart mix',
    body: 'A comment',
    status: 'resolved',
    outcome: 'no_change_needed',
    day: '2026-03-02',
    ...overrides,
  };
}

const SCOPES = { 'g-civil': 'group', 'g-company': 'pool' } as const;

/** The whole output as a string, byte order mark kept (a TextDecoder would drop it). */
const text = async (stream: Readable) => (await buffer(stream)).toString('utf8');

async function* batches(rows: InputCsvRow[]) {
  yield rows;
}

describe('inputCsvStream', () => {
  it('writes a BOM, a header and CRLF records, quoting per RFC 4180', async () => {
    const body = 'Line one, with "quotes"\nline two';
    const csv = await text(inputCsvStream(batches([row({ body })]), SCOPES, false, english));
    expect(
      csv.startsWith(
        '\uFEFFThread,Stakeholder group,Guiding question,Section,Quoted passage,Text,Status,Outcome,Date\r\n',
      ),
    ).toBe(true);
    expect(csv).toContain('"Line one, with ""quotes""\nline two"');
    expect(csv.endsWith('\r\n')).toBe(true);
    const [record] = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(record).toEqual({
      Thread: '1',
      'Stakeholder group': 'Civil society organisation',
      'Guiding question': '3. What should States require?',
      Section: '2 Scope',
      'Quoted passage': 'smart mix',
      Text: body,
      Status: 'Resolved',
      Outcome: 'No change needed',
      Date: '2026-03-02',
    });
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '＝1'])(
    'makes a cell starting like a formula (%j) plain text with an apostrophe',
    async (body) => {
      const csv = await text(
        inputCsvStream(batches([row({ body, quote: body, group_name: body })]), SCOPES, false, english),
      );
      const [record] = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
      expect(record!.Text).toBe(`'${body}`);
      expect(record!['Quoted passage']).toBe(`'${body}`);
      expect(record!['Stakeholder group']).toBe(`'${body}`);
    },
  );

  it('labels general input and open threads, and leaves empty what does not apply', async () => {
    const csv = await text(
      inputCsvStream(
        batches([
          row({
            question_number: null,
            question_text: null,
            section_number: null,
            section_title: null,
            quote: null,
            status: 'open',
            outcome: null,
          }),
        ]),
        SCOPES,
        false,
        english,
      ),
    );
    const [record] = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(record).toMatchObject({
      'Guiding question': 'General input',
      Section: '',
      'Quoted passage': '',
      Status: 'Open',
      Outcome: '',
    });
  });

  it('labels groups by the k-anonymous rule, and shows hidden comments as hidden', async () => {
    const csv = await text(
      inputCsvStream(
        batches([
          row({ group_id: 'g-company', group_name: 'Company / business' }),
          row({ label_scope: 'pool', body: 'Posted while the group was small' }),
          row({ body: '', is_hidden: true }),
        ]),
        SCOPES,
        false,
        english,
      ),
    );
    const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(records.map((record) => record['Stakeholder group'])).toEqual([
      'Other stakeholders',
      'Other stakeholders',
      'Civil society organisation',
    ]);
    expect(records[2]!.Text).toBe('(Hidden by the organisers.)');
    expect(csv).not.toContain('Company');
  });

  it('adds a Name column only when names are included', async () => {
    const named = await text(
      inputCsvStream(batches([row({ author_name: 'Rosa Reviewer' })]), SCOPES, true, english),
    );
    expect((parse(named, { bom: true, columns: true }) as Record<string, string>[])[0]!.Name).toBe(
      'Rosa Reviewer',
    );
    const plain = await text(
      inputCsvStream(batches([row({ author_name: 'Rosa Reviewer' })]), SCOPES, false, english),
    );
    expect(plain).not.toContain('Rosa Reviewer');
    expect(plain).not.toContain('Name');
  });

  it('pulls rows only as they are read, and stops the source when the reader goes away', async () => {
    let batchesRead = 0;
    let isClosed = false;
    async function* endless() {
      try {
        for (;;) {
          batchesRead += 1;
          yield Array.from({ length: 100 }, () => row({ body: 'x'.repeat(200) }));
        }
      } finally {
        isClosed = true;
      }
    }
    const stream = inputCsvStream(endless(), SCOPES, false, english);
    // Unread, the stream fills its buffer to the high-water mark, then stops pulling from the
    // source: a few batches, not the endless source.
    await vi.waitFor(() =>
      expect(stream.readableLength).toBeGreaterThanOrEqual(stream.readableHighWaterMark),
    );
    const readWhenFull = batchesRead;
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(batchesRead).toBe(readWhenFull);
    expect(batchesRead).toBeLessThan(20);
    stream.destroy();
    await vi.waitFor(() => expect(isClosed).toBe(true));
  });

  it('writes its headers and its own words in the language asked for, and what people wrote as written', async () => {
    const csv = await text(
      inputCsvStream(
        batches([
          row({ body: 'A comment', question_number: null }),
          row({ label_scope: 'pool', group_id: 'g-company' }),
        ]),
        SCOPES,
        false,
        exportText('ru'),
      ),
    );
    expect(
      csv.startsWith(
        '\uFEFFВетка обсуждения,Группа заинтересованных сторон,Руководящий вопрос,Раздел,Цитируемый фрагмент,Текст,Статус,Итог,Дата\r\n',
      ),
    ).toBe(true);
    const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(records[0]).toMatchObject({
      'Руководящий вопрос': 'Общие замечания',
      Текст: 'A comment',
      Статус: 'Рассмотрена',
      Итог: 'Изменения не требуются',
      Дата: '2026-03-02',
    });
    expect(records[1]!['Группа заинтересованных сторон']).toBe('Другие заинтересованные стороны');
  });
});
