import { CLOSE_CODES } from '@cw/shared';
import type { WebSocket } from 'ws';
import { isDatabaseUnavailable } from '../db/database-errors.js';

/**
 * Closes a socket whose admission failed unexpectedly: with 4503 when the database is away (the
 * client retries and gets in once it is back), with 1011 otherwise.
 */
export function closeOnError(socket: WebSocket, error: unknown): void {
  if (isDatabaseUnavailable(error))
    socket.close(CLOSE_CODES.UNAVAILABLE, 'Database unavailable; try again shortly');
  else socket.close(CLOSE_CODES.INTERNAL_ERROR, 'Internal error');
}
