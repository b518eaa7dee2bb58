import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { Errors } from '../../common/api-errors.js';
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
  @ApiOperation({
    summary: "Name a session's rapporteurs",
    description:
      'Replaces those named before; audited. Observers and members of other consultations are refused on `body.memberIds`.',
  })
  @Errors('NOT_FOUND')
  @Permission('rapporteurs.manage')
  @Returns(sessionNotesState, "The session's rapporteurs as named now")
  setRapporteurs(
    @ValidParams(consultationItemParams) params: SessionParams,
    @ValidBody(setRapporteursBody) body: SetRapporteursBody,
    @CurrentActor() actor: Actor,
  ) {
    return this.rapporteurs.set(actor, params.id, body);
  }

  @Get('notes/check')
  @ApiOperation({
    summary: "Check a session's notes",
    description:
      "Where the notes as they stand may name a participant: names, emails and small stakeholder groups. For the organisers and the session's rapporteurs (403 for other members).",
  })
  @Errors('FORBIDDEN', 'NOT_FOUND')
  @Permission('notes.draft')
  @Returns(notesCheck, 'Where the notes as they stand may name a participant')
  check(@ValidParams(consultationItemParams) params: SessionParams, @CurrentActor() actor: Actor) {
    return this.notes.checkFor(actor, params.id);
  }

  @Post('notes/publish')
  @ApiOperation({
    summary: "Publish a session's notes",
    description:
      'Stores the notes as they stand for every member to read, and notifies them. While the check finds something not confirmed: 409 `CONFIRMATION_REQUIRED`, an issue per finding; empty notes: 409 `CONFLICT`.',
  })
  @Errors('CONFIRMATION_REQUIRED', 'CONFLICT', 'NOT_FOUND')
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
