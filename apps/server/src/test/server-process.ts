import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** The built server as a real OS process, for tests that kill it (run `pnpm build` first). */
export class ServerProcess {
  private child: ChildProcess | undefined;
  url = '';

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
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let output = '';
    this.url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on [^\s:]+:(\d+)/.exec(output);
        if (match) resolve(`http://127.0.0.1:${match[1]}`);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    });
    return this.url;
  }

  /** SIGKILL: no shutdown hooks, no flush — what a crash or an OOM kill does. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}
