import { Module } from '@nestjs/common';
import { AttributionModule } from '../attribution/index.js';
import { DashboardModule } from '../dashboard/index.js';
import { NotesModule } from '../notes/index.js';
import { ResultsController } from './results.controller.js';
import { ResultsRepository } from './results.repository.js';
import { ResultsService } from './results.service.js';

/** What the participants are told once the results are published (SPEC §5). */
@Module({
  imports: [AttributionModule, DashboardModule, NotesModule],
  controllers: [ResultsController],
  providers: [ResultsService, ResultsRepository],
  exports: [ResultsService],
})
export class ResultsModule {}
