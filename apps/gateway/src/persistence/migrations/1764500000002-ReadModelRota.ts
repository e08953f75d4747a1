import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The rest rota as supervisors see it (issue 5): projected from `rota.updated` and `absence.recorded`. */
export class ReadModelRota1764500000002 implements MigrationInterface {
  name = 'ReadModelRota1764500000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_rota_weeks (
        group_code  text        NOT NULL,
        week        text        NOT NULL,
        technicians jsonb       NOT NULL,
        cause       text        NOT NULL,
        updated_at  timestamptz NOT NULL,
        PRIMARY KEY (group_code, week)
      )`);
    await q.query(`
      CREATE TABLE rm_absences (
        absence_id    uuid PRIMARY KEY,
        technician_id text NOT NULL,
        group_code    text NOT NULL,
        from_date     text NOT NULL,
        to_date       text NOT NULL,
        reason        text NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_absences_by_group ON rm_absences (group_code, from_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rm_absences');
    await q.query('DROP TABLE rm_rota_weeks');
  }
}
