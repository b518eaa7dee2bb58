import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Resident set size in bytes, from /proc/<pid>/status. */
export function rssBytes(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/**
 * Watches a server process over one measurement window: CPU used and the highest RSS seen,
 * sampled every 100 ms (VmHWM would report the peak of the whole process life instead).
 */
export class ProcessWindow {
  constructor(pid) {
    this.pid = pid;
    this.startedAt = performance.now();
    this.cpuAtStart = cpuSeconds(pid);
    this.peakRss = rssBytes(pid);
    this.timer = setInterval(() => {
      this.peakRss = Math.max(this.peakRss, rssBytes(pid));
    }, 100);
  }

  /** Stops sampling; CPU as a share of one core over the window. */
  finish() {
    clearInterval(this.timer);
    const seconds = (performance.now() - this.startedAt) / 1000;
    const cpu = cpuSeconds(this.pid) - this.cpuAtStart;
    this.peakRss = Math.max(this.peakRss, rssBytes(this.pid));
    return { seconds, cpuSeconds: cpu, cpuShare: cpu / seconds, peakRss: this.peakRss };
  }
}
