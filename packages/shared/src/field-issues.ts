import type { z } from 'zod';

/**
 * Why a field was refused, as a stable code a client translates (`issues[].code`); the English
 * `message` beside it is the fallback. Codes after `invalid` are the shared schemas' own checks;
 * a refinement names its code (and bounds) in its `params`: `{ issue: 'noChange' }`.
 */
export const FIELD_ISSUE_CODES = [
  'required',
  'tooShort',
  'tooLong',
  'tooSmall',
  'tooBig',
  'tooFew',
  'tooMany',
  'notWhole',
  'invalidEmail',
  'invalidId',
  'invalidDate',
  'invalidFormat',
  'invalidChoice',
  'invalidType',
  'unknownField',
  'invalid',
  'controlCharacters',
  'singleLine',
  'timeZone',
  'noChange',
  'endsBeforeStart',
  'programmeItemSections',
  'reasonRequired',
  'suggestionNeedsPassage',
  'duplicate',
  'unknownSection',
  'unknownSession',
  'unknownGroup',
  'unknownMember',
  'confirm',
] as const;
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];

/** The bounds a length or size code speaks of ("at most {{maximum}} characters"). */
export interface FieldIssueParams {
  minimum?: number;
  maximum?: number;
}

export interface FieldIssue {
  code: FieldIssueCode;
  params?: FieldIssueParams;
}

const CODES = new Set<string>(FIELD_ISSUE_CODES);

function bound(value: unknown): number | undefined {
  return typeof value === 'number' || typeof value === 'bigint' ? Number(value) : undefined;
}

/** The stable code (and bounds) of a zod issue raised by a shared schema. */
export function fieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  switch (issue.code) {
    case 'too_small': {
      const minimum = bound(issue.minimum);
      if (issue.origin === 'string') {
        return minimum === 1 ? { code: 'required' } : { code: 'tooShort', params: { minimum } };
      }
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'tooFew', params: { minimum } };
      return { code: 'tooSmall', params: { minimum } };
    }
    case 'too_big': {
      const maximum = bound(issue.maximum);
      if (issue.origin === 'string') return { code: 'tooLong', params: { maximum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'tooMany', params: { maximum } };
      return { code: 'tooBig', params: { maximum } };
    }
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'invalidEmail' };
      if (issue.format === 'uuid' || issue.format === 'guid') return { code: 'invalidId' };
      if (issue.format === 'date' || issue.format === 'datetime') return { code: 'invalidDate' };
      return { code: 'invalidFormat' };
    case 'not_multiple_of':
      return { code: 'notWhole' };
    case 'invalid_value':
      return { code: 'invalidChoice' };
    case 'invalid_type':
      return issue.expected === 'int' ? { code: 'notWhole' } : { code: 'invalidType' };
    case 'unrecognized_keys':
      return { code: 'unknownField' };
    case 'custom': {
      const { issue: code, minimum, maximum } = issue.params ?? {};
      if (typeof code !== 'string' || !CODES.has(code)) return { code: 'invalid' };
      const params = { minimum: bound(minimum), maximum: bound(maximum) };
      return params.minimum === undefined && params.maximum === undefined
        ? { code: code as FieldIssueCode }
        : { code: code as FieldIssueCode, params };
    }
    default:
      return { code: 'invalid' };
  }
}
