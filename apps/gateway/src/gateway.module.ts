import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { PlatformModule } from '@switchboard/platform';
import { ApiKeysHttpController } from './api-keys/api-keys.http.controller';
import { AuditLog, AuditTrailMiddleware } from './audit/audit-log';
import { AuditHttpController } from './audit/audit.http.controller';
import { ApiKeyGuard } from './auth/api-key.guard';
import { ApiKeys } from './auth/api-keys';
import { KeyRateLimiter } from './auth/rate-limiter';
import { AssignmentActionsHttpController } from './assignments/assignment-actions.http.controller';
import { CallbackQueueMessageController } from './callbacks/callback-queue.message.controller';
import { CallbacksHttpController } from './callbacks/callbacks.http.controller';
import { CommandSender } from './commands/command-sender';
import { DocsHttpController } from './docs/docs.http.controller';
import { GATEWAY_CONFIG, loadGatewayConfig } from './gateway.config';
import { IncidentsHttpController } from './incidents/incidents.http.controller';
import { gatewayService } from './gateway.service-descriptor';
import { KnownIssuesHttpController } from './known-issues/known-issues.http.controller';
import { ReadModelMessageController } from './read-model/read-model.message.controller';
import { DepartmentQueueMessageController } from './departments/department-queue.message.controller';
import { DepartmentsHttpController } from './departments/departments.http.controller';
import { RemoteSupportHttpController } from './remote-support/remote-support.http.controller';
import { RemoteSupportQueueMessageController } from './remote-support/remote-support-queue.message.controller';
import { ReferenceDataHttpController } from './reference-data/reference-data.http.controller';
import { SlaPoliciesHttpController } from './sla-policies/sla-policies.http.controller';
import { SlaPoliciesMessageController } from './sla-policies/sla-policies.message.controller';
import { StreamHttpController } from './stream/stream.http.controller';
import { StreamHub } from './stream/stream.hub';
import { SurveyAnswersHttpController } from './surveys/survey-answers.http.controller';
import { SmsInboundHttpController } from './surveys/sms-inbound.http.controller';
import { TechniciansHttpController } from './technicians/technicians.http.controller';
import { RotaHttpController } from './technicians/rota.http.controller';
import { RotaMessageController } from './read-model/rota.message.controller';
import { SubmitTicketHttpController } from './tickets/submit-ticket.http.controller';
import { TicketQueriesHttpController } from './tickets/ticket-queries.http.controller';

@Module({
  imports: [PlatformModule.forService(gatewayService)],
  controllers: [
    SubmitTicketHttpController,
    TicketQueriesHttpController,
    AssignmentActionsHttpController,
    RotaHttpController,
    TechniciansHttpController,
    SurveyAnswersHttpController,
    SmsInboundHttpController,
    KnownIssuesHttpController,
    StreamHttpController,
    DocsHttpController,
    ReferenceDataHttpController,
    IncidentsHttpController,
    ReadModelMessageController,
    RemoteSupportHttpController,
    RemoteSupportQueueMessageController,
    DepartmentsHttpController,
    DepartmentQueueMessageController,
    RotaMessageController,
    SlaPoliciesHttpController,
    SlaPoliciesMessageController,
    CallbacksHttpController,
    CallbackQueueMessageController,
    ApiKeysHttpController,
    AuditHttpController,
  ],
  providers: [
    { provide: GATEWAY_CONFIG, useFactory: () => loadGatewayConfig() },
    ApiKeys,
    { provide: KeyRateLimiter, useFactory: (clock: Clock) => new KeyRateLimiter(clock), inject: [CLOCK] },
    AuditLog,
    CommandSender,
    StreamHub,
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
})
export class GatewayModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditTrailMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
