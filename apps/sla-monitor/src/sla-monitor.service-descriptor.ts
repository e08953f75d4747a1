import { Topics } from '@switchboard/contracts';
import type { ServiceDescriptor } from '@switchboard/platform';
import { slaMonitorMigrations } from './persistence/migrations';

/** Watches every promised time limit: clocks in PostgreSQL, the timer index in Redis. */
export const slaMonitorService: ServiceDescriptor = {
  name: 'sla-monitor',
  schema: 'sla',
  defaultPort: 8083,
  usesRedis: true,
  consumes: [Topics.TicketsLifecycle, Topics.DispatchAssignments, Topics.CallbackSurveys, Topics.SlaCommands],
  entities: [],
  migrations: slaMonitorMigrations,
};
