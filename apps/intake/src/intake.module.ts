import { Module } from '@nestjs/common';
import { PlatformModule } from '@switchboard/platform';
import { AcceptTicketHandler } from './accept-ticket/accept-ticket.handler';
import { AcceptTicketMessageController } from './accept-ticket/accept-ticket.message.controller';
import { AmendTicketMessageController } from './amend-ticket/amend-ticket.message.controller';
import { ParkedUpdateSweeper } from './amend-ticket/parked-update-sweeper';
import { TicketAmender } from './amend-ticket/ticket-amender';
import { IncidentGrouping } from './incidents/incident-grouping';
import { ResolveIncidentHandler } from './incidents/resolve-incident.handler';
import { ResolveIncidentMessageController } from './incidents/resolve-incident.message.controller';
import { intakeConfigProvider } from './intake.config';
import { intakeService } from './intake.service-descriptor';
import { KnownIssueAnswerer } from './known-issues/known-issue-answerer';
import { KnownIssueCommandsHandler } from './known-issues/known-issue-commands.handler';
import { KnownIssueCommandsMessageController } from './known-issues/known-issue-commands.message.controller';
import { DepartmentReplyHandler } from './department-reply/department-reply.handler';
import { DepartmentReplyMessageController } from './department-reply/department-reply.message.controller';
import { RecordCompletionHandler } from './record-completion/record-completion.handler';
import { RecordCompletionMessageController } from './record-completion/record-completion.message.controller';
import { ReopenTicketHandler } from './reopen-ticket/reopen-ticket.handler';
import { ReopenTicketMessageController } from './reopen-ticket/reopen-ticket.message.controller';
import { ImportReferenceDataHandler } from './reference-data/import-reference-data.handler';
import { ImportReferenceDataMessageController } from './reference-data/import-reference-data.message.controller';
import { RejectInvalidTicketHandler } from './reject-ticket/reject-invalid-ticket.handler';
import { RemoteHoldExpiry } from './remote-support/remote-hold-expiry';
import { RemoteSupportCommandHandler } from './remote-support/remote-support-command.handler';
import { RemoteSupportMessageController } from './remote-support/remote-support.message.controller';
import { RemoteSupportQueue } from './remote-support/remote-support-queue';

@Module({
  imports: [PlatformModule.forService(intakeService)],
  controllers: [
    AcceptTicketMessageController,
    ReopenTicketMessageController,
    RecordCompletionMessageController,
    // Remote pre-handling and out-of-order updates (issue 4).
    RemoteSupportMessageController,
    AmendTicketMessageController,
    KnownIssueCommandsMessageController,
    ImportReferenceDataMessageController,
    ResolveIncidentMessageController,
    // A department's final reply to a complaint (issue 5, ADR 0030).
    DepartmentReplyMessageController,
  ],
  providers: [
    intakeConfigProvider,
    AcceptTicketHandler,
    ReopenTicketHandler,
    RecordCompletionHandler,
    RejectInvalidTicketHandler,
    // Remote pre-handling and out-of-order updates (issue 4).
    RemoteSupportQueue,
    RemoteSupportCommandHandler,
    RemoteHoldExpiry,
    TicketAmender,
    ParkedUpdateSweeper,
    KnownIssueAnswerer,
    KnownIssueCommandsHandler,
    ImportReferenceDataHandler,
    IncidentGrouping,
    ResolveIncidentHandler,
    DepartmentReplyHandler,
  ],
})
export class IntakeModule {}
