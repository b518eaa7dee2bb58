import { Module } from '@nestjs/common';
import { ChecklistController } from './checklist.controller.js';
import { ChecklistRepository } from './checklist.repository.js';
import { ChecklistService } from './checklist.service.js';
import { ConsultationStructure } from './consultation-structure.js';
import { GroupsController } from './groups.controller.js';
import { GroupsRepository } from './groups.repository.js';
import { GroupsService } from './groups.service.js';
import { QuestionsController } from './questions.controller.js';
import { QuestionsRepository } from './questions.repository.js';
import { QuestionsService } from './questions.service.js';
import { SectionLinks } from './section-links.js';
import { SectionsController } from './sections.controller.js';
import { SectionsRepository } from './sections.repository.js';
import { SectionsService } from './sections.service.js';
import { SessionsController } from './sessions.controller.js';
import { AgendaSessionsRepository } from './agenda-sessions.repository.js';
import { SessionsService } from './sessions.service.js';

/** A consultation's structure: stakeholder groups, paper sections, agenda, guiding questions, checklist. */
@Module({
  controllers: [
    GroupsController,
    SectionsController,
    SessionsController,
    QuestionsController,
    ChecklistController,
  ],
  providers: [
    GroupsRepository,
    GroupsService,
    SectionsRepository,
    SectionsService,
    SectionLinks,
    AgendaSessionsRepository,
    SessionsService,
    QuestionsRepository,
    QuestionsService,
    ChecklistRepository,
    ChecklistService,
    ConsultationStructure,
  ],
  exports: [ConsultationStructure],
})
export class StructureModule {}
