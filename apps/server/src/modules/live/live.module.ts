import { Module } from '@nestjs/common';
import { LiveController } from './live.controller.js';
import { LiveEventBus } from './live-event-bus.js';
import { LiveRepository } from './live.repository.js';
import { LiveService } from './live.service.js';

/** Live session mode: the agenda item running now, the room's focus, raised hands. */
@Module({
  controllers: [LiveController],
  providers: [LiveService, LiveRepository, LiveEventBus],
  exports: [LiveService, LiveEventBus],
})
export class LiveModule {}
