import { connect, createServer } from 'node:net';
import { HOST } from './servers.mjs';

/**
 * A loopback TCP proxy that passes client → server traffic freely and server → client traffic
 * at `bytesPerSecond`: a reader on a slow link. It pauses the upstream socket while it waits,
 * so the server sees the back-pressure a slow client really causes.
 */
export async function startThrottleProxy(targetPort, bytesPerSecond) {
  const sockets = new Set();
  const server = createServer((client) => {
    const upstream = connect(targetPort, HOST);
    sockets.add(client).add(upstream);
    client.pipe(upstream);
    upstream.on('data', (chunk) => {
      upstream.pause();
      client.write(chunk);
      setTimeout(() => upstream.resume(), (chunk.length / bytesPerSecond) * 1000);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise((resolve) => server.listen(0, HOST, resolve));
  return {
    port: server.address().port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(resolve);
      }),
  };
}
