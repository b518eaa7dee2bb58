import { Injectable } from '@nestjs/common';
import { zonedToInstant, type AgendaSession, type SessionBody } from '@cw/shared';
import { notFound } from '../../common/app-error.js';
import { Database, type Queryable, type TransactionSql } from '../../db/database.js';
import { AccessChanges } from '../access-changes/index.js';
import { createdNoLonger, IdempotencyService, type IdempotentRequest } from '../idempotency/index.js';
import { invalidField, SectionLinks } from './section-links.js';
import { AgendaSessionsRepository } from './agenda-sessions.repository.js';

@Injectable()
export class SessionsService {
  constructor(
    private readonly db: Database,
    private readonly sessions: AgendaSessionsRepository,
    private readonly links: SectionLinks,
    private readonly idempotency: IdempotencyService,
    private readonly accessChanges: AccessChanges,
  ) {}

  /** A retry with the request's Idempotency-Key answers what the first one created. */
  async create(
    consultationId: string,
    body: SessionBody,
    request?: IdempotentRequest,
  ): Promise<AgendaSession> {
    const created = await this.idempotency.once(request, async (tx) => {
      const { input, sectionIds } = await this.prepare(consultationId, body, tx);
      const id = await this.sessions.insert(consultationId, input, tx);
      await this.sessions.setSections(id, sectionIds, tx);
      return id;
    });
    const session = await this.read(consultationId, created.id, this.db.sql);
    if (!session) throw createdNoLonger();
    return session;
  }

  /** Replaces every field and the linked sections. */
  replace(consultationId: string, id: string, body: SessionBody): Promise<AgendaSession> {
    return this.db.sql.begin(async (tx) => {
      if (!(await this.sessions.exists(consultationId, id, tx))) throw notFound('Agenda session not found');
      const { input, sectionIds } = await this.prepare(consultationId, body, tx);
      if (input.kind === 'programme' && (await this.sessions.hasQuestions(id, tx)))
        throw invalidField(
          'kind',
          'guiding questions are discussed in it: move them to another session first',
          'programmeItemSections',
        );
      await this.sessions.update(consultationId, id, input, tx);
      await this.sessions.setSections(id, sectionIds, tx);
      return (await this.read(consultationId, id, tx))!;
    });
  }

  /**
   * Questions discussed in the session stay, without a session. Open pages read the consultation
   * again: the session may have been running live, and its run is then over.
   */
  async delete(consultationId: string, id: string): Promise<void> {
    await this.db.sql.begin(async (tx) => {
      if (!(await this.sessions.exists(consultationId, id, tx))) throw notFound('Agenda session not found');
      await this.sessions.delete(consultationId, id, tx);
    });
    this.accessChanges.consultationChanged(consultationId);
  }

  /** Reads the wall-clock times in the consultation's zone and checks the linked sections. */
  private async prepare(consultationId: string, body: SessionBody, tx: TransactionSql) {
    const timezone = await this.sessions.consultationTimezone(consultationId, tx);
    const startsAt = zonedToInstant(body.startsAt, timezone);
    const endsAt = zonedToInstant(body.endsAt, timezone);
    // A daylight-saving change can fold a valid-looking local range onto an empty one.
    if (endsAt <= startsAt) throw invalidField('endsAt', 'must be after the start', 'endsBeforeStart');
    const sectionIds = await this.links.validate(consultationId, body.sectionIds, tx);
    const input = {
      kind: body.kind,
      title: body.title,
      description: body.description,
      speakers: body.speakers,
      startsAt,
      endsAt,
    };
    return { input, sectionIds };
  }

  private async read(consultationId: string, id: string, q: Queryable): Promise<AgendaSession | undefined> {
    return (await this.sessions.list(consultationId, q)).find((session) => session.id === id);
  }
}
