import { createServer } from 'node:net';

/** The port cannot be listened on; the message says what to do, in one line. */
export class PortUnavailableError extends Error {}

/** One line naming the port and the remedy, for the errors `listen` gives. */
export function portProblem(error: unknown, host: string, port: number): PortUnavailableError | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new PortUnavailableError(
      `Port ${port} on ${host} is already in use (another server?). Stop it, or set PORT to a free port.`,
    );
  }
  if (code === 'EACCES') {
    return new PortUnavailableError(
      `Port ${port} needs privileges this process lacks: set PORT to 1024 or above.`,
    );
  }
  if (code === 'EADDRNOTAVAIL') {
    return new PortUnavailableError(
      `HOST ${host} is not an address of this machine: set HOST to one that is.`,
    );
  }
  return undefined;
}

/**
 * Fails fast, before the database is opened or demo data seeded, when the server could not
 * listen on `host:port` (`listen` itself reports the same in the unlikely race after this).
 */
export async function ensurePortIsFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen({ host, port, exclusive: true }, resolve);
    });
  } catch (error) {
    throw portProblem(error, host, port) ?? error;
  }
  await new Promise((resolve) => probe.close(resolve));
}
