import { Injectable } from '@nestjs/common';
import {
  collabRoom,
  notesAccess,
  type NotesCheck,
  type NotesFinding,
  type PublishedNotes,
  type PublishedNotesText,
  type PublishNotesBody,
} from '@cw/shared';
import { AppError, notFound } from '../../common/app-error.js';
import type { Actor } from '../../common/request-context.js';
import { Database } from '../../db/database.js';
import { AccessChanges } from '../access-changes/index.js';
import { GroupLabelsRepository, posterOf } from '../attribution/index.js';
import { AuditLog } from '../audit/index.js';
import { PaperRegistry } from '../collab/index.js';
import { NotificationsService } from '../notifications/index.js';
import { findMentions, foldTerm } from './chatham-check.js';
import { NotesRepository, type NotesSession } from './notes.repository.js';
import { hasText, notesText } from './notes-text.js';

/** A session's notes as members read them: as last published, or (publication pending) as they stand. */
export interface SessionNotes {
  session: NotesSession;
  notes: PublishedNotesText;
  /** Null: never published, read as it stands because the consultation is published. */
  publishedAt: Date | null;
}

/**
 * Sessions' notes between their live document and the members (issue 18): the Chatham House
 * check of the text as it stands, publishing it (a snapshot of the text, audited, every member
 * notified), and what members read of it.
 */
@Injectable()
export class SessionNotesService {
  constructor(
    private readonly db: Database,
    private readonly notes: NotesRepository,
    private readonly registry: PaperRegistry,
    private readonly audit: AuditLog,
    private readonly notifications: NotificationsService,
    private readonly labels: GroupLabelsRepository,
    private readonly accessChanges: AccessChanges,
  ) {}

  /**
   * The check of the session's notes as they stand, for the organisers and the session's
   * rapporteurs: anyone else may not read the notes while they are drafted (403).
   */
  async checkFor(actor: Actor, sessionId: string): Promise<NotesCheck> {
    const { consultationId, role, phase } = actor.member;
    const session = await this.findOrFail(consultationId, sessionId);
    const isRapporteur = await this.notes.isRapporteur(sessionId, actor.auth.userId);
    if (!notesAccess(role, phase, isRapporteur)) {
      throw new AppError('FORBIDDEN', "Only the organisers and the session's rapporteurs may read its notes");
    }
    return { findings: await this.check(consultationId, await this.read(consultationId, session)) };
  }

  /**
   * Publishes the notes as they stand, every edit stored: refused while they are empty, and while
   * the check finds something the editor did not confirm (409 CONFIRMATION_REQUIRED, one issue
   * per finding). The snapshot, the audit entry and every other member's notice are one
   * transaction; republishing after edits is the same, with the previous time in the audit entry.
   */
  async publish(actor: Actor, sessionId: string, body: PublishNotesBody): Promise<PublishedNotes> {
    const { consultationId } = actor.member;
    const session = await this.findOrFail(consultationId, sessionId);
    const notes = await this.read(consultationId, session, true);
    if (!hasText(notes)) throw new AppError('CONFLICT', 'The notes are empty: there is nothing to publish');
    const findings = await this.check(consultationId, notes);
    const confirmed = new Set(body.confirmed.map(foldTerm));
    const unconfirmed = findings.filter((finding) => !confirmed.has(foldTerm(finding.text)));
    if (unconfirmed.length > 0) {
      throw new AppError(
        'CONFIRMATION_REQUIRED',
        'The notes may name a participant (Chatham House): confirm each finding to publish them as they are',
        unconfirmed.map((finding) => ({
          path: 'body.confirmed',
          message: describe(finding),
          code: 'confirm',
        })),
      );
    }
    const publishedAt = await this.db.sql.begin(async (tx) => {
      if (!(await this.notes.session(consultationId, sessionId, tx, true))) {
        throw notFound('Agenda session not found');
      }
      const before = await this.notes.lastPublishedAt(sessionId, tx);
      const at = await this.notes.insertPublication(
        { consultationId, sessionId, content: notes, userId: actor.auth.userId },
        tx,
      );
      await this.audit.record(
        actor,
        {
          action: 'notes.published',
          target: { type: 'agendaSession', id: sessionId, label: session.title },
          before: before ? { publishedAt: before.toISOString() } : null,
          after: {
            publishedAt: at.toISOString(),
            questions: notes.questions.filter((question) => question.blocks.length > 0).length,
            confirmedFindings: [...new Set(findings.map((finding) => finding.text))],
          },
        },
        tx,
      );
      const poster = posterOf(actor, await this.labels.scopes(consultationId, tx));
      await this.notifications.notesPublished(consultationId, sessionId, poster, tx);
      return at;
    });
    // Open pages read the consultation again: the results now hold these notes.
    this.accessChanges.consultationChanged(consultationId);
    return { sessionId, publishedAt: publishedAt.toISOString(), ...notes };
  }

  /** Whether members may read any session's notes yet (before the consultation is published). */
  anyPublished(consultationId: string): Promise<boolean> {
    return this.notes.anyPublished(consultationId);
  }

  /**
   * What members read of each session's notes, in agenda order: the latest publication; once the
   * consultation is published (`includeUnpublished`), also the notes never published, as they
   * stand (they can no longer change), when they say anything.
   */
  async forMembers(consultationId: string, includeUnpublished: boolean): Promise<SessionNotes[]> {
    const [sessions, publications] = await Promise.all([
      this.notes.sessions(consultationId),
      this.notes.latestPublications(consultationId),
    ]);
    const read = await Promise.all(
      sessions.map(async (session): Promise<SessionNotes | undefined> => {
        const publication = publications.get(session.id);
        if (publication) return { session, notes: publication.content, publishedAt: publication.publishedAt };
        if (!includeUnpublished) return undefined;
        const notes = await this.read(consultationId, session);
        return hasText(notes) ? { session, notes, publishedAt: null } : undefined;
      }),
    );
    return read.filter((entry) => entry !== undefined);
  }

  /** The notes as they stand; with `stored`, once every edit in them is stored. */
  private async read(
    consultationId: string,
    session: NotesSession,
    stored = false,
  ): Promise<PublishedNotesText> {
    const documentId = collabRoom({ kind: 'notes', consultationId, sessionId: session.id });
    const [state, questions] = await Promise.all([
      stored ? this.registry.storedState(documentId) : this.registry.currentState(documentId),
      this.notes.questions(session.id),
    ]);
    return notesText(state, questions);
  }

  /** Where the notes may name a member of the consultation. */
  private async check(consultationId: string, notes: PublishedNotesText): Promise<NotesFinding[]> {
    const [people, smallGroups] = await Promise.all([
      this.notes.people(consultationId),
      this.notes.smallGroups(consultationId),
    ]);
    return findMentions(notes, people, smallGroups);
  }

  private async findOrFail(consultationId: string, sessionId: string): Promise<NotesSession> {
    const session = await this.notes.session(consultationId, sessionId);
    if (!session) throw notFound('Agenda session not found');
    return session;
  }
}

const KIND_WORDS = { name: 'a name', email: 'an email', organisation: 'a small stakeholder group' } as const;

function describe(finding: NotesFinding): string {
  return `"${finding.text}" may be ${KIND_WORDS[finding.kind]} of a participant: ${finding.excerpt}`;
}
