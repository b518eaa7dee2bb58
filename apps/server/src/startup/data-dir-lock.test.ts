import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, DataDirLock } from './data-dir-lock.js';

const HOLDER = { pid: 4242, url: 'http://localhost:3000', startedAt: '2026-12-07T09:00:00.000Z' };

describe('DataDirLock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cw-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a second holder, naming the first, until the first lets go', async () => {
    const lock = await DataDirLock.acquire(dir, HOLDER);
    const refusal = await DataDirLock.acquire(dir, { ...HOLDER, pid: 5151 }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DataDirInUseError);
    expect((refusal as DataDirInUseError).holder).toEqual(HOLDER);
    expect((refusal as Error).message).toBe(
      `The data folder ${dir} is in use by process 4242 (started 2026-12-07T09:00:00.000Z, serving http://localhost:3000). Stop that server first, or give this one another DATA_DIR.`,
    );
    await lock.release();
    await (await DataDirLock.acquire(dir, HOLDER)).release();
  });

  it('takes over a lock whose holder was killed', async () => {
    const path = join(dir, 'server.lock');
    const holder = spawn(process.execPath, [
      '-e',
      `require('node:net').createServer().listen(${JSON.stringify(path)}, () => console.log('holding'))`,
    ]);
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    const killed = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await killed;
    expect(existsSync(path)).toBe(true);
    await (await DataDirLock.acquire(dir, HOLDER)).release();
  });

  it('holds a folder whose path is too long for a socket inside it', async () => {
    const deep = join(dir, 'x'.repeat(60), 'y'.repeat(60));
    const lock = await DataDirLock.acquire(deep, HOLDER);
    await expect(DataDirLock.acquire(deep, HOLDER)).rejects.toBeInstanceOf(DataDirInUseError);
    await lock.release();
  });
});
