import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake's tickets (one per (source, externalId): a resubmission is counted, never a second
 * ticket) and the ingress messages it had to reject (one per inbound message).
 */
export class IntakeTickets1764000001000 implements MigrationInterface {
  name = 'IntakeTickets1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tickets (
        ticket_id            uuid        PRIMARY KEY,
        source               text        NOT NULL,
        external_id          text        NOT NULL,
        inbound_event_id     text        NOT NULL,
        channel              text        NOT NULL,
        kind                 text        NOT NULL,
        service              text        NOT NULL,
        customer_id          text        NOT NULL,
        customer_tier        text        NOT NULL,
        customer_name        text        NOT NULL,
        customer_phone       text        NOT NULL,
        region               text        NOT NULL,
        county               text        NOT NULL,
        zone                 text        NOT NULL,
        cell_id              text,
        lat                  double precision,
        lon                  double precision,
        summary              text        NOT NULL,
        complaint_category   text,
        reported_at          timestamptz NOT NULL,
        received_by          text,
        owner                text        NOT NULL,
        state                text        NOT NULL CHECK (state IN ('accepted')),
        accepted_at          timestamptz NOT NULL,
        updated_at           timestamptz NOT NULL,
        resubmissions        integer     NOT NULL DEFAULT 0,
        last_resubmitted_at  timestamptz,
        last_resubmission_event_id text,
        CONSTRAINT tickets_source_external_id UNIQUE (source, external_id)
      )`);
    await q.query(`CREATE INDEX tickets_region_accepted_at ON tickets (region, accepted_at)`);
    await q.query(`
      CREATE TABLE rejected_submissions (
        id                uuid        PRIMARY KEY,
        inbound_topic     text        NOT NULL,
        inbound_partition integer     NOT NULL,
        inbound_offset    bigint      NOT NULL,
        source            text        NOT NULL,
        external_id       text,
        inbound_event_id  text,
        region            text,
        reasons           jsonb       NOT NULL,
        rejected_at       timestamptz NOT NULL,
        CONSTRAINT rejected_submissions_message UNIQUE (inbound_topic, inbound_partition, inbound_offset)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rejected_submissions');
    await q.query('DROP TABLE tickets');
  }
}
