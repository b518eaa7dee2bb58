import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { EventViewersRepository } from './event-viewers.repository.js';
import { EventsGateway } from './events.gateway.js';
import { EventsService } from './events.service.js';
import { ThreadEventBus } from './thread-event-bus.js';

/** The live events channel: thread changes pushed to every open client of a consultation. */
@Module({
  imports: [AccessModule, AuthModule],
  providers: [EventsGateway, EventsService, EventViewersRepository, ThreadEventBus],
  exports: [ThreadEventBus],
})
export class EventsModule {}
