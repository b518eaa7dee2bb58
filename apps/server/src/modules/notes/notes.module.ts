import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/index.js';
import { NotificationsModule } from '../notifications/index.js';
import { NotesController } from './notes.controller.js';
import { NotesRepository } from './notes.repository.js';
import { RapporteursService } from './rapporteurs.service.js';
import { SessionNotesService } from './session-notes.service.js';

/** Agenda sessions' notes (issue 18): their rapporteurs, the Chatham House check, publishing them. */
@Module({
  imports: [CollabModule, NotificationsModule],
  controllers: [NotesController],
  providers: [NotesRepository, RapporteursService, SessionNotesService],
  exports: [RapporteursService, SessionNotesService],
})
export class NotesModule {}
