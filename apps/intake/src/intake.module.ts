import { Module } from '@nestjs/common';
import { PlatformModule } from '@switchboard/platform';
import { AcceptTicketHandler } from './accept-ticket/accept-ticket.handler';
import { AcceptTicketMessageController } from './accept-ticket/accept-ticket.message.controller';
import { intakeService } from './intake.service-descriptor';
import { ReopenTicketHandler } from './reopen-ticket/reopen-ticket.handler';
import { ReopenTicketMessageController } from './reopen-ticket/reopen-ticket.message.controller';
import { RejectInvalidTicketHandler } from './reject-ticket/reject-invalid-ticket.handler';

@Module({
  imports: [PlatformModule.forService(intakeService)],
  controllers: [AcceptTicketMessageController, ReopenTicketMessageController],
  providers: [AcceptTicketHandler, ReopenTicketHandler, RejectInvalidTicketHandler],
})
export class IntakeModule {}
