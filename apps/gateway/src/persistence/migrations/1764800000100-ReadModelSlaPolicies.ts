import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The SLA policies as the SLA monitor stored them (issue 6, ADR 0022): projected from `sla-policy.versioned`. */
export class ReadModelSlaPolicies1764800000100 implements MigrationInterface {
  name = 'ReadModelSlaPolicies1764800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_sla_policies (
        policy_id      text        NOT NULL,
        version        integer     NOT NULL,
        effective_from timestamptz NOT NULL,
        built_in       boolean     NOT NULL,
        defined_by     text        NOT NULL,
        policy         jsonb       NOT NULL,
        event_time     timestamptz NOT NULL,
        PRIMARY KEY (policy_id, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rm_sla_policies');
  }
}
