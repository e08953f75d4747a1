import type { Type } from '@nestjs/common';
import type { Topic } from '@switchboard/contracts';
import type { InvalidMessageHandler } from '@switchboard/messaging';
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
  /**
   * A provider (resolved from the app) called in a transaction for each message that fails
   * validation, before it goes to the DLQ — e.g. intake tells the sender with `ticket.rejected`.
   */
  invalidMessages?: Type<{ handle: InvalidMessageHandler }>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
}
