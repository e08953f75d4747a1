import { Topics } from '@switchboard/contracts';
import type { ServiceDescriptor } from '@switchboard/platform';
import { gatewayMigrations } from './persistence/migrations';

/** The only door from outside: API keys, the read model behind the API and dashboards, channel adapters. */
export const gatewayService: ServiceDescriptor = {
  name: 'gateway',
  schema: 'gateway',
  defaultPort: 8080,
  usesRedis: false,
  consumes: [Topics.TicketsLifecycle, Topics.DispatchAssignments, Topics.SlaAlerts, Topics.CallbackSurveys, Topics.NotificationsOutbound, Topics.ScoringKpis, Topics.ScoringKpisV3],
  entities: [],
  migrations: gatewayMigrations,
};
