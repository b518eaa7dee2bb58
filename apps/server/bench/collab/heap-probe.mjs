import { once } from 'node:events';
import WebSocket from 'ws';

/** Node flag that opens the inspector on a free loopback port, for `heapUsedAfterGc`. */
export const INSPECT_FLAG = '--inspect=127.0.0.1:0';

/** The inspector address a process started with `INSPECT_FLAG` printed on standard error. */
export function inspectorUrl(stderr) {
  return /Debugger listening on (ws:\/\/\S+)/.exec(stderr)?.[1];
}

/**
 * Bytes of live JavaScript heap after a full garbage collection, asked of the process through
 * its inspector: unlike RSS, this shows what the server still holds, not what the allocator kept.
 */
export async function heapUsedAfterGc(url) {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  await once(socket, 'open');
  let lastId = 0;
  const call = (method) =>
    new Promise((resolve, reject) => {
      const id = ++lastId;
      const onMessage = (data) => {
        const message = JSON.parse(data.toString());
        if (message.id !== id) return;
        socket.off('message', onMessage);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result);
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id, method }));
    });
  try {
    await call('HeapProfiler.collectGarbage');
    const { usedSize } = await call('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    socket.close();
  }
}
