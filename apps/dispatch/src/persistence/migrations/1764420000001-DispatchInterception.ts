import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake's interception (issue 4): an accepted ticket is kept `pending` until intake asks dispatch
 * to place it (`ticket.dispatch-requested`, whose class and priority order the waiting queue); it
 * may be `held` or `closed` by intake, and an open assignment of it `withdrawn`.
 */
export class DispatchInterception1764420000001 implements MigrationInterface {
  name = 'DispatchInterception1764420000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tickets DROP CONSTRAINT tickets_state_check`);
    await q.query(`ALTER TABLE tickets ADD CONSTRAINT tickets_state_check CHECK (state IN ('pending', 'waiting', 'assigned', 'held', 'completed', 'closed'))`);
    await q.query(`ALTER TABLE tickets ADD COLUMN dispatch_class text CHECK (dispatch_class IN ('general', 'important'))`);
    await q.query(`ALTER TABLE tickets ADD COLUMN dispatch_priority integer CHECK (dispatch_priority BETWEEN 0 AND 100)`);
    await q.query(`ALTER TABLE tickets ADD COLUMN dispatch_requested_at timestamptz`);
    await q.query(`ALTER TABLE tickets ADD COLUMN hold_reason text`);
    await q.query(`ALTER TABLE tickets ADD COLUMN closed_resolution text`);
    await q.query(`ALTER TABLE assignments DROP CONSTRAINT assignments_state_check`);
    await q.query(`ALTER TABLE assignments ADD CONSTRAINT assignments_state_check CHECK (state IN ('assigned', 'accepted', 'contacted', 'on-site', 'completed', 'withdrawn'))`);
    await q.query(`ALTER TABLE assignments ADD COLUMN withdrawn_at timestamptz`);
    await q.query(`ALTER TABLE assignments ADD COLUMN withdrawal_reason text`);
    await q.query(`DROP INDEX assignments_open_by_technician`);
    await q.query(`CREATE INDEX assignments_open_by_technician ON assignments (technician_id) WHERE state NOT IN ('completed', 'withdrawn')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX assignments_open_by_technician`);
    await q.query(`CREATE INDEX assignments_open_by_technician ON assignments (technician_id) WHERE state <> 'completed'`);
    await q.query(`UPDATE assignments SET state = 'completed' WHERE state = 'withdrawn'`);
    await q.query('ALTER TABLE assignments DROP COLUMN withdrawal_reason');
    await q.query('ALTER TABLE assignments DROP COLUMN withdrawn_at');
    await q.query(`ALTER TABLE assignments DROP CONSTRAINT assignments_state_check`);
    await q.query(`ALTER TABLE assignments ADD CONSTRAINT assignments_state_check CHECK (state IN ('assigned', 'accepted', 'contacted', 'on-site', 'completed'))`);
    await q.query(`UPDATE tickets SET state = 'waiting' WHERE state IN ('pending', 'held')`);
    await q.query(`UPDATE tickets SET state = 'completed' WHERE state = 'closed'`);
    await q.query('ALTER TABLE tickets DROP COLUMN closed_resolution');
    await q.query('ALTER TABLE tickets DROP COLUMN hold_reason');
    await q.query('ALTER TABLE tickets DROP COLUMN dispatch_requested_at');
    await q.query('ALTER TABLE tickets DROP COLUMN dispatch_priority');
    await q.query('ALTER TABLE tickets DROP COLUMN dispatch_class');
    await q.query(`ALTER TABLE tickets DROP CONSTRAINT tickets_state_check`);
    await q.query(`ALTER TABLE tickets ADD CONSTRAINT tickets_state_check CHECK (state IN ('waiting', 'assigned', 'completed'))`);
  }
}
