import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { fieldIssue } from './field-issues.js';
import { email, NO_CHANGE, text, timeZone, uuid } from './schemas/common.js';
import { resolveThreadBody } from './schemas/threads.js';

/** The code of the first issue `schema` raises for `value`. */
function codeOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be refused');
  return fieldIssue(result.error.issues[0]!);
}

describe('fieldIssue', () => {
  it('names empty, short and long text with its bounds, however long the input', () => {
    const title = text({ max: 10 });
    expect(codeOf(title, '   ')).toEqual({ code: 'required' });
    expect(codeOf(text({ min: 3, max: 10 }), 'ab')).toEqual({ code: 'tooShort', params: { minimum: 3 } });
    expect(codeOf(title, 'x'.repeat(11))).toEqual({ code: 'tooLong', params: { maximum: 10 } });
    // Absurd input stops at the first check, which still speaks of the field's own limit.
    expect(codeOf(title, 'x'.repeat(1000))).toEqual({ code: 'tooLong', params: { maximum: 10 } });
    expect(codeOf(title, 'two\nlines')).toEqual({ code: 'singleLine' });
    expect(codeOf(title, 'bell\u0007')).toEqual({ code: 'controlCharacters' });
  });

  it('names formats, choices, types, sizes and unknown fields', () => {
    expect(codeOf(email, 'not an address')).toEqual({ code: 'invalidEmail' });
    expect(codeOf(uuid, '42')).toEqual({ code: 'invalidId' });
    expect(codeOf(z.enum(['a', 'b']), 'c')).toEqual({ code: 'invalidChoice' });
    expect(codeOf(z.string().max(5), 7)).toEqual({ code: 'invalidType' });
    expect(codeOf(z.int().min(2), 1)).toEqual({ code: 'tooSmall', params: { minimum: 2 } });
    expect(codeOf(z.int(), 1.5)).toEqual({ code: 'notWhole' });
    expect(codeOf(z.array(z.string()).max(1), ['a', 'b'])).toEqual({
      code: 'tooMany',
      params: { maximum: 1 },
    });
    expect(codeOf(z.strictObject({ a: z.string() }), { a: 'x', b: 1 })).toEqual({ code: 'unknownField' });
  });

  it("names the shared schemas' own checks by the code their refinement gives", () => {
    expect(codeOf(timeZone, 'Mars/Olympus')).toEqual({ code: 'timeZone' });
    expect(
      codeOf(
        z
          .object({ a: z.string() })
          .partial()
          .refine((b) => Object.keys(b).length > 0, NO_CHANGE),
        {},
      ),
    ).toEqual({
      code: 'noChange',
    });
    expect(codeOf(resolveThreadBody, { outcome: 'not_accepted', note: ' ' })).toEqual({
      code: 'reasonRequired',
    });
    expect(
      codeOf(
        z.string().refine(() => false, { params: { issue: 'not a code' } }),
        'x',
      ),
    ).toEqual({
      code: 'invalid',
    });
  });
});
