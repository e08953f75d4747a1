import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dispatch's roster (technicians), the tickets it has to place (with the customer contact for the
 * notice on dispatch) and the assignments it gave, with the decision that chose each technician.
 */
export class DispatchTables1764000002000 implements MigrationInterface {
  name = 'DispatchTables1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE technicians (
        technician_id  text        PRIMARY KEY,
        name           text        NOT NULL,
        phone          text        NOT NULL,
        employer       text        NOT NULL,
        region         text        NOT NULL,
        county         text        NOT NULL,
        zone           text        NOT NULL,
        group_code     text        NOT NULL,
        skills         jsonb       NOT NULL,
        lat            double precision,
        lon            double precision,
        on_duty        boolean     NOT NULL,
        daily_capacity integer     NOT NULL CHECK (daily_capacity > 0),
        registered_at  timestamptz NOT NULL,
        updated_at     timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX technicians_region ON technicians (region)`);
    await q.query(`
      CREATE TABLE tickets (
        ticket_id           uuid        PRIMARY KEY,
        source              text        NOT NULL,
        external_id         text        NOT NULL,
        kind                text        NOT NULL,
        service             text        NOT NULL,
        customer_tier       text        NOT NULL,
        contact_name        text        NOT NULL,
        contact_phone       text        NOT NULL,
        region              text        NOT NULL,
        county              text        NOT NULL,
        zone                text        NOT NULL,
        reported_at         timestamptz NOT NULL,
        accepted_at         timestamptz NOT NULL,
        correlation_id      text,
        state               text        NOT NULL CHECK (state IN ('waiting', 'assigned', 'completed')),
        unassignable_reason text,
        received_at         timestamptz NOT NULL,
        updated_at          timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX tickets_waiting ON tickets (region, accepted_at, ticket_id) WHERE state = 'waiting'`);
    await q.query(`
      CREATE TABLE assignments (
        assignment_id   uuid        PRIMARY KEY,
        ticket_id       uuid        NOT NULL REFERENCES tickets (ticket_id),
        technician_id   text        NOT NULL REFERENCES technicians (technician_id),
        region          text        NOT NULL,
        zone            text        NOT NULL,
        state           text        NOT NULL CHECK (state IN ('assigned', 'accepted', 'contacted', 'on-site', 'completed')),
        rule            text        NOT NULL,
        candidates      jsonb       NOT NULL,
        explanation     text        NOT NULL,
        assigned_at     timestamptz NOT NULL,
        accepted_at     timestamptz,
        contacted_at    timestamptz,
        arrived_at      timestamptz,
        completed_at    timestamptz,
        resolution_code text,
        updated_at      timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX assignments_open_by_technician ON assignments (technician_id) WHERE state <> 'completed'`);
    await q.query(`CREATE INDEX assignments_ticket ON assignments (ticket_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE assignments');
    await q.query('DROP TABLE tickets');
    await q.query('DROP TABLE technicians');
  }
}
