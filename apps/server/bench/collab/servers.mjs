import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { heapUsedAfterGc, INSPECT_FLAG, inspectorUrl } from './heap-probe.mjs';

const SERVER_DIR = fileURLToPath(new URL('../../', import.meta.url));
const OUR_ENTRY = join(SERVER_DIR, 'dist/main.js');
const REFERENCE_ENTRY = join(
  SERVER_DIR,
  'node_modules/@y/websocket-server',
  createRequire(import.meta.url)('@y/websocket-server/package.json').bin['y-websocket-server'],
);

// The servers run on this Node.js: figures from one older than the product supports would not
// be the product's (package.json "engines").
const [NODE_MAJOR, NODE_MINOR] = process.versions.node.split('.').map(Number);
if (NODE_MAJOR < 22 || (NODE_MAJOR === 22 && NODE_MINOR < 12)) {
  process.stderr.write(`Benchmarks need Node.js 22.12 or later; this is ${process.version}\n`);
  process.exit(2);
}

export const HOST = '127.0.0.1';
export const ADMIN = { email: 'bench-organiser@example.org', password: 'bench-organiser-password' };

const PROFILE_EXIT_SIGNAL = 'SIGUSR2';
const PROFILE_EXIT = fileURLToPath(new URL('./profile-exit.mjs', import.meta.url));

/**
 * Node flags that make a server write a V8 CPU profile into `dir` as `<name>.cpuprofile`. A
 * profile is only written on a normal exit, and both servers die by signal on SIGTERM, so they
 * also get a handler that exits normally on SIGUSR2 (see `stopProfiled`).
 */
export function cpuProfileFlags(dir, name) {
  return [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    `--cpu-prof-name=${name}.cpuprofile`,
    '--import',
    PROFILE_EXIT,
  ];
}

/** Every child process started here, so an exit for any reason takes them down too. */
const children = new Set();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url}: server did not come up within ${timeoutMs} ms`);
}

function launch(entry, env, nodeFlags) {
  const child = spawn(process.execPath, [...nodeFlags, entry], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  let errors = '';
  let inspector;
  child.stderr.on('data', (chunk) => {
    errors = (errors + chunk).slice(-4000);
    inspector ??= inspectorUrl(errors);
  });
  child.on('exit', () => children.delete(child));
  return { child, errors: () => errors, inspector: () => inspector };
}

/** A server under test: its address, its process id for /proc sampling, and how to stop it. */
class ServerProcess {
  constructor(name, { child, errors, inspector }, port, cleanup) {
    this.name = name;
    this.child = child;
    this.pid = child.pid;
    this.port = port;
    this.httpUrl = `http://${HOST}:${port}`;
    this.wsUrl = `ws://${HOST}:${port}`;
    this.errors = errors;
    this.cleanup = cleanup;
    this.inspector = inspector;
  }

  /** Live JS heap after a full collection; the server must have been started with INSPECT_FLAG. */
  heapUsedAfterGc() {
    const url = this.inspector();
    if (!url) throw new Error(`${this.name}: started without ${INSPECT_FLAG}`);
    return heapUsedAfterGc(url);
  }

  /** SIGTERM, so ours stores pending edits before exiting; SIGKILL after 15 s. */
  async stop() {
    const hasExited = this.child.exitCode !== null || this.child.signalCode !== null;
    if (!hasExited) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
  }

  /** Ends a server started with `cpuProfileFlags`, which writes its profile on the way out. */
  async stopProfiled() {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill(PROFILE_EXIT_SIGNAL);
    await exited;
  }

  async dispose() {
    await this.stop();
    await this.cleanup();
  }
}

/**
 * Starts our server from its build on a free loopback port: embedded PGlite in a temporary
 * directory, or the Postgres at `databaseUrl`. Demo data off; the bootstrap organiser signs in.
 * `env` adds settings (e.g. REDIS_URL).
 */
export async function startOurServer({ databaseUrl, dataDir, nodeFlags = [], env: extraEnv = {} }) {
  const port = await freePort();
  const ownDir = dataDir ?? (await mkdtemp(join(tmpdir(), 'cw-bench-')));
  const env = {
    NODE_ENV: 'production',
    HOST,
    PORT: String(port),
    PUBLIC_URL: `http://${HOST}:${port}`,
    DATA_DIR: ownDir,
    DEMO_MODE: 'false',
    WEB_DIST: '',
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    PASSWORD_HASH_MEMORY_KIB: '1024',
    // Setup signs up and signs in hundreds of invited members from one address; the limits guard
    // people, not load.
    INVITATION_RATE_LIMIT: '10000',
    LOGIN_RATE_LIMIT: '10000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...extraEnv,
  };
  const launched = launch(OUR_ENTRY, env, ['--enable-source-maps', ...nodeFlags]);
  const server = new ServerProcess('ours', launched, port, () =>
    dataDir ? Promise.resolve() : rm(ownDir, { recursive: true, force: true }),
  );
  server.dataDir = ownDir;
  await waitForHttp(`${server.httpUrl}/api/health`, launched.child);
  return server;
}

/** Starts the stock `@y/websocket-server` (in memory, no authentication) on a free loopback port. */
export async function startReferenceServer({ nodeFlags = [] } = {}) {
  const port = await freePort();
  const launched = launch(REFERENCE_ENTRY, { HOST, PORT: String(port) }, nodeFlags);
  const server = new ServerProcess('reference', launched, port, () => Promise.resolve());
  await waitForHttp(server.httpUrl, launched.child);
  return server;
}
