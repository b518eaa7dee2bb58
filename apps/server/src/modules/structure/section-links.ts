import { Injectable } from '@nestjs/common';
import type { FieldIssueCode } from '@cw/shared';
import { AppError } from '../../common/app-error.js';
import type { Queryable } from '../../db/database.js';
import { SectionsRepository } from './sections.repository.js';

/** Checks that linked section ids belong to the consultation: links never cross consultations. */
@Injectable()
export class SectionLinks {
  constructor(private readonly sections: SectionsRepository) {}

  /** The ids without duplicates, or 400 naming `body.sectionIds` when one is not a section here. */
  async validate(consultationId: string, sectionIds: string[], q: Queryable): Promise<string[]> {
    const unique = [...new Set(sectionIds)];
    const existing = await this.sections.existingIds(consultationId, unique, q);
    if (existing.size !== unique.length) {
      const message = 'must be sections of this consultation';
      throw new AppError('VALIDATION_FAILED', `Invalid request: body.sectionIds: ${message}`, [
        { path: 'body.sectionIds', message, code: 'unknownSection' },
      ]);
    }
    return unique;
  }
}

/** A 400 for one body field whose value refers to something that is not in this consultation. */
export function invalidField(field: string, message: string, code: FieldIssueCode): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid request: body.${field}: ${message}`, [
    { path: `body.${field}`, message, code },
  ]);
}
