import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, realpath, rm } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Who holds a data folder, as its holder describes itself to a process that asks. */
export interface LockHolder {
  pid: number;
  /** Where the holder's users open the app. */
  url: string;
  startedAt: string;
}

/** Another running server holds the folder; the message names the folder and that process. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder | undefined,
  ) {
    const who = holder
      ? `process ${holder.pid} (started ${holder.startedAt}, serving ${holder.url})`
      : 'another process';
    super(
      `The data folder ${dir} is in use by ${who}. Stop that server first, or give this one another DATA_DIR.`,
    );
  }
}

/** The longest Unix socket path the kernel takes (sun_path holds 108 bytes on Linux, 104 on macOS). */
const MAX_SOCKET_PATH = 100;
/** How long a holder has to say who it is before the answer is given up on. */
const HOLDER_ANSWER_MS = 2_000;

/**
 * The socket's path: inside the folder when it fits the kernel's limit, else a name in the
 * temporary folder derived from the folder's real path (the same folder gives the same name).
 */
async function socketPath(dir: string): Promise<string> {
  const inside = join(dir, 'server.lock');
  if (Buffer.byteLength(inside) <= MAX_SOCKET_PATH) return inside;
  const digest = createHash('sha256')
    .update(await realpath(dir))
    .digest('hex')
    .slice(0, 24);
  return join(tmpdir(), `cw-data-${digest}.lock`);
}

type Probe = { kind: 'held'; holder: LockHolder | undefined } | { kind: 'free' };

/** Connects to the lock socket: a live holder answers with who it is; a dead one's file refuses. */
function probe(path: string): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    let answer = '';
    const timer = setTimeout(() => socket.destroy(), HOLDER_ANSWER_MS);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('close', () => {
      clearTimeout(timer);
      try {
        resolve({ kind: 'held', holder: JSON.parse(answer) as LockHolder });
      } catch {
        resolve({ kind: 'held', holder: undefined });
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve({ kind: 'free' });
      else reject(error);
    });
  });
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * One server process per embedded data folder: two processes writing one PGlite folder would
 * corrupt it, and sessions made on one would be unknown to the other. The lock is a Unix socket
 * the holder listens on. The kernel closes it when the process ends, however it ends (kill -9
 * included), so a socket file nobody answers on is a stale lock and is taken over.
 */
export class DataDirLock {
  private constructor(private readonly server: Server) {}

  /** Takes the folder for this process or throws `DataDirInUseError`. */
  static async acquire(dir: string, holder: LockHolder): Promise<DataDirLock> {
    await mkdir(dir, { recursive: true });
    const path = await socketPath(dir);
    const server = createServer((socket) => socket.end(JSON.stringify(holder)));
    // Binding fails while the socket file exists, so of two servers starting at once one wins.
    // A file left by a process that ended is a stale lock: removed, and the bind tried again.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        await listen(server, path);
        // An open lock must not keep the process alive once everything else has ended.
        server.unref();
        // Exiting leaves the socket file behind (it would only count as stale): tidy it away.
        process.once('exit', () => rmSync(path, { force: true }));
        return new DataDirLock(server);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      }
      const found = await probe(path);
      if (found.kind === 'held') throw new DataDirInUseError(dir, found.holder);
      await rm(path, { force: true });
    }
    throw new DataDirInUseError(dir, undefined);
  }

  /** Gives the folder up (the socket file is removed with the socket). */
  release(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
