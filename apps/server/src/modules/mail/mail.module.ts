import { Module } from '@nestjs/common';
import { MailController } from './mail.controller.js';
import { MailOutbox } from './mail-outbox.service.js';
import { MailWorker } from './mail-worker.js';
import { OutboxRepository } from './outbox.repository.js';

@Module({
  controllers: [MailController],
  providers: [MailOutbox, MailWorker, OutboxRepository],
  exports: [MailOutbox],
})
export class MailModule {}
