import { Topics } from '@switchboard/contracts';
import type { ServiceDescriptor } from '@switchboard/platform';
import { callbackMigrations } from './persistence/migrations';

/** Calls the customer back after every resolution. */
export const callbackService: ServiceDescriptor = {
  name: 'callback',
  schema: 'callback',
  defaultPort: 8084,
  usesRedis: false,
  consumes: [Topics.TicketsLifecycle, Topics.DispatchAssignments, Topics.CallbackCommands],
  entities: [],
  migrations: callbackMigrations,
};
