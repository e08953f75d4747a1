import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Known issues (issue 4, "一次性答复"): the registry intake answers tickets from, and on each
 * ticket the issue it was answered by, how (archived / held until the fix) and when it was
 * resolved. A ticket held for an outage is `held`; an answered or closed one is `resolved`.
 */
export class IntakeKnownIssues1764400000010 implements MigrationInterface {
  name = 'IntakeKnownIssues1764400000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE known_issues (
        known_issue_id   text        PRIMARY KEY,
        kind             text        NOT NULL,
        region           text        NOT NULL,
        county           text,
        zones            text[]      NOT NULL,
        cells            text[]      NOT NULL,
        services         text[]      NOT NULL,
        starts_at        timestamptz NOT NULL,
        ends_at          timestamptz,
        explanation      text        NOT NULL,
        expected_fix_at  timestamptz,
        opened_by        text        NOT NULL,
        state            text        NOT NULL CHECK (state IN ('open', 'closed')),
        opened_at        timestamptz NOT NULL,
        tickets_swept    integer     NOT NULL DEFAULT 0,
        closed_at        timestamptz,
        closed_by        text,
        close_note       text,
        tickets_closed   integer
      )`);
    await q.query(`CREATE INDEX known_issues_open_by_region ON known_issues (region) WHERE state = 'open'`);
    await q.query(`ALTER TABLE tickets DROP CONSTRAINT tickets_state_check`);
    await q.query(`ALTER TABLE tickets ADD CONSTRAINT tickets_state_check CHECK (state IN ('accepted', 'reopened', 'held', 'resolved'))`);
    await q.query(`ALTER TABLE tickets ADD COLUMN known_issue_id text REFERENCES known_issues (known_issue_id)`);
    await q.query(`ALTER TABLE tickets ADD COLUMN known_issue_outcome text CHECK (known_issue_outcome IN ('archived', 'held-until-fixed'))`);
    await q.query(`ALTER TABLE tickets ADD COLUMN resolved_at timestamptz`);
    await q.query(`CREATE INDEX tickets_known_issue ON tickets (known_issue_id) WHERE known_issue_id IS NOT NULL`);
    await q.query(`CREATE INDEX tickets_open_by_region ON tickets (region) WHERE state IN ('accepted', 'reopened')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX tickets_open_by_region');
    await q.query('DROP INDEX tickets_known_issue');
    await q.query('ALTER TABLE tickets DROP COLUMN resolved_at');
    await q.query('ALTER TABLE tickets DROP COLUMN known_issue_outcome');
    await q.query('ALTER TABLE tickets DROP COLUMN known_issue_id');
    await q.query(`ALTER TABLE tickets DROP CONSTRAINT tickets_state_check`);
    await q.query(`ALTER TABLE tickets ADD CONSTRAINT tickets_state_check CHECK (state IN ('accepted', 'reopened'))`);
    await q.query('DROP TABLE known_issues');
  }
}
