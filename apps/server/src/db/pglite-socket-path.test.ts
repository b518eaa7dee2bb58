import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pgliteSocketPath, removeStalePgliteSockets } from './pglite-socket-path.js';

describe('embedded database socket paths', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'cw-sockets-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('names a fresh socket after this process', () => {
    const path = pgliteSocketPath(directory);
    expect(dirname(path)).toBe(directory);
    expect(basename(path)).toMatch(new RegExp(`^cw-pglite-${process.pid}-[0-9a-f]{8}\\.sock$`));
    expect(pgliteSocketPath(directory)).not.toBe(path);
  });

  it('removes the sockets of ended processes and keeps those of running ones and other files', async () => {
    // A process that has surely ended: one that ran and exited.
    const endedPid = spawnSync(process.execPath, ['-e', '']).pid!;
    const ended = basename(pgliteSocketPath(directory)).replace(String(process.pid), String(endedPid));
    const running = basename(pgliteSocketPath(directory));
    for (const name of [ended, running, 'cw-pglite-notes.txt', 'other.sock']) {
      await writeFile(join(directory, name), '');
    }
    await removeStalePgliteSockets(directory);
    expect((await readdir(directory)).sort()).toEqual(['cw-pglite-notes.txt', 'other.sock', running].sort());
  });
});
