import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ConsultationsModule } from '../consultations/consultations.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { DemoController } from './demo.controller.js';
import { DemoSeeder } from './demo-seeder.js';
import { SeedsRepository } from './seeds.repository.js';

@Module({
  imports: [AuthModule, ConsultationsModule, TemplatesModule, ThreadsModule],
  controllers: [DemoController],
  providers: [DemoSeeder, SeedsRepository],
})
export class DemoModule {}
