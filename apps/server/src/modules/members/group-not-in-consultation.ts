import { AppError } from '../../common/app-error.js';

/** A 400 on `body.groupId`: the id is a valid UUID but names another consultation's group (or none). */
export function groupNotInConsultation(): AppError {
  const message = 'must be a stakeholder group of this consultation';
  return new AppError('VALIDATION_FAILED', `Invalid request: body.groupId: ${message}`, [
    { path: 'body.groupId', message, code: 'unknownGroup' },
  ]);
}
