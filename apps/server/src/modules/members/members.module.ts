import { Module } from '@nestjs/common';
import { ConsultationGroupsRepository } from './consultation-groups.repository.js';
import { MembersController } from './members.controller.js';
import { MembersRepository } from './members.repository.js';
import { MembersService } from './members.service.js';

@Module({
  controllers: [MembersController],
  providers: [MembersService, MembersRepository, ConsultationGroupsRepository],
  exports: [MembersRepository, ConsultationGroupsRepository],
})
export class MembersModule {}
