import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  consultationItemParams,
  notesCheck,
  publishedNotes,
  publishNotesBody,
  type PublishNotesBody,
  sessionNotesState,
  setRapporteursBody,
  type SetRapporteursBody,
} from '@cw/shared';
import type { z } from 'zod';
import { CurrentActor, Permission } from '../../common/access.decorators.js';
import type { Actor } from '../../common/request-context.js';
import { Returns, ValidBody, ValidParams } from '../../common/validation.decorators.js';
import { RapporteursService } from './rapporteurs.service.js';
import { SessionNotesService } from './session-notes.service.js';

type SessionParams = z.infer<typeof consultationItemParams>;

/** An agenda session's rapporteurs and notes; the notes themselves are written over `/collab`. */
@ApiTags('notes')
@Controller('api/consultations/:consultationId/sessions/:id')
export class NotesController {
  constructor(
    private readonly rapporteurs: RapporteursService,
    private readonly notes: SessionNotesService,
  ) {}

  @Put('rapporteurs')
  @Permission('rapporteurs.manage')
  @Returns(sessionNotesState, "The session's rapporteurs as named now")
  setRapporteurs(
    @ValidParams(consultationItemParams) params: SessionParams,
    @ValidBody(setRapporteursBody) body: SetRapporteursBody,
    @CurrentActor() actor: Actor,
  ) {
    return this.rapporteurs.set(actor, params.id, body);
  }

  /** Organisers and the session's rapporteurs only (403 for other members). */
  @Get('notes/check')
  @Permission('notes.draft')
  @Returns(notesCheck, 'Where the notes as they stand may name a participant')
  check(@ValidParams(consultationItemParams) params: SessionParams, @CurrentActor() actor: Actor) {
    return this.notes.checkFor(actor, params.id);
  }

  @Post('notes/publish')
  @HttpCode(200)
  @Permission('notes.publish')
  @Returns(publishedNotes, 'The notes as published')
  publish(
    @ValidParams(consultationItemParams) params: SessionParams,
    @ValidBody(publishNotesBody) body: PublishNotesBody,
    @CurrentActor() actor: Actor,
  ) {
    return this.notes.publish(actor, params.id, body);
  }
}
