import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/index.js';
import { NotificationsModule } from '../notifications/index.js';
import { DemoInputRepository } from './demo-input.repository.js';
import { DemoInputSeeder } from './demo-input.seeder.js';
import { ThreadEventBus } from './thread-event-bus.js';
import { ThreadsController } from './threads.controller.js';
import { ThreadsRepository } from './threads.repository.js';
import { ThreadsService } from './threads.service.js';

/** Comment threads on guiding questions and passages, their resolution and endorsements (issue 4). */
@Module({
  imports: [CollabModule, NotificationsModule],
  controllers: [ThreadsController],
  providers: [ThreadsService, ThreadsRepository, ThreadEventBus, DemoInputSeeder, DemoInputRepository],
  exports: [DemoInputSeeder, ThreadsService, ThreadEventBus],
})
export class ThreadsModule {}
