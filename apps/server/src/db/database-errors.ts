/**
 * Errors that mean "the database is not reachable right now" rather than "this query is wrong":
 * the request changed nothing and may succeed once the database is back.
 */
const CONNECTION_ERROR_CODES = new Set([
  // postgres.js: the connection failed, was closed under a query or timed out connecting.
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  // Node.js sockets.
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // Postgres: shutting down, crashed, starting up or out of connections.
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return false;
  // SQLSTATE class 08: connection exceptions.
  return CONNECTION_ERROR_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code);
}

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
