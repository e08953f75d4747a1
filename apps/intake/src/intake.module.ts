import { Module } from '@nestjs/common';
import { PlatformModule } from '@switchboard/platform';
import { AcceptTicketHandler } from './accept-ticket/accept-ticket.handler';
import { AcceptTicketMessageController } from './accept-ticket/accept-ticket.message.controller';
import { IncidentGrouping } from './incidents/incident-grouping';
import { ResolveIncidentHandler } from './incidents/resolve-incident.handler';
import { ResolveIncidentMessageController } from './incidents/resolve-incident.message.controller';
import { intakeConfigProvider } from './intake.config';
import { intakeService } from './intake.service-descriptor';
import { RecordCompletionHandler } from './record-completion/record-completion.handler';
import { RecordCompletionMessageController } from './record-completion/record-completion.message.controller';
import { ReopenTicketHandler } from './reopen-ticket/reopen-ticket.handler';
import { ReopenTicketMessageController } from './reopen-ticket/reopen-ticket.message.controller';
import { ImportReferenceDataHandler } from './reference-data/import-reference-data.handler';
import { ImportReferenceDataMessageController } from './reference-data/import-reference-data.message.controller';
import { RejectInvalidTicketHandler } from './reject-ticket/reject-invalid-ticket.handler';

@Module({
  imports: [PlatformModule.forService(intakeService)],
  controllers: [
    AcceptTicketMessageController,
    ReopenTicketMessageController,
    RecordCompletionMessageController,
    ImportReferenceDataMessageController,
    ResolveIncidentMessageController,
  ],
  providers: [
    intakeConfigProvider,
    AcceptTicketHandler,
    ReopenTicketHandler,
    RecordCompletionHandler,
    RejectInvalidTicketHandler,
    ImportReferenceDataHandler,
    IncidentGrouping,
    ResolveIncidentHandler,
  ],
})
export class IntakeModule {}
