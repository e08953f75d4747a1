import type { EntityManager } from 'typeorm';
import type { Envelope, SlaPolicyVersioned } from '@switchboard/contracts';
import type { SlaPolicy } from '../../../sla-monitor/src/domain/sla-policy';

export interface SlaPolicyRow {
  policy_id: string;
  version: number;
  effective_from: Date;
  built_in: boolean;
  defined_by: string;
  policy: SlaPolicyVersioned;
}

/**
 * Stores a policy version. A version is never edited, except a built-in version 1 that the SLA
 * monitor republishes when its configuration changed: the later event wins.
 */
export async function projectSlaPolicy(m: EntityManager, event: Envelope<'sla-policy.versioned', SlaPolicyVersioned>): Promise<void> {
  const p = event.data;
  await m.query(
    `INSERT INTO rm_sla_policies (policy_id, version, effective_from, built_in, defined_by, policy, event_time) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (policy_id, version) DO UPDATE SET effective_from = EXCLUDED.effective_from, defined_by = EXCLUDED.defined_by, policy = EXCLUDED.policy, event_time = EXCLUDED.event_time
       WHERE rm_sla_policies.built_in AND rm_sla_policies.event_time <= EXCLUDED.event_time`,
    [p.policyId, p.version, p.effectiveFrom, p.builtIn, p.definedBy, JSON.stringify(p), event.time],
  );
}

/** The domain's view of a stored version (for validation and the preview). */
export function asDomainPolicy(p: SlaPolicyVersioned): SlaPolicy {
  return { id: p.policyId, version: p.version, effectiveFrom: new Date(p.effectiveFrom), name: p.name, selector: p.selector, calendar: p.calendar, metrics: p.metrics, ...(p.retired ? { retired: true } : {}) } as SlaPolicy;
}
