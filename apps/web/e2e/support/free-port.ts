import { execFileSync } from 'node:child_process';

const PRINT_FREE_PORT = `
const server = require('node:net').createServer();
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(String(server.address().port));
  server.close();
});`;

/**
 * A port nothing listens on right now. Synchronous because the Playwright config is, and it
 * is evaluated again in every worker: callers keep the answer in the environment they pass on.
 */
export function freePort(): number {
  return Number(execFileSync(process.execPath, ['-e', PRINT_FREE_PORT], { encoding: 'utf8' }));
}
