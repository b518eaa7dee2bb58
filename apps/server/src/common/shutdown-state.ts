import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';

/**
 * Whether the process is shutting down. Nest runs every destroy hook before any
 * before-shutdown hook, so from the first step of a shutdown the listener takes no new
 * connections, no new WebSocket is admitted and readiness answers "not ready", while the paper
 * registry then stores what is pending over the sockets still open.
 */
@Injectable()
export class ShutdownState implements OnModuleDestroy {
  private isShuttingDownNow = false;

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  get isShuttingDown(): boolean {
    return this.isShuttingDownNow;
  }

  onModuleDestroy(): void {
    this.isShuttingDownNow = true;
    new Logger('Shutdown').log('Shutting down: no new connections; storing pending edits');
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    // Open connections (and upgraded sockets) stay; Nest closes the rest once the drain is done.
    if (server?.listening) server.close();
  }
}
