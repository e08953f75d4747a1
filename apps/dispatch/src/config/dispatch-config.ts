import { z } from 'zod';
import { parseEnv } from '@switchboard/platform';

/** Dispatch's own settings, validated at boot beside the platform's. */
export const dispatchEnvSchema = z.object({
  /** The channel a customer uses to supervise the service, named in the notice on dispatch (domain.md §3). */
  SUPERVISION_CHANNEL: z.string().trim().min(1).max(50).default('10000'),
});

export class DispatchConfig {
  constructor(readonly supervisionChannel: string) {}

  static fromEnv(env: Record<string, string | undefined> = process.env): DispatchConfig {
    const parsed = parseEnv(dispatchEnvSchema, env);
    return new DispatchConfig(parsed.SUPERVISION_CHANNEL);
  }
}

export const dispatchConfigProvider = { provide: DispatchConfig, useFactory: () => DispatchConfig.fromEnv() };
