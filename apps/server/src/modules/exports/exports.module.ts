import { Module } from '@nestjs/common';
import { NotesModule } from '../notes/index.js';
import { ResultsModule } from '../results/index.js';
import { StatisticsModule } from '../statistics/index.js';
import { ExportsController } from './exports.controller.js';
import { ExportsRepository } from './exports.repository.js';
import { ExportsService } from './exports.service.js';

/** Summary notes and results (Markdown, DOCX) and the CSV of all input, without attribution. */
@Module({
  imports: [StatisticsModule, ResultsModule, NotesModule],
  controllers: [ExportsController],
  providers: [ExportsService, ExportsRepository],
})
export class ExportsModule {}
