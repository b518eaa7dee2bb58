import { readFileSync } from 'node:fs';

/** V8's names for time not spent in a JavaScript function. */
const IDLE = '(idle)';
const SYSTEM_FRAMES = new Set(['(program)', '(garbage collector)']);

/** Where a function lives: an npm package, Node.js itself, or our own build. */
function origin(url) {
  if (!url) return 'V8 / native';
  if (url.startsWith('node:')) return 'Node.js core';
  const packages = url.split('/node_modules/');
  if (packages.length > 1) {
    const parts = packages.at(-1).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const ours = /\/apps\/server\/dist\/(.*)$/.exec(url);
  return ours ? 'our server' : url;
}

function label(callFrame) {
  const name = callFrame.functionName || '(anonymous)';
  if (SYSTEM_FRAMES.has(name) || !callFrame.url) return name;
  const file = callFrame.url.replace(/^.*\/node_modules\//, '').replace(/^.*\/apps\/server\/dist\//, 'dist/');
  return `${name} ${file.replace(/^file:\/\//, '')}:${callFrame.lineNumber + 1}`;
}

/**
 * Self time per function and per origin of one `.cpuprofile`, counting only the samples taken
 * between `from` and `to` (µs on the monotonic clock the profile is stamped with).
 */
export function selfTime(path, { from, to }) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map();
  const byOrigin = new Map();
  let at = profile.startTime;
  let busy = 0;
  let total = 0;
  for (const [index, nodeId] of profile.samples.entries()) {
    const interval = profile.timeDeltas[index + 1] ?? 0;
    at += profile.timeDeltas[index];
    if (at < from || at > to) continue;
    const { callFrame } = nodes.get(nodeId);
    total += interval;
    if (callFrame.functionName === IDLE) continue;
    busy += interval;
    const name = label(callFrame);
    byFunction.set(name, (byFunction.get(name) ?? 0) + interval);
    const where = SYSTEM_FRAMES.has(callFrame.functionName) ? callFrame.functionName : origin(callFrame.url);
    byOrigin.set(where, (byOrigin.get(where) ?? 0) + interval);
  }
  const ranked = (map) =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).map(([name, micros]) => ({ name, micros }));
  return {
    windowMicros: to - from,
    sampledMicros: total,
    busyMicros: busy,
    functions: ranked(byFunction),
    origins: ranked(byOrigin),
    profileSpan: { from: profile.startTime, to: profile.endTime },
  };
}
