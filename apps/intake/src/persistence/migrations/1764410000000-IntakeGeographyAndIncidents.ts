import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference data the operator loads (regions/counties/zones, radio cells with neighbours) and
 * mass-complaint incidents with their children (issue 4). The sliding window of complaints is the
 * tickets table itself, read under an advisory lock per region and category.
 */
export class IntakeGeographyAndIncidents1764410000000 implements MigrationInterface {
  name = 'IntakeGeographyAndIncidents1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE areas (
        region     text        NOT NULL,
        county     text        NOT NULL,
        zone       text        NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (region, zone)
      )`);
    await q.query(`CREATE INDEX areas_region_county ON areas (region, county)`);
    await q.query(`
      CREATE TABLE cells (
        cell_id    text             PRIMARY KEY,
        region     text             NOT NULL,
        lat        double precision NOT NULL,
        lon        double precision NOT NULL,
        neighbours text[]           NOT NULL DEFAULT '{}',
        updated_at timestamptz      NOT NULL
      )`);
    await q.query(`
      CREATE TABLE incidents (
        incident_id        text        PRIMARY KEY,
        region             text        NOT NULL,
        complaint_category text        NOT NULL,
        cells              text[]      NOT NULL,
        state              text        NOT NULL CHECK (state IN ('open', 'resolved')),
        opened_at          timestamptz NOT NULL,
        resolved_at        timestamptz,
        resolved_by        text,
        reply              text
      )`);
    await q.query(`CREATE INDEX incidents_open ON incidents (region, complaint_category) WHERE state = 'open'`);
    await q.query(`
      CREATE TABLE incident_children (
        ticket_id   uuid        PRIMARY KEY REFERENCES tickets (ticket_id),
        incident_id text        NOT NULL REFERENCES incidents (incident_id),
        joined_at   timestamptz NOT NULL,
        resolved_at timestamptz
      )`);
    await q.query(`CREATE INDEX incident_children_incident ON incident_children (incident_id)`);
    await q.query(`CREATE INDEX tickets_complaint_window ON tickets (region, complaint_category, reported_at) WHERE complaint_category IS NOT NULL AND cell_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX tickets_complaint_window');
    await q.query('DROP TABLE incident_children');
    await q.query('DROP TABLE incidents');
    await q.query('DROP TABLE cells');
    await q.query('DROP TABLE areas');
  }
}
