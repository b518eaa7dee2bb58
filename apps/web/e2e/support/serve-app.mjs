// Starts the built server for the browser tests: demo mode, embedded database in a fresh
// temporary directory that is removed when the server stops.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverMain = fileURLToPath(new URL('../../../server/dist/main.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'cw-e2e-'));

const env = { ...process.env, DATA_DIR: dataDir, DEMO_MODE: 'true' };
// The browser tests run against the embedded database, whatever the caller's shell points at.
delete env.DATABASE_URL;

const server = spawn(process.execPath, ['--enable-source-maps', serverMain], { env, stdio: 'inherit' });

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
