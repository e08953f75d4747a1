import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SLA policies, versioned (issue 6, ADR 0022): one row per (policy, version), never updated except a
 * built-in version 1 refreshed from configuration at start. A clock records the policy version it
 * follows (null for clocks started before policies, and when no policy matched).
 */
export class SlaPolicies1764800000000 implements MigrationInterface {
  name = 'SlaPolicies1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_policies (
        policy_id      text        NOT NULL,
        version        integer     NOT NULL CHECK (version >= 1),
        effective_from timestamptz NOT NULL,
        definition     jsonb       NOT NULL,
        built_in       boolean     NOT NULL DEFAULT false,
        defined_by     text        NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (policy_id, version)
      )`);
    await q.query('ALTER TABLE clocks ADD COLUMN policy_id text');
    await q.query('ALTER TABLE clocks ADD COLUMN policy_version integer');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE clocks DROP COLUMN policy_version');
    await q.query('ALTER TABLE clocks DROP COLUMN policy_id');
    await q.query('DROP TABLE sla_policies');
  }
}
