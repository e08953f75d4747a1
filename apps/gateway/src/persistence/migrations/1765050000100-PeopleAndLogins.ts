import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 9, "Access": people who log in (JWT), with a role, regions and (technicians) their technician id; the audit log names them (ADR 0029). */
export class PeopleAndLogins1765050000100 implements MigrationInterface {
  name = 'PeopleAndLogins1765050000100';

  async up(q: QueryRunner): Promise<void> {
    // password_hash: `scrypt$N$r$p$salt$digest` (auth/passwords.ts). NULL regions: every region (admin, an unscoped BI reader).
    await q.query(`
      CREATE TABLE users (
        id            uuid        PRIMARY KEY,
        username      text        NOT NULL UNIQUE,
        name          text        NOT NULL,
        role          text        NOT NULL,
        regions       text[],
        technician_id text,
        password_hash text        NOT NULL,
        created_at    timestamptz NOT NULL,
        created_by    uuid,
        disabled_at   timestamptz,
        disabled_by   uuid
      )`);
    await q.query(`ALTER TABLE audit_log ADD COLUMN user_id uuid, ADD COLUMN username text`);
    await q.query('CREATE INDEX audit_log_user ON audit_log (user_id, at DESC, id DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX audit_log_user');
    await q.query('ALTER TABLE audit_log DROP COLUMN user_id, DROP COLUMN username');
    await q.query('DROP TABLE users');
  }
}
