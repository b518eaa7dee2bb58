// Runs a development watcher (`until-stopped.mjs <command> [args…]`) and exits 0 once it is
// stopped on purpose (Ctrl-C, or SIGTERM from the task runner). Watchers die of the signal,
// which the package manager would report as a failed command, once per watcher.
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: 'inherit' });
let isStopping = false;

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    isStopping = true;
    // A terminal's Ctrl-C reaches the watcher itself; a signal sent to this process alone is
    // passed on, and the watcher ignores or dies of a second one either way.
    child.kill(signal);
  });
}
child.on('exit', (code) => process.exit(isStopping ? 0 : (code ?? 1)));
