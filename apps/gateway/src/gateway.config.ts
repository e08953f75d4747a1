import { z } from 'zod';
import { parseEnv } from '@switchboard/platform';

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

export const gatewayEnvSchema = z.object({
  /** An admin key to create on first start (e.g. from a secret store); otherwise one is generated. */
  SWITCHBOARD_BOOTSTRAP_API_KEY: z.string().min(24, 'at least 24 characters').optional(),
  /** Where a generated admin key is written (mode 600) for `make up` to print. */
  API_KEY_FILE: z.string().default('.local/run/admin-api-key'),
  /** Requests a minute an API key made through `POST /v1/api-keys` may send when it names no `rateLimitPerMinute` (per gateway process, ADR 0024). */
  API_KEY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
});

export type GatewayConfig = z.infer<typeof gatewayEnvSchema>;

export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  return parseEnv(gatewayEnvSchema, env);
}
