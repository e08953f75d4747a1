import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Known issues (issue 4) as the API shows them, and the tickets each one answered. */
export class ReadModelKnownIssues1764400000020 implements MigrationInterface {
  name = 'ReadModelKnownIssues1764400000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_known_issues (
        known_issue_id text        PRIMARY KEY,
        region         text        NOT NULL,
        state          text        NOT NULL,
        opened_at      timestamptz NOT NULL,
        opened         jsonb       NOT NULL,
        closed         jsonb
      )`);
    await q.query(`CREATE INDEX rm_known_issues_region_state ON rm_known_issues (region, state, opened_at DESC)`);
    await q.query(`
      CREATE TABLE rm_known_issue_tickets (
        known_issue_id text NOT NULL,
        ticket_id      uuid NOT NULL,
        PRIMARY KEY (known_issue_id, ticket_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rm_known_issue_tickets');
    await q.query('DROP TABLE rm_known_issues');
  }
}
