import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Departments for complaints (issue 5, ADR 0030): what routing needs of each accepted complaint
 * (`department_complaint_facts`), where a routed complaint is in the back office — its holder and
 * the chain of every department that held it (`department_holdings`) — and the construction
 * department's build-plan and no-investment lists (`build_plan_entries`).
 */
export class DispatchDepartments1765070000000 implements MigrationInterface {
  name = 'DispatchDepartments1765070000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE department_complaint_facts (
         ticket_id uuid PRIMARY KEY, region text NOT NULL, zone text NOT NULL, cell_id text, service text NOT NULL,
         complaint_category text NOT NULL, contact_phone text NOT NULL, recorded_at timestamptz NOT NULL)`,
    );
    await q.query(
      `CREATE TABLE department_holdings (
         ticket_id uuid PRIMARY KEY, region text NOT NULL, state text NOT NULL CHECK (state IN ('held', 'replied')),
         holder text NOT NULL, chain text[] NOT NULL CHECK (cardinality(chain) >= 1),
         received_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,
         reply text, answered_from text CHECK (answered_from IN ('department', 'build-plan', 'no-investment')), replied_at timestamptz)`,
    );
    await q.query(
      `CREATE TABLE build_plan_entries (
         list text NOT NULL CHECK (list IN ('build-plan', 'no-investment')), target text NOT NULL CHECK (target IN ('cell', 'zone')),
         target_id text NOT NULL, region text NOT NULL, site_id text, planned_year int, planned_quarter int CHECK (planned_quarter BETWEEN 1 AND 4),
         note text, load_id uuid NOT NULL, loaded_at timestamptz NOT NULL,
         PRIMARY KEY (region, target, target_id, list))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE build_plan_entries');
    await q.query('DROP TABLE department_holdings');
    await q.query('DROP TABLE department_complaint_facts');
  }
}
