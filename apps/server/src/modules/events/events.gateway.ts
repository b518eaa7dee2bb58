import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { EVENTS_PATH } from '@cw/shared';
import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import { closeOnError } from '../../common/socket-errors.js';
import { EventsService } from './events.service.js';

/** Clients send only short pings: anything larger is cut off by `ws` with 1009. */
const MAX_CLIENT_FRAME_BYTES = 1024;

/** Transport only: `/events/<consultationId>` sockets carrying JSON thread events (docs/protocol.md). */
@WebSocketGateway({ path: EVENTS_PATH })
export class EventsGateway implements OnGatewayInit, OnGatewayConnection {
  constructor(private readonly events: EventsService) {}

  afterInit(server: WebSocketServer): void {
    server.options.maxPayload = MAX_CLIENT_FRAME_BYTES;
  }

  handleConnection(socket: WebSocket, request: IncomingMessage): void {
    void this.events.accept(socket, request).catch((error: unknown) => closeOnError(socket, error));
  }
}
