import { Injectable } from '@nestjs/common';
import { can, mayBeRapporteur, type SessionNotesState, type SetRapporteursBody } from '@cw/shared';
import { AppError, notFound } from '../../common/app-error.js';
import type { Actor } from '../../common/request-context.js';
import { Database } from '../../db/database.js';
import { AccessChanges } from '../access-changes/index.js';
import { AuditLog } from '../audit/index.js';
import { NotesRepository, type RapporteurRow } from './notes.repository.js';

/** Who asks: their account, and their role now. */
export interface NotesViewer {
  userId: string;
  role: Actor['member']['role'];
  phase: Actor['member']['phase'];
}

/**
 * Who writes each agenda session's notes (issue 18): the organisers always, and the members an
 * admin names its rapporteurs — editors, admins or reviewers, never observers. Every naming is
 * audited. Organisers, who read the members list, see every rapporteur's name; others only
 * whether they are one (SPEC §3).
 */
@Injectable()
export class RapporteursService {
  constructor(
    private readonly db: Database,
    private readonly notes: NotesRepository,
    private readonly audit: AuditLog,
    private readonly accessChanges: AccessChanges,
  ) {}

  /** Per agenda session, in agenda order: its rapporteurs as `viewer` may see them, and when its notes were published. */
  async states(consultationId: string, viewer: NotesViewer): Promise<SessionNotesState[]> {
    const [sessions, rapporteurs, publications] = await Promise.all([
      this.notes.sessions(consultationId),
      this.notes.rapporteurs(consultationId),
      this.notes.latestPublications(consultationId),
    ]);
    const seesAll = can(viewer.role, 'members.read', viewer.phase);
    return sessions.map((session) => ({
      sessionId: session.id,
      rapporteurs: rapporteurs
        .filter((row) => row.session_id === session.id && (seesAll || row.user_id === viewer.userId))
        .map((row) => present(row, viewer)),
      publishedAt: publications.get(session.id)?.publishedAt.toISOString() ?? null,
    }));
  }

  /** Names the session's rapporteurs, replacing those named before. Audited; open notes follow at once. */
  async set(actor: Actor, sessionId: string, body: SetRapporteursBody): Promise<SessionNotesState> {
    const { consultationId } = actor.member;
    await this.db.sql.begin(async (tx) => {
      const session = await this.notes.session(consultationId, sessionId, tx, true);
      if (!session) throw notFound('Agenda session not found');
      const members = await this.notes.members(consultationId, body.memberIds, tx);
      if (
        members.length !== body.memberIds.length ||
        !members.every((member) => mayBeRapporteur(member.role))
      ) {
        const message = 'must be members of this consultation who are not observers';
        throw new AppError('VALIDATION_FAILED', `Invalid request: body.memberIds: ${message}`, [
          { path: 'body.memberIds', message, code: 'unknownMember' },
        ]);
      }
      const before = (await this.notes.rapporteurs(consultationId, tx)).filter(
        (row) => row.session_id === sessionId,
      );
      await this.notes.setRapporteurs(sessionId, body.memberIds, tx);
      const names = (rows: Array<{ name: string }>) => rows.map((row) => row.name).sort();
      await this.audit.record(
        actor,
        {
          action: 'rapporteurs.changed',
          target: { type: 'agendaSession', id: sessionId, label: session.title },
          before: { rapporteurs: names(before) },
          after: { rapporteurs: names(members) },
        },
        tx,
      );
    });
    // Sockets on the notes are re-checked (a rapporteur no longer named is closed), pages read again.
    this.accessChanges.consultationChanged(consultationId);
    const viewer = { userId: actor.auth.userId, role: actor.member.role, phase: actor.member.phase };
    return (await this.states(consultationId, viewer)).find((state) => state.sessionId === sessionId)!;
  }
}

function present(row: RapporteurRow, viewer: NotesViewer) {
  return { memberId: row.member_id, name: row.name, isYou: row.user_id === viewer.userId };
}
