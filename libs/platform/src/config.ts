import { z } from 'zod';

/**
 * The configuration every service reads (architecture.md, "Configuration"), validated at boot
 * with the local-run defaults of the contract. A bad value stops the service with the variable's
 * name and the reason.
 */
export const platformEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KAFKA_BROKERS: z.string().regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'comma-separated host:port list').default('127.0.0.1:9092'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgres://switchboard:switchboard@127.0.0.1:5432/switchboard'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  GATEWAY_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  /** The HTTP port of a non-gateway service (health and metrics); each has its own default. */
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HTTP_HOST: z.string().default('127.0.0.1'),
  /** The largest JSON body accepted; a larger one gets HTTP 413. */
  HTTP_BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/, 'a size such as 256kb or 1mb').default('256kb'),
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(6),
  /** Password of the service's own database role; created by the service at start. */
  DB_SERVICE_PASSWORD: z.string().min(8).optional(),
  /** A ready-made URL for the service's own role; then no role or schema is created. */
  SERVICE_DATABASE_URL: z.url().optional(),
  /** At least 2: starting, one connection holds the migration lock while another migrates (initialiseDataSource). */
  DB_POOL_SIZE: z.coerce.number().int().min(2).max(100).default(10),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(5).default(50),
  /** Outbox rows the relay sends to Kafka per pass (one statement, one produce request, one commit). */
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(1_000),
  CONSUMER_GROUP_PREFIX: z.string().min(1).default('switchboard'),
  /** Partitions a service's consumer works on at once (each in its own transaction and connection). */
  CONSUMER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(6),
  /** Most events applied in one consumer transaction. */
  CONSUMER_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(200),
});

export type PlatformEnv = z.infer<typeof platformEnvSchema>;

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

/** Parses the environment with a schema; throws one error naming every bad variable. */
export function parseEnv<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigurationError(result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  return result.data;
}
