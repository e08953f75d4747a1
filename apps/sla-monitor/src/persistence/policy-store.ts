import type { EntityManager } from 'typeorm';
import type { SlaPolicyVersioned } from '@switchboard/contracts';
import type { SlaPolicy } from '../domain/sla-policy';

interface PolicyRow {
  policy_id: string;
  version: number;
  effective_from: Date;
  definition: Pick<SlaPolicy, 'name' | 'selector' | 'calendar' | 'metrics' | 'retired'>;
  built_in: boolean;
  defined_by: string;
}

/** Serializes edits of the policy table (a new version reads the latest one first). */
export async function lockPolicies(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', ['sla-policies']);
}

/** Every stored version of every policy (the history `selectPolicy` chooses from). */
export async function loadPolicyHistory(manager: EntityManager): Promise<SlaPolicy[]> {
  const rows: PolicyRow[] = await manager.query('SELECT policy_id, version, effective_from, definition FROM sla_policies ORDER BY policy_id, version');
  return rows.map((r) => ({ id: r.policy_id, version: r.version, effectiveFrom: r.effective_from, ...r.definition }));
}

function definitionOf(p: SlaPolicy): PolicyRow['definition'] {
  return { name: p.name, selector: p.selector, calendar: p.calendar, metrics: p.metrics, ...(p.retired ? { retired: true } : {}) };
}

/** Stores a new version; false when that (policy, version) exists already. */
export async function insertPolicyVersion(manager: EntityManager, p: SlaPolicy, definedBy: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO sla_policies (policy_id, version, effective_from, definition, built_in, defined_by) VALUES ($1, $2, $3, $4, false, $5)
     ON CONFLICT (policy_id, version) DO NOTHING RETURNING 1`,
    [p.id, p.version, p.effectiveFrom, JSON.stringify(definitionOf(p)), definedBy],
  );
  return rows.length > 0;
}

/**
 * A default policy's version 1 as this configuration gives it: inserted when missing, rewritten
 * when the configuration changed it. True when the row is new or changed (to be published).
 */
export async function upsertBuiltInPolicy(manager: EntityManager, p: SlaPolicy, definedBy: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO sla_policies (policy_id, version, effective_from, definition, built_in, defined_by) VALUES ($1, 1, $2, $3, true, $4)
     ON CONFLICT (policy_id, version) DO UPDATE SET definition = EXCLUDED.definition, recorded_at = now()
       WHERE sla_policies.built_in AND sla_policies.definition IS DISTINCT FROM EXCLUDED.definition
     RETURNING 1`,
    [p.id, p.effectiveFrom, JSON.stringify(definitionOf(p)), definedBy],
  );
  return rows.length > 0;
}

/** The event that publishes a stored version to the read models. */
export function versionedEvent(p: SlaPolicy, builtIn: boolean, definedBy: string): SlaPolicyVersioned {
  return {
    policyId: p.id,
    version: p.version,
    effectiveFrom: p.effectiveFrom.toISOString(),
    name: p.name,
    selector: p.selector as SlaPolicyVersioned['selector'],
    calendar: p.calendar as SlaPolicyVersioned['calendar'],
    metrics: p.metrics as SlaPolicyVersioned['metrics'],
    ...(p.retired ? { retired: true } : {}),
    builtIn,
    definedBy,
  };
}
