import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module.js';
import { EventsModule } from '../events/events.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { DemoInputRepository } from './demo-input.repository.js';
import { DemoInputSeeder } from './demo-input.seeder.js';
import { ThreadsController } from './threads.controller.js';
import { ThreadsRepository } from './threads.repository.js';
import { ThreadsService } from './threads.service.js';

/** Comment threads on guiding questions and passages, their resolution and endorsements (issue 4). */
@Module({
  imports: [CollabModule, EventsModule, NotificationsModule],
  controllers: [ThreadsController],
  providers: [ThreadsService, ThreadsRepository, DemoInputSeeder, DemoInputRepository],
  exports: [DemoInputSeeder, ThreadsService],
})
export class ThreadsModule {}
