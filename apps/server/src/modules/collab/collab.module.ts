import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { CollabGateway } from './collab.gateway.js';
import { CollabService } from './collab.service.js';
import { PaperRegistry } from './paper-registry.service.js';
import { PaperStoreQueue } from './paper-store-queue.js';
import { PaperRepository } from './paper.repository.js';
import { ParticipantsRepository } from './participants.repository.js';

/** Real-time co-editing of the paper (SPEC §4). */
@Module({
  imports: [AccessModule],
  providers: [
    CollabGateway,
    CollabService,
    PaperRegistry,
    PaperRepository,
    PaperStoreQueue,
    ParticipantsRepository,
  ],
  exports: [PaperRegistry, PaperRepository],
})
export class CollabModule {}
