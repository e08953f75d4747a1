import { z } from 'zod';
import { parseEnv } from '@switchboard/platform';
import { defaultAppointmentPolicy, type AppointmentPolicy } from '../domain/appointment-slots';

const clockTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM (24 h)')
  .transform((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5)));
const minutes = (def: number) => z.coerce.number().int().positive().max(24 * 60).default(def);
const d = defaultAppointmentPolicy;

/** Dispatch's own settings, validated at boot beside the platform's. */
export const dispatchEnvSchema = z
  .object({
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
    /** Appointments (ADR 0027): window width, days searched, windows offered, the working day (local time), lead time. */
    APPOINTMENT_SLOT_MINUTES: minutes(d.slotMinutes),
    APPOINTMENT_HORIZON_DAYS: z.coerce.number().int().min(1).max(14).default(d.horizonDays),
    APPOINTMENT_OFFER_COUNT: z.coerce.number().int().min(1).max(50).default(d.offerCount),
    APPOINTMENT_SHIFT_START: clockTime.default(d.shiftStartMinute),
    APPOINTMENT_SHIFT_END: clockTime.default(d.shiftEndMinute),
    APPOINTMENT_MIN_LEAD_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(d.minLeadMinutes),
    /** Service time per kind of order, minutes. */
    APPOINTMENT_SERVICE_MINUTES_INSTALL: minutes(d.serviceMinutes.install),
    APPOINTMENT_SERVICE_MINUTES_MOVE: minutes(d.serviceMinutes.move),
    APPOINTMENT_SERVICE_MINUTES_REPAIR: minutes(d.serviceMinutes.repair),
    /** Travel: average speed on the road (km/h, with a 1.3 detour on the straight line), and the minutes counted when a place has no coordinates. */
    APPOINTMENT_TRAVEL_SPEED_KMH: z.coerce.number().positive().max(200).default(d.speedKmh),
    APPOINTMENT_UNKNOWN_TRAVEL_MINUTES: z.coerce.number().min(0).max(24 * 60).default(d.unknownTravelMinutes),
    /** Contact timeliness (domain.md §4: the customer hears from someone within 30 minutes). */
    CONTACT_LIMIT_MINUTES: minutes(30),
  })
  .refine((e) => e.APPOINTMENT_SHIFT_START + e.APPOINTMENT_SLOT_MINUTES <= e.APPOINTMENT_SHIFT_END, {
    path: ['APPOINTMENT_SHIFT_END'],
    message: 'the working day must hold at least one appointment window',
  });

export class DispatchConfig {
  constructor(
    readonly supervisionChannel: string,
    readonly timeZone = 'Asia/Shanghai',
    readonly appointments: AppointmentPolicy = defaultAppointmentPolicy,
    readonly contactLimitMinutes = 30,
  ) {}

  static fromEnv(env: Record<string, string | undefined> = process.env): DispatchConfig {
    const p = parseEnv(dispatchEnvSchema, env);
    return new DispatchConfig(
      p.SUPERVISION_CHANNEL,
      p.DISPATCH_TIME_ZONE,
      {
        slotMinutes: p.APPOINTMENT_SLOT_MINUTES,
        horizonDays: p.APPOINTMENT_HORIZON_DAYS,
        offerCount: p.APPOINTMENT_OFFER_COUNT,
        shiftStartMinute: p.APPOINTMENT_SHIFT_START,
        shiftEndMinute: p.APPOINTMENT_SHIFT_END,
        minLeadMinutes: p.APPOINTMENT_MIN_LEAD_MINUTES,
        serviceMinutes: { install: p.APPOINTMENT_SERVICE_MINUTES_INSTALL, move: p.APPOINTMENT_SERVICE_MINUTES_MOVE, repair: p.APPOINTMENT_SERVICE_MINUTES_REPAIR },
        speedKmh: p.APPOINTMENT_TRAVEL_SPEED_KMH,
        unknownTravelMinutes: p.APPOINTMENT_UNKNOWN_TRAVEL_MINUTES,
      },
      p.CONTACT_LIMIT_MINUTES,
    );
  }
}

export const dispatchConfigProvider = { provide: DispatchConfig, useFactory: () => DispatchConfig.fromEnv() };
