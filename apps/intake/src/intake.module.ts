import { Module } from '@nestjs/common';
import { PlatformModule } from '@switchboard/platform';
import { AcceptTicketHandler } from './accept-ticket/accept-ticket.handler';
import { AcceptTicketMessageController } from './accept-ticket/accept-ticket.message.controller';
import { intakeConfigProvider } from './intake.config';
import { intakeService } from './intake.service-descriptor';
import { KnownIssueAnswerer } from './known-issues/known-issue-answerer';
import { KnownIssueCommandsHandler } from './known-issues/known-issue-commands.handler';
import { KnownIssueCommandsMessageController } from './known-issues/known-issue-commands.message.controller';
import { RecordCompletionHandler } from './record-completion/record-completion.handler';
import { RecordCompletionMessageController } from './record-completion/record-completion.message.controller';
import { ReopenTicketHandler } from './reopen-ticket/reopen-ticket.handler';
import { ReopenTicketMessageController } from './reopen-ticket/reopen-ticket.message.controller';
import { RejectInvalidTicketHandler } from './reject-ticket/reject-invalid-ticket.handler';

@Module({
  imports: [PlatformModule.forService(intakeService)],
  controllers: [AcceptTicketMessageController, ReopenTicketMessageController, RecordCompletionMessageController, KnownIssueCommandsMessageController],
  providers: [intakeConfigProvider, AcceptTicketHandler, ReopenTicketHandler, RecordCompletionHandler, RejectInvalidTicketHandler, KnownIssueAnswerer, KnownIssueCommandsHandler],
})
export class IntakeModule {}
