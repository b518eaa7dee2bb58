import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CGROUP_ROOT = '/sys/fs/cgroup';
/**
 * Quota period. A process that spends its quota early in a period waits for the next one; a
 * short period keeps those waits short (the default 100 ms would add up to 100 ms to a
 * delivery whenever a garbage collection burst uses the quota up).
 */
const PERIOD_US = 10_000;

/** The cgroup hierarchy that has the CPU controller: v1 (a `cpu` mount) or v2 (unified). */
function cpuHierarchy() {
  const v1 = join(CGROUP_ROOT, 'cpu');
  if (existsSync(join(v1, 'cpu.cfs_quota_us'))) return { version: 1, root: v1 };
  const controllers = join(CGROUP_ROOT, 'cgroup.controllers');
  if (existsSync(controllers) && readFileSync(controllers, 'utf8').split(/\s+/).includes('cpu'))
    return { version: 2, root: CGROUP_ROOT };
  return undefined;
}

/**
 * Caps a process at `cores` CPUs with a cgroup of its own (CFS bandwidth control), so that on a
 * machine with few cores each server instance gets a fixed share, as it would on a machine of
 * its own, while the load generator and the database keep the rest. Needs permission to create
 * cgroups (root, or a delegated subtree); returns a function that removes the cgroup once the
 * process has exited.
 */
export function limitCpu(pid, cores) {
  const hierarchy = cpuHierarchy();
  if (!hierarchy)
    throw new Error('BENCH_INSTANCE_CPU needs the cgroup CPU controller, which this system lacks');
  const dir = join(hierarchy.root, `cw-bench-${pid}`);
  const quota = Math.round(cores * PERIOD_US);
  try {
    if (hierarchy.version === 2) writeFileSync(join(hierarchy.root, 'cgroup.subtree_control'), '+cpu');
    mkdirSync(dir);
    if (hierarchy.version === 1) {
      writeFileSync(join(dir, 'cpu.cfs_period_us'), String(PERIOD_US));
      writeFileSync(join(dir, 'cpu.cfs_quota_us'), String(quota));
    } else {
      writeFileSync(join(dir, 'cpu.max'), `${quota} ${PERIOD_US}`);
    }
    writeFileSync(join(dir, 'cgroup.procs'), String(pid));
  } catch (error) {
    throw new Error(`BENCH_INSTANCE_CPU: cannot create a cgroup in ${hierarchy.root} (${error.message})`, {
      cause: error,
    });
  }
  return () => {
    try {
      rmdirSync(dir);
    } catch {
      // Still has a process in it, or already gone.
    }
  };
}
