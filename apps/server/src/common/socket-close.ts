import type { WebSocket } from 'ws';

/** A peer that does not answer a close frame within this many ms is cut off. */
const CLOSE_HANDSHAKE_MS = 2_000;

/**
 * Closes a socket and resolves once it is closed, so a shutdown does not end the process before
 * the close frame has reached the client (which would then see 1006 instead of `code`).
 */
export function closeAndWait(socket: WebSocket, code: number, reason: string): Promise<void> {
  if (socket.readyState === socket.CLOSED) return Promise.resolve();
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  if (socket.readyState !== socket.CLOSING) socket.close(code, reason);
  const cutOff = setTimeout(() => socket.terminate(), CLOSE_HANDSHAKE_MS);
  return closed.finally(() => clearTimeout(cutOff));
}
