import { Topics } from '@switchboard/contracts';
import type { ServiceDescriptor } from '@switchboard/platform';
import { intakeMigrations } from './persistence/migrations';

/** Takes every ticket in: validates, deduplicates, records the first-contact owner, emits the lifecycle. */
export const intakeService: ServiceDescriptor = {
  name: 'intake',
  schema: 'intake',
  defaultPort: 8081,
  usesRedis: false,
  consumes: [Topics.TicketsInbound],
  entities: [],
  migrations: intakeMigrations,
};
