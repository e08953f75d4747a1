import { Topics } from '@switchboard/contracts';
import type { ServiceDescriptor } from '@switchboard/platform';
import { dispatchMigrations } from './persistence/migrations';

/** Rolling dispatch of tickets to technicians and departments; the technicians' roster and their steps on assignments. */
export const dispatchService: ServiceDescriptor = {
  name: 'dispatch',
  schema: 'dispatch',
  defaultPort: 8082,
  usesRedis: false,
  consumes: [Topics.TicketsLifecycle, Topics.SlaAlerts, Topics.DispatchCommands],
  entities: [],
  migrations: dispatchMigrations,
};
