import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port';

const SERVER_MAIN = fileURLToPath(new URL('../../../server/dist/main.js', import.meta.url));
const WEB_DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const STARTUP_TIMEOUT_MS = 60_000;

/** A server process of its own, for tests that stop and restart it. */
export interface AppServer {
  readonly baseURL: string;
  readonly port: number;
  readonly dataDir: string;
  /** Ends the process abruptly (no shutdown hooks run) and waits until it is gone. */
  kill(): Promise<void>;
  /** Stops the process gracefully and waits until it is gone. */
  stop(): Promise<void>;
}

async function waitUntilHealthy(baseURL: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the server exited with code ${child.exitCode} while starting`);
    try {
      const response = await fetch(`${baseURL}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not become healthy within ${STARTUP_TIMEOUT_MS} ms`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts the built server the way the browser-test harness does (demo mode, embedded database),
 * on the given data directory and port, so a second start finds the first one's data. `env`
 * changes settings; a setting given as undefined is left unset (its default applies).
 */
export async function startAppServer({
  dataDir,
  port = freePort(),
  env: overrides = {},
}: {
  dataDir: string;
  port?: number;
  env?: Record<string, string | undefined>;
}): Promise<AppServer> {
  const baseURL = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: baseURL,
    WEB_DIST,
    DATA_DIR: dataDir,
    DEMO_MODE: 'true',
    LOGIN_RATE_LIMIT: '10000',
    ...overrides,
  };
  delete env.DATABASE_URL;
  for (const [name, value] of Object.entries(overrides)) if (value === undefined) delete env[name];
  const child = spawn(process.execPath, ['--enable-source-maps', SERVER_MAIN], { env, stdio: 'ignore' });
  try {
    await waitUntilHealthy(baseURL, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    baseURL,
    port,
    dataDir,
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
