import type { Provider } from '@nestjs/common';
import { z } from 'zod';
import { parseEnv } from '@switchboard/platform';
import { DEFAULT_INCIDENT_RULES, IncidentDetector } from './domain/incident-detector';
import { DEFAULT_REPEAT_FAULT_WINDOW_DAYS, RepeatFaultDetector } from './domain/repeat-fault-detector';
import { DEFAULT_TRIAGE_WEIGHTS, TicketTriage } from './domain/ticket-triage';
import { DEFAULT_REMOTE_SUPPORT_HOLD_MINUTES, DEFAULT_REMOTE_SUPPORT_KINDS, parseRemoteSupportRules, RemoteSupportPolicy } from './domain/remote-support';
import { DEFAULT_PARKED_UPDATE_TTL_HOURS, ParkedUpdatePolicy } from './domain/ticket-amendment';

const points = (defaultValue: number) => z.coerce.number().min(0).max(100).default(defaultValue);
const w = DEFAULT_TRIAGE_WEIGHTS;

/** Intake's own settings; the business defaults come from domain.md §2–3 (see the domain classes). */
export const intakeEnvSchema = z.object({
  /** Repeat fault ("重复障碍"): days after a completed repair within which a new repair is a repeat (operators use 30). */
  REPEAT_FAULT_WINDOW_DAYS: z.coerce.number().int().min(1).max(366).default(DEFAULT_REPEAT_FAULT_WINDOW_DAYS),
  // Triage: points each factor adds to the priority (0–100).
  TRIAGE_WEIGHT_TIER_VIP: points(w.tier.vip),
  TRIAGE_WEIGHT_TIER_STANDARD: points(w.tier.standard),
  TRIAGE_WEIGHT_KIND_COMPLAINT: points(w.kind.complaint),
  TRIAGE_WEIGHT_KIND_REPAIR: points(w.kind.repair),
  TRIAGE_WEIGHT_KIND_INSTALL: points(w.kind.install),
  TRIAGE_WEIGHT_KIND_MOVE: points(w.kind.move),
  TRIAGE_WEIGHT_SERVICE_BROADBAND: points(w.service.broadband),
  TRIAGE_WEIGHT_SERVICE_FIXED: points(w.service.fixed),
  TRIAGE_WEIGHT_SERVICE_MOBILE: points(w.service.mobile),
  TRIAGE_WEIGHT_SERVICE_IPTV: points(w.service.iptv),
  TRIAGE_WEIGHT_REPEAT_FAULT: points(w.repeatFault),
  TRIAGE_WEIGHT_INCIDENT: points(w.incident),
  TRIAGE_WEIGHT_AGE_PER_HOUR: points(w.agePerHour),
  TRIAGE_WEIGHT_AGE_MAX: points(w.ageMax),
  /** A priority at or above this is an `important` ticket. */
  TRIAGE_IMPORTANT_MIN_PRIORITY: z.coerce.number().int().min(0).max(100).default(w.importantMinPriority),
  /** Remote pre-handling ("预处理"): which new tickets wait in the remote support queue, `kind[:service][=minutes]`, comma-separated; empty = off. */
  REMOTE_SUPPORT_KINDS: z
    .string()
    .default(DEFAULT_REMOTE_SUPPORT_KINDS)
    .superRefine((spec, ctx) => {
      try {
        parseRemoteSupportRules(spec);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
      }
    }),
  /** How long a held ticket waits for remote support before it goes to dispatch by itself (minutes, fractions allowed). */
  REMOTE_SUPPORT_HOLD_MINUTES: z.coerce.number().positive().max(7 * 24 * 60).default(DEFAULT_REMOTE_SUPPORT_HOLD_MINUTES),
  /** How often ended holds are looked for. */
  REMOTE_SUPPORT_POLL_MS: z.coerce.number().int().min(10).default(1000),
  /** How long an update that arrived before its ticket waits for it before it is rejected (ORPHAN_UPDATE); fractions allowed. */
  PARKED_UPDATE_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(DEFAULT_PARKED_UPDATE_TTL_HOURS),
  /** How often parked updates are checked for a late ticket or their end. */
  PARKED_UPDATE_POLL_MS: z.coerce.number().int().min(10).default(5000),
  /** Important (mass) complaint (source 003): complaints within up to this many adjacent radio cells… */
  INCIDENT_MAX_CELLS: z.coerce.number().int().min(1).max(20).default(DEFAULT_INCIDENT_RULES.maxCells),
  /** …more than this many… */
  INCIDENT_MIN_COMPLAINTS: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_INCIDENT_RULES.minComplaints),
  /** …within a rolling window of this many minutes, open an incident. */
  INCIDENT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(DEFAULT_INCIDENT_RULES.windowMinutes),
  /** Cells of which one has no neighbour list are adjacent within this distance. */
  INCIDENT_ADJACENT_KM: z.coerce.number().min(0).max(100).default(DEFAULT_INCIDENT_RULES.adjacentKm),
});

