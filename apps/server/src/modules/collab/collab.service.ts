import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOSE_CODES, COLLAB_PATH, collabRoom, parseCollabRoom } from '@cw/shared';
import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocket } from 'ws';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { SocketAdmission } from '../access/index.js';
import { describeDocument } from './document-id.js';
import { documentAccess } from './document-access.js';
import { PaperConnection } from './paper-connection.js';
import type { PaperDocument } from './paper-document.js';
import { PaperRegistry } from './paper-registry.service.js';
import { ProtocolError } from './protocol-error.js';
import { membershipFields, notesSeatKey, ParticipantsRepository } from './participants.repository.js';

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Admits a socket to a paper or a session's notes (shared socket admission, then membership, the
 * document's access rule and loading the document) and wires its frames to it.
 */
@Injectable()
export class CollabService {
  private readonly logger = new Logger('Collab');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly admission: SocketAdmission,
    private readonly participants: ParticipantsRepository,
    private readonly registry: PaperRegistry,
  ) {}

  async accept(socket: WebSocket, request: IncomingMessage): Promise<void> {
    const admitted = await this.admission.admit(socket, request, COLLAB_PATH, parseCollabRoom);
    if (!admitted) return;
    const { auth, consultationId, room, url } = admitted;
    const refuse = (code: number, reason: string) => socket.close(code, reason);
    const [states, [member], seats] = await Promise.all([
      this.participants.consultations([consultationId]),
      this.participants.memberships([{ consultationId, userId: auth.userId }]),
      room.kind === 'notes'
        ? this.participants.notesSeats([{ consultationId, sessionId: room.sessionId, userId: auth.userId }])
        : undefined,
    ]);
    const state = states.get(consultationId);
    if (!state || !member) return refuse(CLOSE_CODES.NOT_FOUND, 'Consultation not found');
    const seat =
      room.kind === 'notes' ? seats?.get(notesSeatKey({ ...room, userId: auth.userId })) : undefined;
    const verdict = documentAccess(room, member.role, state, seat);
    if ('refusal' in verdict) return refuse(CLOSE_CODES.NOT_FOUND, verdict.refusal);

    const documentId = collabRoom(room);
    let document: PaperDocument;
    try {
      document = await this.registry.acquire(documentId, state.attributionMode);
    } catch (error) {
      this.logger.warn(`${describeDocument(documentId)} could not be loaded: ${(error as Error).message}`);
      const what = room.kind === 'paper' ? 'The paper' : 'The notes';
      return refuse(CLOSE_CODES.UNAVAILABLE, `${what} could not be loaded; try again shortly`);
    }
    const connection = new PaperConnection(
      socket,
      { userId: auth.userId, sessionId: auth.sessionId, ...membershipFields(member) },
      url.searchParams.get('acks') === '1',
      {
        maxBufferedBytes: this.config.collab.maxBufferedBytes,
        awarenessBurst: this.config.collab.awarenessPerSecond * 2,
        awarenessPerSecond: this.config.collab.awarenessPerSecond,
      },
    );
    connection.access = verdict.access;
    if (!connection.isOpen) {
      this.registry.release(document);
      return;
    }
    document.addConnection(connection);
    this.registry.trackAlive(connection);
    connection.onEnd(() => {
      document.removeConnection(connection);
      this.registry.release(document);
    });
    admitted.release((data, isBinary) => this.handle(document, connection, data, isBinary));
  }

  private handle(
    document: PaperDocument,
    connection: PaperConnection,
    data: RawData,
    isBinary: boolean,
  ): void {
    if (!connection.isOpen) return;
    if (!isBinary) {
      connection.close(CLOSE_CODES.UNSUPPORTED_DATA, 'Binary frames only');
      return;
    }
    try {
      document.handleMessage(connection, toBytes(data));
    } catch (error) {
      if (error instanceof ProtocolError) {
        connection.close(error.code, error.message);
        return;
      }
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : error);
      connection.close(CLOSE_CODES.INTERNAL_ERROR, 'Internal error');
    }
  }
}
