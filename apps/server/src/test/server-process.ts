import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { killChild } from './kill-child.js';
import { type Backend, createTestDatabase } from './test-database.js';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** The organiser the bootstrap settings of `processEnvironment` create. */
export const PROCESS_ORGANISER = { email: 'organiser@example.org', password: 'organiser password' };

/**
 * Settings for server processes on `backend` that keep their data between restarts: a data
 * directory (PGlite) or a throwaway Postgres database, and the organiser. `dispose` removes both.
 */
export async function processEnvironment(
  backend: Backend,
): Promise<{ env: Record<string, string>; dispose(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cw-process-'));
  const database = backend === 'postgres' ? await createTestDatabase() : undefined;
  return {
    env: {
      PORT: '0',
      DATA_DIR: dataDir,
      ...(database?.url ? { DATABASE_URL: database.url } : {}),
      BOOTSTRAP_ADMIN_EMAIL: PROCESS_ORGANISER.email,
      BOOTSTRAP_ADMIN_PASSWORD: PROCESS_ORGANISER.password,
      PASSWORD_HASH_MEMORY_KIB: '1024',
    },
    async dispose() {
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The built server as a real OS process, for tests that kill it (run `pnpm build` first). */
export class ServerProcess {
  private child: ChildProcess | undefined;
  private exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | undefined;
  url = '';
  /** Everything the process wrote to standard output and error so far. */
  output = '';

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<string> {
    if (!existsSync(MAIN)) throw new Error(`Build the server first: ${MAIN} is missing`);
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        DEMO_MODE: 'false',
        WEB_DIST: '',
        NO_COLOR: '1',
        // start() waits for the "listening on" line, which is logged at info.
        LOG_LEVEL: 'info',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    this.url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const match = /listening on [^\s:]+:(\d+)/.exec(this.output);
        if (match) resolve(`http://127.0.0.1:${match[1]}`);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${this.output}`)));
    });
    return this.url;
  }

  /** Whether the process is still running (it has not crashed or exited). */
  get isRunning(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGTERM, as an orchestrator stops a container; resolves with how the process ended. */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.child || !this.exit) throw new Error('not started');
    if (this.isRunning) this.child.kill('SIGTERM');
    return this.exit;
  }

  /** SIGKILL: no shutdown hooks, no flush — what a crash or an OOM kill does. */
  async kill(): Promise<void> {
    await killChild(this.child);
  }
}
