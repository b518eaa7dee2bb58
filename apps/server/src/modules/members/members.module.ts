import { Module } from '@nestjs/common';
import { ConsultationGroupsRepository } from './consultation-groups.repository.js';
import { GroupRequestsController } from './group-requests.controller.js';
import { GroupRequestsRepository } from './group-requests.repository.js';
import { GroupRequestsService } from './group-requests.service.js';
import { MembersController } from './members.controller.js';
import { MembersRepository } from './members.repository.js';
import { MembersService } from './members.service.js';

@Module({
  controllers: [MembersController, GroupRequestsController],
  providers: [
    MembersService,
    MembersRepository,
    ConsultationGroupsRepository,
    GroupRequestsService,
    GroupRequestsRepository,
  ],
  exports: [MembersRepository, ConsultationGroupsRepository],
})
export class MembersModule {}
