import { Topics } from '@switchboard/contracts';
import type { ServiceDescriptor } from '@switchboard/platform';
import { dispatchMigrations } from './persistence/migrations';

/** Rolling dispatch of tickets to technicians and departments. */
export const dispatchService: ServiceDescriptor = {
  name: 'dispatch',
  schema: 'dispatch',
  defaultPort: 8082,
  usesRedis: false,
  consumes: [Topics.TicketsLifecycle, Topics.SlaAlerts],
  entities: [],
  migrations: dispatchMigrations,
};
