import { Module } from '@nestjs/common';
import { AttributionModule } from '../attribution/index.js';
import { CollabModule } from '../collab/index.js';
import { VersionsController } from './versions.controller.js';
import { VersionsRepository } from './versions.repository.js';
import { VersionsService } from './versions.service.js';

/** Named versions of the paper and their word-level comparison. */
@Module({
  imports: [CollabModule, AttributionModule],
  controllers: [VersionsController],
  providers: [VersionsService, VersionsRepository],
})
export class VersionsModule {}