export interface IntakeConfig {
  repeatFaults: RepeatFaultDetector;
  triage: TicketTriage;
  remoteSupport: RemoteSupportPolicy;
  remoteSupportPollMs: number;
  parkedUpdates: ParkedUpdatePolicy;
  parkedUpdatePollMs: number;
  incidents: IncidentDetector;
}

export const INTAKE_CONFIG = Symbol('INTAKE_CONFIG');

export function loadIntakeConfig(env: Record<string, string | undefined>): IntakeConfig {
  const e = parseEnv(intakeEnvSchema, env);
  return {
    repeatFaults: new RepeatFaultDetector(e.REPEAT_FAULT_WINDOW_DAYS),
    triage: new TicketTriage({
      tier: { vip: e.TRIAGE_WEIGHT_TIER_VIP, standard: e.TRIAGE_WEIGHT_TIER_STANDARD },
      kind: { complaint: e.TRIAGE_WEIGHT_KIND_COMPLAINT, repair: e.TRIAGE_WEIGHT_KIND_REPAIR, install: e.TRIAGE_WEIGHT_KIND_INSTALL, move: e.TRIAGE_WEIGHT_KIND_MOVE },
      service: {
        broadband: e.TRIAGE_WEIGHT_SERVICE_BROADBAND,
        fixed: e.TRIAGE_WEIGHT_SERVICE_FIXED,
        mobile: e.TRIAGE_WEIGHT_SERVICE_MOBILE,
        iptv: e.TRIAGE_WEIGHT_SERVICE_IPTV,
      },
      repeatFault: e.TRIAGE_WEIGHT_REPEAT_FAULT,
      incident: e.TRIAGE_WEIGHT_INCIDENT,
      agePerHour: e.TRIAGE_WEIGHT_AGE_PER_HOUR,
      ageMax: e.TRIAGE_WEIGHT_AGE_MAX,
      importantMinPriority: e.TRIAGE_IMPORTANT_MIN_PRIORITY,
    }),
    remoteSupport: new RemoteSupportPolicy(parseRemoteSupportRules(e.REMOTE_SUPPORT_KINDS), e.REMOTE_SUPPORT_HOLD_MINUTES),
    remoteSupportPollMs: e.REMOTE_SUPPORT_POLL_MS,
    parkedUpdates: new ParkedUpdatePolicy(e.PARKED_UPDATE_TTL_HOURS),
    parkedUpdatePollMs: e.PARKED_UPDATE_POLL_MS,
    incidents: new IncidentDetector({
      maxCells: e.INCIDENT_MAX_CELLS,
      minComplaints: e.INCIDENT_MIN_COMPLAINTS,
      windowMinutes: e.INCIDENT_WINDOW_MINUTES,
      adjacentKm: e.INCIDENT_ADJACENT_KM,
    }),
  };
}

export const intakeConfigProvider: Provider = {
  provide: INTAKE_CONFIG,
  useFactory: () => loadIntakeConfig(process.env),
};
