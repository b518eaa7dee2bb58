import { describe, expect, it } from 'vitest';
import { createConsultationBody, sessionBody } from './consultation.js';
import { email, text, timeZone } from './common.js';

describe('shared validation', () => {
  it('rejects NUL bytes, control characters and line breaks in single-line text', () => {
    const title = text({ max: 10 });
    expect(title.safeParse('a\u0000b').success).toBe(false);
    expect(title.safeParse('a\nb').success).toBe(false);
    expect(text({ max: 10, multiline: true }).safeParse('a\nb').success).toBe(true);
  });

  it('rejects huge strings with a length message', () => {
    const result = text({ max: 200 }).safeParse('x'.repeat(1_000_000));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/at most/);
    expect(result.error?.issues).toHaveLength(1);
  });

  it('normalises emails and checks time zones', () => {
    expect(email.parse('  Ana@Example.ORG ')).toBe('ana@example.org');
    expect(timeZone.safeParse('Europe/Zurich').success).toBe(true);
    expect(timeZone.safeParse('Mars/Olympus').success).toBe(false);
  });

  it('rejects unknown fields', () => {
    expect(createConsultationBody.safeParse({ title: 'T', isAdmin: true }).success).toBe(false);
  });

  it('requires a session to end after it starts', () => {
    const result = sessionBody.safeParse({
      title: 'S',
      startsAt: '2026-01-01T10:00',
      endsAt: '2026-01-01T09:00',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['endsAt']);
  });

  it('makes an agenda item a review session unless told, and keeps programme items free of sections', () => {
    const times = { startsAt: '2026-01-01T09:00', endsAt: '2026-01-01T09:10' };
    expect(sessionBody.parse({ title: 'S', ...times }).kind).toBe('review');
    expect(sessionBody.parse({ kind: 'programme', title: 'Dial in', ...times }).kind).toBe('programme');
    const result = sessionBody.safeParse({
      kind: 'programme',
      title: 'Opening remarks',
      ...times,
      sectionIds: ['5f0c3ad2-8f4e-4a57-9a39-2c2b6f1f0c11'],
    });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['sectionIds']]);
    expect(sessionBody.safeParse({ kind: 'break', title: 'S', ...times }).success).toBe(false);
  });
});
