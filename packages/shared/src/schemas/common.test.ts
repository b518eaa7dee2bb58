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
});
