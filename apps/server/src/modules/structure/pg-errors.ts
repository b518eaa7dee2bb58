/** Postgres error codes we turn into client answers rather than 500s. */
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** A concurrent writer took the same unique value between our check and our write. */
export const isUniqueViolation = (error: unknown) => hasCode(error, UNIQUE_VIOLATION);
/** A concurrent writer started referencing the row we are deleting. */
export const isForeignKeyViolation = (error: unknown) => hasCode(error, FOREIGN_KEY_VIOLATION);
