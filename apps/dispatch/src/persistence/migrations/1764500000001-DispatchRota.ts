import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rest rota (issue 5): a group's rota for a week exists once a supervisor generated or edited
 * it (`rota_weeks`, ADR 0016: no rota, nobody rests), with each technician's rest days
 * (`rota_rest_days`); approved absences (`absences`) apply whether or not the group has a rota.
 */
export class DispatchRota1764500000001 implements MigrationInterface {
  name = 'DispatchRota1764500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE rota_weeks (group_code text NOT NULL, week text NOT NULL, updated_at timestamptz NOT NULL, PRIMARY KEY (group_code, week))`);
    await q.query(
      `CREATE TABLE rota_rest_days (group_code text NOT NULL, week text NOT NULL, technician_id text NOT NULL, rest_date date NOT NULL,
         PRIMARY KEY (group_code, week, technician_id, rest_date),
         FOREIGN KEY (group_code, week) REFERENCES rota_weeks (group_code, week) ON DELETE CASCADE)`,
    );
    await q.query(`CREATE INDEX rota_rest_days_by_date ON rota_rest_days (rest_date, technician_id)`);
    await q.query(
      `CREATE TABLE absences (absence_id uuid PRIMARY KEY, technician_id text NOT NULL, from_date date NOT NULL, to_date date NOT NULL,
         reason text NOT NULL, approved_by text, recorded_at timestamptz NOT NULL, CHECK (from_date <= to_date))`,
    );
    await q.query(`CREATE INDEX absences_by_technician ON absences (technician_id, to_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE absences');
    await q.query('DROP TABLE rota_rest_days');
    await q.query('DROP TABLE rota_weeks');
  }
}
