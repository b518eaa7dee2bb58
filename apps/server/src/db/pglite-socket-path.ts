import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const SOCKET_NAME = /^cw-pglite-(\d+)-[0-9a-f]+\.sock$/;

/**
 * A fresh private socket path for this process's embedded database, in the temporary directory
 * (a data directory's path may exceed the ~100-byte limit of Unix socket paths).
 */
export function pgliteSocketPath(directory = tmpdir()): string {
  return join(directory, `cw-pglite-${process.pid}-${randomBytes(4).toString('hex')}.sock`);
}

/**
 * Removes the sockets left by processes that ended without closing (killed, crashed), so they do
 * not pile up in the temporary directory. A socket whose process still runs is kept.
 */
export async function removeStalePgliteSockets(directory = tmpdir()): Promise<void> {
  const names = await readdir(directory).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      const pid = SOCKET_NAME.exec(name)?.[1];
      if (pid === undefined || isRunning(Number(pid))) return;
      await rm(join(directory, name), { force: true });
    }),
  );
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
