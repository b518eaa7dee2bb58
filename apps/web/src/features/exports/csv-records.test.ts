import { describe, expect, it } from 'vitest';
import { CsvRecordCounter } from './csv-records';

const encode = (text: string) => new TextEncoder().encode(text);

describe('CsvRecordCounter', () => {
  it('counts records, not the line breaks inside quoted fields', () => {
    const counter = new CsvRecordCounter();
    counter.push(encode('Text,Status\r\n"one\r\ntwo, ""quoted""",Open\r\nplain,Resolved\r\n'));
    expect(counter.records).toBe(3);
  });

  it('gives the same count however the bytes are split into chunks', () => {
    const csv = encode('a,b\r\n"x\ny",z\r\n"""",w\r\n');
    for (let split = 0; split <= csv.length; split += 1) {
      const counter = new CsvRecordCounter();
      counter.push(csv.subarray(0, split));
      counter.push(csv.subarray(split));
      expect(counter.records).toBe(3);
    }
  });
});
