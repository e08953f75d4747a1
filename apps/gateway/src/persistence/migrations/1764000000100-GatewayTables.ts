import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys and the read model behind GET /v1/tickets and the live stream. */
export class GatewayTables1764000000100 implements MigrationInterface {
  name = 'GatewayTables1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_keys (
        id          uuid PRIMARY KEY,
        name        text        NOT NULL,
        source      text        NOT NULL,
        role        text        NOT NULL,
        key_hash    text        NOT NULL UNIQUE,
        created_at  timestamptz NOT NULL,
        revoked_at  timestamptz
      )`);
    await q.query(`
      CREATE TABLE rm_tickets (
        id               uuid PRIMARY KEY,
        source           text,
        external_id      text,
        state            text NOT NULL DEFAULT 'unknown',
        state_rank       int  NOT NULL DEFAULT 0,
        kind             text,
        service          text,
        channel          text,
        region           text,
        county           text,
        zone             text,
        customer_tier    text,
        owner            text,
        reported_at      timestamptz,
        accepted_at      timestamptz,
        updated_at       timestamptz NOT NULL DEFAULT now(),
        assignment_id    uuid,
        technician_id    text,
        assignment_state text,
        survey_id        uuid,
        survey_state     text,
        survey_verdict   text,
        warned           boolean NOT NULL DEFAULT false,
        breached         boolean NOT NULL DEFAULT false
      )`);
    await q.query('CREATE UNIQUE INDEX rm_tickets_source_external ON rm_tickets (source, external_id) WHERE source IS NOT NULL');
    await q.query('CREATE INDEX rm_tickets_region_state ON rm_tickets (region, state, accepted_at DESC)');
    await q.query(`
      CREATE TABLE rm_timeline (
        event_id   uuid PRIMARY KEY,
        ticket_id  uuid        NOT NULL,
        seq        bigserial,
        type       text        NOT NULL,
        time       timestamptz NOT NULL,
        source     text        NOT NULL,
        data       jsonb       NOT NULL
      )`);
    await q.query('CREATE INDEX rm_timeline_ticket ON rm_timeline (ticket_id, time, seq)');
    await q.query(`
      CREATE TABLE rm_clocks (
        clock_id   uuid PRIMARY KEY,
        ticket_id  uuid        NOT NULL,
        metric     text        NOT NULL,
        started_at timestamptz,
        warn_at    timestamptz,
        due_at     timestamptz,
        state      text        NOT NULL DEFAULT 'running',
        warned     boolean     NOT NULL DEFAULT false,
        breached   boolean     NOT NULL DEFAULT false,
        met        boolean,
        stopped_at timestamptz
      )`);
    await q.query('CREATE INDEX rm_clocks_ticket ON rm_clocks (ticket_id)');
    await q.query(`
      CREATE TABLE rm_assignments (
        assignment_id uuid PRIMARY KEY,
        ticket_id     uuid NOT NULL,
        technician_id text NOT NULL,
        state         text NOT NULL,
        state_rank    int  NOT NULL
      )`);
    await q.query(`
      CREATE TABLE rm_surveys (
        survey_id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL,
        state     text NOT NULL,
        verdict   text
      )`);
    await q.query(`
      CREATE TABLE rm_technicians (
        technician_id text PRIMARY KEY,
        region        text  NOT NULL,
        data          jsonb NOT NULL
      )`);
    await q.query(`
      CREATE TABLE rm_rejections (
        event_id    uuid PRIMARY KEY,
        source      text        NOT NULL,
        external_id text,
        region      text,
        reasons     jsonb       NOT NULL,
        time        timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX rm_rejections_source_external ON rm_rejections (source, external_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['rm_rejections', 'rm_technicians', 'rm_surveys', 'rm_assignments', 'rm_clocks', 'rm_timeline', 'rm_tickets', 'api_keys']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
