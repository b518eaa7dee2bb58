import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/index.js';
import { MailModule } from '../mail/index.js';
import { MembersModule } from '../members/index.js';
import { InvitationAcceptanceService } from './invitation-acceptance.service.js';
import { InvitationLinksController } from './invitation-links.controller.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsRepository } from './invitations.repository.js';
import { InvitationsService } from './invitations.service.js';

@Module({
  imports: [AuthModule, MembersModule, MailModule],
  controllers: [InvitationsController, InvitationLinksController],
  providers: [InvitationsService, InvitationAcceptanceService, InvitationsRepository],
})
export class InvitationsModule {}
