import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';

/**
 * Whether the process is shutting down. Nest runs every destroy hook before any
 * before-shutdown hook, so from the first step of a shutdown no new WebSocket is admitted and
 * readiness answers "not ready" (a load balancer stops sending traffic), while the paper
 * registry stores what is pending over the sockets still open. HTTP keeps answering until the
 * drain is done, so requests in flight or on their way still complete.
 */
@Injectable()
export class ShutdownState implements OnModuleDestroy {
  private isShuttingDownNow = false;

  get isShuttingDown(): boolean {
    return this.isShuttingDownNow;
  }

  onModuleDestroy(): void {
    this.isShuttingDownNow = true;
    new Logger('Shutdown').log('Shutting down: refusing new sockets, storing pending edits');
  }
}
