import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { fieldIssue } from '@cw/shared';
import type { z } from 'zod';
import { AppError } from './app-error.js';

/** Turns zod issues into `{ path, message, code }`, the path prefixed with where the input came from. */
export function toIssues(error: z.ZodError, where: string) {
  return error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
    ...fieldIssue(issue),
  }));
}

/**
 * Validates one route argument against a shared zod schema. Unknown fields are rejected by the
 * schemas themselves (strict objects); the handler receives the parsed, typed value.
 */
@Injectable()
export class ZodValidationPipe<T extends z.ZodType> implements PipeTransform {
  constructor(private readonly schema: T) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.output<T> {
    const where = metadata.type === 'param' ? 'params' : metadata.type === 'custom' ? 'input' : metadata.type;
    const result = this.schema.safeParse(value ?? (metadata.type === 'body' ? undefined : {}));
    if (!result.success) {
      const issues = toIssues(result.error, where);
      const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
      throw new AppError('VALIDATION_FAILED', `Invalid request: ${summary}`, issues);
    }
    return result.data;
  }
}
