import { Inject } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { COLLAB_PATH } from '@cw/shared';
import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import { closeOnError } from '../../common/socket-errors.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { CollabService } from './collab.service.js';

/**
 * Transport only: `/collab/<consultationId>` sockets speaking the standard y-websocket protocol
 * (docs/protocol.md). Admission and message handling live in CollabService and PaperDocument.
 */
@WebSocketGateway({ path: COLLAB_PATH })
export class CollabGateway implements OnGatewayInit, OnGatewayConnection {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly collab: CollabService,
  ) {}

  /** Frames over the limit close the socket with 1009 (enforced by `ws` before buffering them). */
  afterInit(server: WebSocketServer): void {
    server.options.maxPayload = this.config.collab.maxMessageBytes;
  }

  handleConnection(socket: WebSocket, request: IncomingMessage): void {
    void this.collab.accept(socket, request).catch((error: unknown) => closeOnError(socket, error));
  }
}
