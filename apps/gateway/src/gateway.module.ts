import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { PlatformModule } from '@switchboard/platform';
import { ApiKeysHttpController } from './api-keys/api-keys.http.controller';
import { AuditLog, AuditTrailMiddleware } from './audit/audit-log';
import { AuditHttpController } from './audit/audit.http.controller';
import { ApiKeyGuard } from './auth/api-key.guard';
import { ApiKeys } from './auth/api-keys';
import { ACCESS_TOKENS, Hs256Jwt } from './auth/jwt';
import { LOGIN_LIMITER, LoginHttpController } from './auth/login.http.controller';
import { KeyRateLimiter } from './auth/rate-limiter';
import { SecurityHeadersMiddleware } from './auth/security-headers';
import { AssignmentActionsHttpController } from './assignments/assignment-actions.http.controller';
import { AppointmentsHttpController } from './appointments/appointments.http.controller';
import { ApprovalsHttpController } from './approvals/approvals.http.controller';
import { CallbackQueueMessageController } from './callbacks/callback-queue.message.controller';
import { CallbacksHttpController } from './callbacks/callbacks.http.controller';
import { CommandSender } from './commands/command-sender';
import { DocsHttpController } from './docs/docs.http.controller';
import { GATEWAY_CONFIG, loadGatewayConfig, type GatewayConfig } from './gateway.config';
import { IncidentsHttpController } from './incidents/incidents.http.controller';
import { gatewayService } from './gateway.service-descriptor';
import { KpisHttpController } from './kpis/kpis.http.controller';
import { KpisMessageController } from './kpis/kpis.message.controller';
import { KnownIssuesHttpController } from './known-issues/known-issues.http.controller';
import { ReadModelMessageController } from './read-model/read-model.message.controller';
import { DepartmentQueueMessageController } from './departments/department-queue.message.controller';
import { DepartmentsHttpController } from './departments/departments.http.controller';
import { RemoteSupportHttpController } from './remote-support/remote-support.http.controller';
import { RemoteSupportQueueMessageController } from './remote-support/remote-support-queue.message.controller';
import { ReferenceDataHttpController } from './reference-data/reference-data.http.controller';
import { ComplaintFindingsHttpController } from './scorecards/complaint-findings.http.controller';
import { SlaPoliciesHttpController } from './sla-policies/sla-policies.http.controller';
import { SlaPoliciesMessageController } from './sla-policies/sla-policies.message.controller';
import { StreamHttpController } from './stream/stream.http.controller';
import { StreamHub } from './stream/stream.hub';
import { SurveyAnswersHttpController } from './surveys/survey-answers.http.controller';
import { SmsInboundHttpController } from './surveys/sms-inbound.http.controller';
import { CustomerContactHttpController } from './surveys/customer-contact.http.controller';
import { TechniciansHttpController } from './technicians/technicians.http.controller';
import { RotaHttpController } from './technicians/rota.http.controller';
import { RotaMessageController } from './read-model/rota.message.controller';
import { SubmitTicketHttpController } from './tickets/submit-ticket.http.controller';
import { TicketQueriesHttpController } from './tickets/ticket-queries.http.controller';
import { Users } from './users/users';
import { UsersHttpController } from './users/users.http.controller';

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
    CustomerContactHttpController,
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
    LoginHttpController,
    UsersHttpController,
    ComplaintFindingsHttpController,
    KpisHttpController,
    KpisMessageController,
    AppointmentsHttpController,
    ApprovalsHttpController,
  ],
  providers: [
    { provide: GATEWAY_CONFIG, useFactory: () => loadGatewayConfig() },
    ApiKeys,
    { provide: KeyRateLimiter, useFactory: (clock: Clock) => new KeyRateLimiter(clock), inject: [CLOCK] },
    AuditLog,
    Users,
    // People's access tokens (ADR 0029): JWT_SECRET, or a per-process random secret outside production (gateway.config.ts refuses production without one).
    { provide: Hs256Jwt, useFactory: (config: GatewayConfig) => (config.JWT_SECRET ? new Hs256Jwt(config.JWT_SECRET) : Hs256Jwt.withRandomSecret()), inject: [GATEWAY_CONFIG] },
    { provide: ACCESS_TOKENS, useExisting: Hs256Jwt },
    { provide: LOGIN_LIMITER, useFactory: (clock: Clock) => new KeyRateLimiter(clock), inject: [CLOCK] },
    CommandSender,
    StreamHub,
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
})
export class GatewayModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SecurityHeadersMiddleware, AuditTrailMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
