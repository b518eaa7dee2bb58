import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { StructureModule } from '../structure/structure.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { ConsultationBuilder } from './consultation-builder.js';
import { ConsultationsController } from './consultations.controller.js';
import { ConsultationsRepository } from './consultations.repository.js';
import { ConsultationsService } from './consultations.service.js';

@Module({
  imports: [StructureModule, TemplatesModule, NotificationsModule],
  controllers: [ConsultationsController],
  providers: [ConsultationsRepository, ConsultationsService, ConsultationBuilder],
  exports: [ConsultationsRepository, ConsultationsService, ConsultationBuilder],
})
export class ConsultationsModule {}
