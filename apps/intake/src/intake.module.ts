import { Module } from '@nestjs/common';
import { PlatformModule } from '@switchboard/platform';
import { AcceptTicketHandler } from './accept-ticket/accept-ticket.handler';
import { AcceptTicketMessageController } from './accept-ticket/accept-ticket.message.controller';
import { intakeService } from './intake.service-descriptor';
import { RejectInvalidTicketHandler } from './reject-ticket/reject-invalid-ticket.handler';

@Module({
  imports: [PlatformModule.forService(intakeService)],
  controllers: [AcceptTicketMessageController],
  providers: [AcceptTicketHandler, RejectInvalidTicketHandler],
})
export class IntakeModule {}
