import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

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
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}
