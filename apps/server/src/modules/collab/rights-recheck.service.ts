import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { CLOSE_CODES } from '@cw/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { type AccessChange, AccessChanges } from '../access-changes/index.js';
import { AuthService } from '../auth/index.js';
import { documentAccess } from './document-access.js';
import { PaperRegistry } from './paper-registry.service.js';
import {
  type ConsultationState,
  type MembershipRow,
  membershipFields,
  type NotesSeat,
  notesSeatKey,
  ParticipantsRepository,
} from './participants.repository.js';

/** One member of one consultation, as a map key. */
const memberKey = (consultationId: string, userId: string) => `${consultationId}|${userId}`;

/**
 * Applies current roles, phases, attribution modes, rapporteurs and session validity to the
 * sockets on loaded papers and notes: a demoted member loses write access, a removed one (or a
 * rapporteur no longer named) or one whose session ended is disconnected, and presence is labelled
 * anew. At once for a consultation whose rights changed or a session that ended (on any instance),
 * and for all every `COLLAB_RECHECK_MS` as a safety net.
 */
@Injectable()
export class RightsRecheck implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('RightsRecheck');
  private timer: NodeJS.Timeout | undefined;
  /** A slow database must not pile up periodic rounds. */
  private isRunning = false;
  private unsubscribe: (() => void) | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: PaperRegistry,
    private readonly participants: ParticipantsRepository,
    private readonly accessChanges: AccessChanges,
    private readonly auth: AuthService,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      if (this.isRunning) return;
      this.isRunning = true;
      void this.run().finally(() => (this.isRunning = false));
    }, this.config.collab.recheckMs);
    this.timer.unref();
    this.unsubscribe = this.accessChanges.subscribe((change) => this.apply(change));
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.unsubscribe?.();
  }

  private apply(change: AccessChange): void {
    switch (change.kind) {
      case 'consultation':
        this.registry.refreshRoots(change.consultationId);
        void this.run(change.consultationId);
        return;
      case 'session':
        for (const document of this.registry.loadedDocuments()) {
          for (const connection of document.connections) {
            if (connection.participant.sessionId === change.sessionId) {
              connection.close(CLOSE_CODES.UNAUTHENTICATED, 'Session ended');
            }
          }
        }
        return;
      case 'all':
        void this.run();
    }
  }

  /**
   * One round for the loaded documents (all of them, or one consultation's): three queries, and a
   * fourth when notes are open, so the cost stays flat as documents add up.
   */
  private async run(consultationId?: string): Promise<void> {
    // The sockets connected now: one that joins during the queries was checked at its handshake.
    const papers = this.registry
      .loadedDocuments()
      .filter((document) => document.connections.size > 0)
      .filter((document) => consultationId === undefined || document.consultationId === consultationId)
      .map((document) => ({ document, connections: [...document.connections] }));
    if (papers.length === 0) return;
    const asked = new Map<string, { consultationId: string; userId: string }>();
    const sessionIds = new Set<string>();
    const notesSeats: NotesSeat[] = [];
    for (const { document, connections } of papers) {
      const { consultationId } = document;
      for (const { participant } of connections) {
        asked.set(memberKey(consultationId, participant.userId), {
          consultationId,
          userId: participant.userId,
        });
        sessionIds.add(participant.sessionId);
        if (document.document.kind === 'notes') {
          notesSeats.push({
            consultationId,
            sessionId: document.document.sessionId,
            userId: participant.userId,
          });
        }
      }
    }
    let states: Map<string, ConsultationState>;
    let members: MembershipRow[];
    let sessions: Set<string>;
    let seats: Map<string, { isRapporteur: boolean }>;
    try {
      [states, members, sessions, seats] = await Promise.all([
        this.participants.consultations(papers.map(({ document }) => document.consultationId)),
        this.participants.memberships([...asked.values()]),
        this.auth.liveSessions([...sessionIds]),
        this.participants.notesSeats(notesSeats),
      ]);
    } catch (error) {
      this.logger.warn(`Re-checking rights on loaded documents failed: ${(error as Error).message}`);
      return;
    }
    const byMember = new Map(
      members.map((member) => [memberKey(member.consultation_id, member.user_id), member]),
    );
    for (const { document, connections } of papers) {
      const state = states.get(document.consultationId);
      if (state) document.attributionMode = state.attributionMode;
      for (const connection of connections) {
        if (!document.connections.has(connection)) continue;
        const member = byMember.get(memberKey(document.consultationId, connection.participant.userId));
        if (!sessions.has(connection.participant.sessionId)) {
          connection.close(CLOSE_CODES.UNAUTHENTICATED, 'Session ended');
          continue;
        }
        if (!state || !member) {
          connection.close(CLOSE_CODES.NOT_FOUND, 'No longer a member of this consultation');
          continue;
        }
        const { document: kind } = document;
        const seat =
          kind.kind === 'notes'
            ? seats.get(notesSeatKey({ sessionId: kind.sessionId, userId: connection.participant.userId }))
            : undefined;
        const verdict = documentAccess(kind, member.role, state, seat);
        if ('refusal' in verdict) {
          connection.close(CLOSE_CODES.NOT_FOUND, verdict.refusal);
          continue;
        }
        connection.participant = { ...connection.participant, ...membershipFields(member) };
        document.setWriteAccess(connection, verdict.access);
        document.refreshViewer(connection);
      }
    }
  }
}
