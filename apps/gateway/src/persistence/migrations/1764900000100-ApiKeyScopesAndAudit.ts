import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 9, "Access": scoped, rate-limited API keys made by admins, and the audit log of every command (ADR 0024). */
export class ApiKeyScopesAndAudit1764900000100 implements MigrationInterface {
  name = 'ApiKeyScopesAndAudit1764900000100';

  async up(q: QueryRunner): Promise<void> {
    // NULL lists mean "not narrowed"; a NULL limit is the bootstrap admin key's (not limited).
    await q.query(`
      ALTER TABLE api_keys
        ADD COLUMN regions               text[],
        ADD COLUMN operations            text[],
        ADD COLUMN rate_limit_per_minute int,
        ADD COLUMN created_by            uuid,
        ADD COLUMN revoked_by            uuid`);
    await q.query(`
      CREATE TABLE audit_log (
        id             bigserial   PRIMARY KEY,
        at             timestamptz NOT NULL,
        key_id         uuid,
        key_name       text,
        role           text,
        method         text        NOT NULL,
        path           text        NOT NULL,
        operation_id   text,
        status         int         NOT NULL,
        remote_address text,
        user_agent     text
      )`);
    await q.query('CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC)');
    await q.query('CREATE INDEX audit_log_key ON audit_log (key_id, at DESC, id DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_log');
    await q.query('ALTER TABLE api_keys DROP COLUMN regions, DROP COLUMN operations, DROP COLUMN rate_limit_per_minute, DROP COLUMN created_by, DROP COLUMN revoked_by');
  }
}
