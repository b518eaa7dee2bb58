import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../db/database.js';
import { ApiClient } from '../test/http-client.js';
import { processEnvironment, ServerProcess } from '../test/server-process.js';

const SERVER_PACKAGE = fileURLToPath(new URL('../..', import.meta.url));

describe('start-up on an embedded data folder', () => {
  let env: Record<string, string>;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ env, dispose } = await processEnvironment('pglite'));
  });
  afterAll(() => dispose());

  it('refuses a second server on the same folder, naming the folder and the process holding it', async () => {
    const first = new ServerProcess(env);
    const url = await first.start();
    try {
      const second = new ServerProcess(env);
      const refusal = await second.start().then(
        () => undefined,
        (error: Error) => error.message,
      );
      expect(refusal).toMatch(/exited with 1/);
      expect(refusal).toContain(`The data folder ${env.DATA_DIR} is in use by process `);
      expect(refusal).toContain('give this one another DATA_DIR');
      expect((await new ApiClient(url).get('/api/health')).status).toBe(200);
    } finally {
      await first.stop();
    }
  });

  it('takes the folder over from a server that was killed', async () => {
    const crashed = new ServerProcess(env);
    await crashed.start();
    await crashed.kill();
    const next = new ServerProcess(env);
    const url = await next.start();
    expect((await new ApiClient(url).get('/api/health')).status).toBe(200);
    expect(await next.stop()).toEqual({ code: 0, signal: null });
  });

  it('reports a busy port in one line before opening or seeding anything', async () => {
    const running = new ServerProcess(env);
    const port = new URL(await running.start()).port;
    const other = await processEnvironment('pglite');
    try {
      const clash = new ServerProcess({ ...other.env, PORT: port, DEMO_MODE: 'true' });
      const refusal = await clash.start().then(
        () => undefined,
        (error: Error) => error.message,
      );
      expect(refusal).toMatch(/exited with 1/);
      expect(clash.output.trim()).toBe(
        `Port ${port} on 127.0.0.1 is already in use (another server?). Stop it, or set PORT to a free port.`,
      );
      expect(existsSync(join(other.env.DATA_DIR!, 'pglite'))).toBe(false);
    } finally {
      await running.stop();
      await other.dispose();
    }
  });

  it('refuses to start, in one line, on a database whose applied migration was edited', async () => {
    const first = new ServerProcess(env);
    await first.start();
    await first.stop();
    const tamper = async (change: (sql: Database['sql']) => Promise<void>) => {
      const database = await Database.open({ pgliteDir: join(env.DATA_DIR!, 'pglite') });
      await change(database.sql);
      await database.close();
    };
    let original = { version: '', name: '', checksum: '' };
    await tamper(async (sql) => {
      const [row] = await sql<{ version: string; name: string; checksum: string }[]>`
        SELECT version, name, checksum FROM schema_migrations WHERE version = '0001'`;
      original = row!;
      await sql`UPDATE schema_migrations SET checksum = 'edited' WHERE version = '0001'`;
    });
    try {
      const refused = new ServerProcess(env);
      const failure = await refused.start().then(
        () => undefined,
        (error: Error) => error.message,
      );
      expect(failure).toMatch(/exited with 1/);
      expect(refused.output.trim()).toBe(
        `Migration ${original.version}_${original.name}.sql was changed after it was applied to this database. Applied migrations are never edited: restore the file as it was and put the change in a new migration.`,
      );
    } finally {
      await tamper(async (sql) => {
        await sql`UPDATE schema_migrations SET checksum = ${original.checksum} WHERE version = '0001'`;
      });
    }
  });

  it('ends cleanly on Ctrl-C under `pnpm start`: exit 0 and no package-manager error', async () => {
    const child = spawn('pnpm', ['start'], {
      cwd: SERVER_PACKAGE,
      // A process group of its own, like a terminal's foreground job that Ctrl-C signals whole.
      detached: true,
      env: {
        ...process.env,
        ...env,
        HOST: '127.0.0.1',
        DEMO_MODE: 'false',
        WEB_DIST: '',
        LOG_FORMAT: 'json',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('listening on')) resolve();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`pnpm start exited with ${code}:\n${output}`)));
    });
    process.kill(-child.pid!, 'SIGINT');
    expect(await exit).toBe(0);
    expect(output).not.toMatch(/ELIFECYCLE|ERR_PNPM/);
  });
});
