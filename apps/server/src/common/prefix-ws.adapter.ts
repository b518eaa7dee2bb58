import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { WsAdapter } from '@nestjs/platform-ws';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';

type RegisteredServer = WebSocketServer & { path: string };

/**
 * The `ws` adapter with two changes our sockets need:
 * - a gateway declared on `/collab` also serves `/collab/<room>` (the y-websocket client puts the
 *   room name in the path), where the stock adapter matches paths exactly;
 * - gateways without `@SubscribeMessage` handlers get raw frames: the stock adapter would try
 *   to parse every binary frame as JSON first.
 */
export class PrefixWsAdapter extends WsAdapter {
  private readonly socketLogger = new Logger('WebSocket');

  constructor(app: INestApplicationContext) {
    super(app);
  }

  /** Open sockets per gateway path (for metrics). */
  openSockets(): Array<{ path: string; count: number }> {
    const servers = [...this.wsServersRegistry.values()].flat() as RegisteredServer[];
    return servers.map((server) => ({ path: server.path, count: server.clients.size }));
  }

  override bindMessageHandlers(client: unknown, handlers: unknown[], transform: (data: unknown) => unknown) {
    if (handlers.length === 0) return;
    super.bindMessageHandlers(client, handlers as never, transform as never);
  }

  /** Socket errors (oversized or malformed frames) are the client's doing: log them quietly. */
  override bindErrorHandler(server: WebSocketServer) {
    server.on('connection', (ws) => ws.on('error', (error) => this.socketLogger.debug(error.message)));
    server.on('error', (error) => this.socketLogger.error(error));
    return server;
  }

  override ensureHttpServerExists(port: number, httpServer?: Server) {
    const registry = this.httpServersRegistry as Map<number, Server>;
    if (registry.has(port)) return undefined;
    const server = httpServer ?? createServer();
    registry.set(port, server);
    const listener = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const pathname = new URL(request.url ?? '/', 'ws://localhost').pathname;
      const servers = (this.wsServersRegistry.get(port) ?? []) as RegisteredServer[];
      const target = servers.find((ws) => pathname === ws.path || pathname.startsWith(`${ws.path}/`));
      if (!target) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
        return;
      }
      target.handleUpgrade(request, socket, head, (ws) => target.emit('connection', ws, request));
    };
    server.on('upgrade', listener);
    (
      this as unknown as { upgradeListenersRegistry: Map<number, typeof listener> }
    ).upgradeListenersRegistry.set(port, listener);
    return server;
  }
}
