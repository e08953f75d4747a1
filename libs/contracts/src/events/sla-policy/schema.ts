import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id } from '../common';

export const SLA_POLICY_DEFINE = 'sla-policy.define' as const;
export const SLA_POLICY_VERSIONED = 'sla-policy.versioned' as const;

/**
 * The shape of an SLA policy (issue 6, ADR 0017/0022). Only types are checked here; what makes a
 * policy usable (known kinds and services, calendar hours that parse and do not overlap, increasing
 * warnings…) is the SLA monitor's `validatePolicy`, which names each problem with a stable code.
 */
const text = z.string().max(200);
const values = z.array(text).max(100);
export const businessDurationSchema = z.strictObject({ amount: z.number(), unit: z.string().max(20) });
const holidaySchema = z.union([
  z.strictObject({ date: z.string().max(10), name: text.optional() }),
  z.strictObject({ from: z.string().max(10), to: z.string().max(10), name: text.optional() }),
  z.strictObject({ yearly: z.string().max(5), name: text.optional() }),
]);
export const businessCalendarSchema = z.strictObject({
  timeZone: z.string().max(64),
  hours: z.union([z.literal('24x7'), z.record(z.string().max(10), z.array(z.string().max(20)).max(24))]),
  holidays: z.array(holidaySchema).max(1000).optional(),
});
export const slaMetricDefinitionSchema = z.strictObject({
  metric: z.string().max(64),
  target: businessDurationSchema,
  startsOn: z.enum(['ticket', 'completion', 'hand-over']),
  stopsOn: z.enum(['first-contact', 'reply', 'arrival', 'completion', 'callback']),
  pausable: z.boolean(),
  warnings: z.array(z.number()).max(10),
  escalations: z
    .array(z.strictObject({ level: z.string().max(64), offset: businessDurationSchema, notify: text, dispatchAction: z.enum(['none', 'raise-priority', 'reassign', 'support-team']) }))
    .max(10),
  calendar: businessCalendarSchema.optional(),
});
/** What an operator states of a policy version (the body of `POST /v1/sla-policies` with its id). */
export const slaPolicyFields = {
  name: z.string().min(1).max(200),
  selector: z.strictObject({ kinds: values.optional(), services: values.optional(), channels: values.optional(), tiers: values.optional(), regions: values.optional() }),
  calendar: businessCalendarSchema,
  metrics: z.array(slaMetricDefinitionSchema).max(50),
  retired: z.boolean().optional(),
};

/**
 * Command (gateway → sla-monitor on `sla.commands.v1`, subject: policyId): define the next version
 * of a policy. `baseVersion` is the version the editor saw (0: a new policy); the monitor refuses
 * the command when another version came first (`SLA_POLICY.VERSION_CONFLICT`).
 */
export const slaPolicyDefineSchema = z.strictObject({
  policyId: id,
  baseVersion: z.number().int().min(0),
  ...slaPolicyFields,
  /** Omitted: from when the monitor records it. */
  effectiveFrom: rfc3339.optional(),
  definedBy: z.string().min(1).max(200),
});

/** The SLA monitor stored a policy version (subject: policyId); the defaults are version 1. */
export const slaPolicyVersionedSchema = z.strictObject({
  policyId: id,
  version: z.number().int().min(1),
  effectiveFrom: rfc3339,
  ...slaPolicyFields,
  /** One of the default policies (domain.md §4) as the monitor's configuration gives them. */
  builtIn: z.boolean(),
  definedBy: z.string().min(1).max(200),
});

export type SlaPolicyDefine = z.infer<typeof slaPolicyDefineSchema>;
export type SlaPolicyVersioned = z.infer<typeof slaPolicyVersionedSchema>;
