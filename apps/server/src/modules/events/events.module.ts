import { Module } from '@nestjs/common';
import { AccessModule } from '../access/index.js';
import { AuthModule } from '../auth/index.js';
import { LiveModule } from '../live/index.js';
import { ThreadsModule } from '../threads/index.js';
import { EventViewersRepository } from './event-viewers.repository.js';
import { EventsGateway } from './events.gateway.js';
import { EventsService } from './events.service.js';

/** The live events channel: thread and live-session changes pushed to every open client of a consultation. */
@Module({
  imports: [AccessModule, AuthModule, ThreadsModule, LiveModule],
  providers: [EventsGateway, EventsService, EventViewersRepository],
})
export class EventsModule {}
