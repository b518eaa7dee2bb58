import { z } from 'zod';
import { type ApiErrorBody, ERROR_CODES, type ErrorCode } from '../errors.js';
import { FIELD_ISSUE_CODES } from '../field-issues.js';

export const errorCode = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);

export const validationIssue = z.object({
  path: z.string().describe('Where in the input, e.g. `body.title` or `params.consultationId`'),
  message: z.string().describe('In English; clients translate `code`'),
  code: z.enum(FIELD_ISSUE_CODES).describe('Why the field was refused: a stable code to translate'),
  params: z
    .object({ minimum: z.number().optional(), maximum: z.number().optional() })
    .optional()
    .describe('The bound a length or size code speaks of'),
});

/** The body of every error answer, as the OpenAPI document describes it. */
export const apiErrorBody = z.object({
  statusCode: z.int().min(400).max(599).describe('The HTTP status, repeated'),
  code: errorCode.describe('What went wrong, from a fixed registry: switch on this, never on the message'),
  message: z.string().describe('For people; its wording may change'),
  issues: z
    .array(validationIssue)
    .optional()
    .describe('With `VALIDATION_FAILED` (and a refused confirmation): one entry per field'),
}) satisfies z.ZodType<ApiErrorBody>;
