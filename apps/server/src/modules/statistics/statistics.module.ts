import { Module } from '@nestjs/common';
import { InputFiguresRepository } from './input-figures.repository.js';

/** The input figures behind the dashboard and the exports, published by one method (SPEC §3). */
@Module({ providers: [InputFiguresRepository], exports: [InputFiguresRepository] })
export class StatisticsModule {}
