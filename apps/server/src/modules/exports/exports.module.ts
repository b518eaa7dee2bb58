import { Module } from '@nestjs/common';
import { NotesModule } from '../notes/index.js';
import { StatisticsModule } from '../statistics/index.js';
import { ExportsController } from './exports.controller.js';
import { ExportsRepository } from './exports.repository.js';
import { ExportsService } from './exports.service.js';

/** Summary notes (Markdown, DOCX) and the CSV of all input, without attribution (issue 5). */
@Module({
  imports: [StatisticsModule, NotesModule],
  controllers: [ExportsController],
  providers: [ExportsService, ExportsRepository],
})
export class ExportsModule {}
