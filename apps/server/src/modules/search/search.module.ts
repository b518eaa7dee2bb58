import { Module } from '@nestjs/common';
import { ThreadsModule } from '../threads/index.js';
import { SearchController } from './search.controller.js';
import { SearchRepository } from './search.repository.js';
import { SearchService } from './search.service.js';

/** Full-text search of a consultation's input, within what the caller may read. */
@Module({
  imports: [ThreadsModule],
  controllers: [SearchController],
  providers: [SearchService, SearchRepository],
})
export class SearchModule {}
