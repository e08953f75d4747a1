import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Out-of-order updates (issue 4, "Bad input"): every `ticket.updated` intake took in, once per
 * (source, externalId, updatedAt) — parked until its ticket arrives, applied, or rejected as an
 * orphan after the TTL — and, on the ticket, when each amendable field was last set.
 */
export class IntakeTicketUpdates1764430000001 implements MigrationInterface {
  name = 'IntakeTicketUpdates1764430000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_updates (
        id               uuid        PRIMARY KEY,
        arrival          bigserial   NOT NULL,
        source           text        NOT NULL,
        external_id      text        NOT NULL,
        updated_at       timestamptz NOT NULL,
        inbound_event_id text        NOT NULL,
        correlation_id   text,
        data             jsonb       NOT NULL,
        state            text        NOT NULL CHECK (state IN ('parked', 'applied', 'unchanged', 'rejected')),
        received_at      timestamptz NOT NULL,
        expires_at       timestamptz,
        settled_at       timestamptz,
        ticket_id        uuid,
        CONSTRAINT ticket_updates_identity UNIQUE (source, external_id, updated_at)
      )`);
    await q.query(`CREATE INDEX ticket_updates_parked ON ticket_updates (source, external_id) WHERE state = 'parked'`);
    await q.query(`CREATE INDEX ticket_updates_parked_expiry ON ticket_updates (expires_at) WHERE state = 'parked'`);
    await q.query(`ALTER TABLE tickets ADD COLUMN amended_fields jsonb NOT NULL DEFAULT '{}'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE tickets DROP COLUMN amended_fields');
    await q.query('DROP TABLE ticket_updates');
  }
}
