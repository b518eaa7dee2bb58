import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { freePort } from './free-port.js';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest installed Postgres server binaries (Debian layout), or undefined. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

/**
 * A Postgres server of the test's own, in a temporary directory on a free port, that the test
 * may stop and start at will (the shared server is never touched). Postgres refuses to run as
 * root, so as root the binaries run as the `postgres` OS user.
 */
export class PrivatePostgres {
  private constructor(
    private readonly binDir: string,
    private readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async create(binDir: string): Promise<PrivatePostgres> {
    const dir = await mkdtemp(join(tmpdir(), 'cw-pg-'));
    if (userInfo().uid === 0) await run('chown', ['postgres:postgres', dir]);
    else await chown(dir, userInfo().uid, userInfo().gid);
    const server = new PrivatePostgres(binDir, dir, await freePort());
    await server.exec('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '--no-sync']);
    await server.start();
    return server;
  }

  private async exec(binary: string, args: string[]): Promise<void> {
    const path = join(this.binDir, binary);
    if (userInfo().uid === 0) await run('runuser', ['-u', 'postgres', '--', path, ...args]);
    else await run(path, args);
  }

  async start(): Promise<void> {
    await this.exec('pg_ctl', [
      '-D',
      join(this.dir, 'data'),
      '-l',
      join(this.dir, 'server.log'),
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      '-w',
      'start',
    ]);
  }

  /** Fast shutdown: open connections are terminated, as in a restart or fail-over. */
  async stop(): Promise<void> {
    await this.exec('pg_ctl', ['-D', join(this.dir, 'data'), '-m', 'fast', '-w', 'stop']);
  }

  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}
