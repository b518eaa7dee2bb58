import { fieldIssue } from '@cw/shared';
import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { fieldIssueMessage } from './error-messages';

/**
 * Checks a form against its shared schema, each problem in the reader's language: the schemas'
 * own messages are the server's English fallback, and zod lets them outrank any error map.
 */
export function sharedSchemaResolver<S extends z.ZodType<unknown, FieldValues>>(
  schema: S,
): Resolver<z.input<S>, unknown, z.output<S>> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      errors[issue.path.join('.')] ??= { type: issue.code, message: fieldIssueMessage(fieldIssue(issue)) };
    }
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}
