import { z } from 'zod';
import { parseEnv } from '@switchboard/platform';

/** Dispatch's own settings, validated at boot beside the platform's. */
export const dispatchEnvSchema = z.object({
  /** The channel a customer uses to supervise the service, named in the notice on dispatch (domain.md §3). */
  SUPERVISION_CHANNEL: z.string().trim().min(1).max(50).default('10000'),
  /** The dispatch centre's time zone: the rest rota and absences apply to the local date there. */
  DISPATCH_TIME_ZONE: z
    .string()
    .trim()
    .default('Asia/Shanghai')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'an IANA time zone, e.g. Asia/Shanghai'),
});

export class DispatchConfig {
  constructor(
    readonly supervisionChannel: string,
    readonly timeZone = 'Asia/Shanghai',
  ) {}

  static fromEnv(env: Record<string, string | undefined> = process.env): DispatchConfig {
    const parsed = parseEnv(dispatchEnvSchema, env);
    return new DispatchConfig(parsed.SUPERVISION_CHANNEL, parsed.DISPATCH_TIME_ZONE);
  }
}

export const dispatchConfigProvider = { provide: DispatchConfig, useFactory: () => DispatchConfig.fromEnv() };
