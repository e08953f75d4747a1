import { Topics } from '@switchboard/contracts';
import type { ServiceDescriptor } from '@switchboard/platform';
import { scoringMigrations } from './persistence/migrations';

/** KPIs, scorecards, pay and points for BI. */
export const scoringService: ServiceDescriptor = {
  name: 'scoring',
  schema: 'scoring',
  defaultPort: 8085,
  usesRedis: false,
  consumes: [Topics.TicketsLifecycle, Topics.DispatchAssignments, Topics.SlaAlerts, Topics.CallbackSurveys, Topics.ScoringCommands],
  entities: [],
  migrations: scoringMigrations,
};
