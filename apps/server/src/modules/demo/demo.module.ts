import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/index.js';
import { ConsultationsModule } from '../consultations/index.js';
import { TemplatesModule } from '../templates/index.js';
import { ThreadsModule } from '../threads/index.js';
import { DemoController } from './demo.controller.js';
import { DemoSeeder } from './demo-seeder.js';
import { SeedsRepository } from './seeds.repository.js';

@Module({
  imports: [AuthModule, ConsultationsModule, TemplatesModule, ThreadsModule],
  controllers: [DemoController],
  providers: [DemoSeeder, SeedsRepository],
})
export class DemoModule {}
