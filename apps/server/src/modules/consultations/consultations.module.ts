import { Module } from '@nestjs/common';
import { NotesModule } from '../notes/index.js';
import { NotificationsModule } from '../notifications/index.js';
import { StructureModule } from '../structure/index.js';
import { TemplatesModule } from '../templates/index.js';
import { ConsultationBuilder } from './consultation-builder.js';
import { ConsultationsController } from './consultations.controller.js';
import { ConsultationsRepository } from './consultations.repository.js';
import { ConsultationsService } from './consultations.service.js';
import { PhaseChanges } from './phase-changes.js';
import { PhaseSchedule } from './phase-schedule.js';
import { PhaseScheduleRepository } from './phase-schedule.repository.js';
import { PhaseScheduler } from './phase-scheduler.js';

@Module({
  imports: [StructureModule, TemplatesModule, NotificationsModule, NotesModule],
  controllers: [ConsultationsController],
  providers: [
    ConsultationsRepository,
    ConsultationsService,
    ConsultationBuilder,
    PhaseChanges,
    PhaseSchedule,
    PhaseScheduleRepository,
    PhaseScheduler,
  ],
  exports: [ConsultationsRepository, ConsultationsService, ConsultationBuilder],
})
export class ConsultationsModule {}
