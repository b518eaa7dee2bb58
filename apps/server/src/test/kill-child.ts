import type { ChildProcess } from 'node:child_process';

/** SIGKILL and wait for the exit: no shutdown hooks run, as in a crash, an OOM kill or an outage. */
export async function killChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
