import { describe, expect, it } from 'vitest';
import { attachmentName, exportUrl } from './download-export';

describe('exportUrl', () => {
  it('adds only the options that are set, and always the language', () => {
    expect(
      exportUrl('c1', { format: 'input-csv', sessionId: undefined, includeNames: false, language: 'en' }),
    ).toBe('/api/consultations/c1/exports/input-csv?language=en');
    expect(
      exportUrl('c1', { format: 'summary-docx', sessionId: 's1', includeNames: true, language: 'zh' }),
    ).toBe('/api/consultations/c1/exports/summary-docx?sessionId=s1&includeNames=true&language=zh');
  });
});

describe('attachmentName', () => {
  it('reads the file name from Content-Disposition, with a fallback', () => {
    expect(attachmentName('attachment; filename="input-2026-03-02.csv"', 'x')).toBe('input-2026-03-02.csv');
    expect(attachmentName(null, 'export')).toBe('export');
  });
});
