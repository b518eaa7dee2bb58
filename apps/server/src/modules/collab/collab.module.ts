import { Module } from '@nestjs/common';
import { AccessModule } from '../access/index.js';
import { AttributionModule } from '../attribution/index.js';
import { AuthModule } from '../auth/index.js';
import { CollabGateway } from './collab.gateway.js';
import { CollabService } from './collab.service.js';
import { PaperController } from './paper.controller.js';
import { PaperRegistry } from './paper-registry.service.js';
import { PaperStore } from './paper-store.js';
import { PaperStoreQueue } from './paper-store-queue.js';
import { PaperRepository } from './paper.repository.js';
import { ParticipantsRepository } from './participants.repository.js';
import { RightsRecheck } from './rights-recheck.service.js';
import { SuggestionThreadsRepository } from './suggestion-threads.repository.js';
import { SuggestionsService } from './suggestions.service.js';

/** Real-time co-editing of the paper (SPEC §4). */
@Module({
  imports: [AccessModule, AttributionModule, AuthModule],
  controllers: [PaperController],
  providers: [
    CollabGateway,
    CollabService,
    PaperRegistry,
    PaperRepository,
    PaperStore,
    PaperStoreQueue,
    ParticipantsRepository,
    RightsRecheck,
    SuggestionsService,
    SuggestionThreadsRepository,
  ],
  exports: [PaperRegistry, PaperRepository, SuggestionThreadsRepository],
})
export class CollabModule {}
