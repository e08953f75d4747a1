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
  /** Read only to require JWT_SECRET in production. */
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /**
   * The HS256 secret of people's access tokens (ADR 0029), at least 32 characters; every gateway
   * process of a deployment needs the same one. Required in production; elsewhere a random one is
   * made per process when it is unset (tokens then stop working when the process restarts).
   */
  JWT_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  /** How long an access token from `POST /v1/auth/login` lives, in seconds. */
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  /** Login attempts a minute per username and client address (per gateway process); 429 with Retry-After beyond. */
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
  /** Login attempts a minute from one client address, whatever the usernames (password spraying; each attempt costs a scrypt hash). */
  LOGIN_ATTEMPTS_PER_MINUTE_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(60),
  /** Requests a minute a logged-in person may send (per gateway process), like a key's limit. */
  USER_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
}).superRefine((env, ctx) => {
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'required in production (at least 32 characters)' });
});

export type GatewayConfig = z.infer<typeof gatewayEnvSchema>;

export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  return parseEnv(gatewayEnvSchema, env);
}
