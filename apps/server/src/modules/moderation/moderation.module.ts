import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/index.js';
import { ThreadsModule } from '../threads/index.js';
import { ModerationController } from './moderation.controller.js';
import { ModerationRepository } from './moderation.repository.js';
import { ModerationService } from './moderation.service.js';

/** Flags on comments, and hiding, redacting and restoring them. */
@Module({
  imports: [ThreadsModule, NotificationsModule],
  controllers: [ModerationController],
  providers: [ModerationService, ModerationRepository],
})
export class ModerationModule {}
