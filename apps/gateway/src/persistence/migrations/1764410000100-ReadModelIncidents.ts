import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What intake loaded as reference data (cells, zones) and its mass-complaint incidents with their children (issue 4). */
export class ReadModelIncidents1764410000100 implements MigrationInterface {
  name = 'ReadModelIncidents1764410000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_cells (
        cell_id    text             PRIMARY KEY,
        region     text             NOT NULL,
        lat        double precision NOT NULL,
        lon        double precision NOT NULL,
        neighbours jsonb            NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_cells_region ON rm_cells (region, cell_id)`);
    await q.query(`
      CREATE TABLE rm_areas (
        region text NOT NULL,
        county text NOT NULL,
        zone   text NOT NULL,
        PRIMARY KEY (region, zone)
      )`);
    await q.query(`
      CREATE TABLE rm_incidents (
        incident_id        text        PRIMARY KEY,
        region             text,
        complaint_category text,
        cells              text[]      NOT NULL DEFAULT '{}',
        state              text        NOT NULL DEFAULT 'open',
        opened_at          timestamptz,
        resolved_at        timestamptz,
        resolved_by        text,
        reply              text
      )`);
    await q.query(`CREATE INDEX rm_incidents_listing ON rm_incidents (state, opened_at DESC)`);
    await q.query(`
      CREATE TABLE rm_incident_children (
        ticket_id   uuid        PRIMARY KEY,
        incident_id text        NOT NULL,
        joined_at   timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_incident_children_incident ON rm_incident_children (incident_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rm_incident_children');
    await q.query('DROP TABLE rm_incidents');
    await q.query('DROP TABLE rm_areas');
    await q.query('DROP TABLE rm_cells');
  }
}
