import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/index.js';
import { ThreadsModule } from '../threads/index.js';
import { PaperTextIndex } from './paper-text-index.js';
import { SearchController } from './search.controller.js';
import { SearchRepository } from './search.repository.js';
import { SearchService } from './search.service.js';

/** Full-text search of a consultation's input, paper and notes, within what the caller may read. */
@Module({
  imports: [ThreadsModule, CollabModule],
  controllers: [SearchController],
  providers: [SearchService, SearchRepository, PaperTextIndex],
})
export class SearchModule {}
