import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SLA clocks (the truth; Redis only indexes their timers), the alerts raised for them (one
 * per clock and level, ever), and stops that arrived before their clock started.
 */
export class SlaClocks1764100000000 implements MigrationInterface {
  name = 'SlaClocks1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clocks (
        id             uuid        PRIMARY KEY,
        ticket_id      uuid        NOT NULL,
        metric         text        NOT NULL CHECK (metric IN ('first-response', 'resolution')),
        region         text        NOT NULL,
        ticket_kind    text        NOT NULL,
        started_at     timestamptz NOT NULL,
        warn_at        timestamptz NOT NULL,
        due_at         timestamptz NOT NULL,
        state          text        NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'stopped')),
        stopped_at     timestamptz,
        met            boolean,
        correlation_id text,
        created_at     timestamptz NOT NULL DEFAULT now(),
        UNIQUE (ticket_id, metric),
        CHECK ((state = 'running') = (stopped_at IS NULL))
      )`);
    await q.query(`CREATE INDEX clocks_running ON clocks (id) WHERE state = 'running'`);
    await q.query(`
      CREATE TABLE alerts (
        clock_id   uuid        NOT NULL REFERENCES clocks (id),
        level      text        NOT NULL CHECK (level IN ('warning', 'breached')),
        alerted_at timestamptz NOT NULL,
        event_id   uuid        NOT NULL,
        PRIMARY KEY (clock_id, level)
      )`);
    await q.query(`
      CREATE TABLE pending_stops (
        ticket_id   uuid        NOT NULL,
        metric      text        NOT NULL CHECK (metric IN ('first-response', 'resolution')),
        stopped_at  timestamptz NOT NULL,
        event_id    text        NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (ticket_id, metric)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE pending_stops');
    await q.query('DROP TABLE alerts');
    await q.query('DROP TABLE clocks');
  }
}
