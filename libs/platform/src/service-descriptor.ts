import type { Topic } from '@switchboard/contracts';
import type { ServiceSchema } from '@switchboard/persistence';

export type ServiceName = 'gateway' | 'intake' | 'dispatch' | 'sla-monitor' | 'callback' | 'scoring';

/** What makes one service different from another at the platform level. */
export interface ServiceDescriptor {
  name: ServiceName;
  schema: ServiceSchema;
  /** HTTP port when HTTP_PORT (or GATEWAY_PORT for the gateway) is not set. */
  defaultPort: number;
  usesRedis: boolean;
  /** Topics its Kafka handlers (`@EventPattern('<event type>')`) listen to. */
  consumes: Topic[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
}
