import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A ticket waiting for remote support that a newly opened known issue covers is answered by the
 * issue (issue 4: "opening a known issue retroactively sweeps tickets already open in its area"):
 * its queue entry closes as `answered`.
 */
export class IntakeRemoteSupportAnswered1764440000000 implements MigrationInterface {
  name = 'IntakeRemoteSupportAnswered1764440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE remote_support_queue DROP CONSTRAINT remote_support_queue_state_check`);
    await q.query(`ALTER TABLE remote_support_queue ADD CONSTRAINT remote_support_queue_state_check CHECK (state IN ('held', 'resolved', 'released', 'expired', 'answered'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE remote_support_queue DROP CONSTRAINT remote_support_queue_state_check`);
    await q.query(`ALTER TABLE remote_support_queue ADD CONSTRAINT remote_support_queue_state_check CHECK (state IN ('held', 'resolved', 'released', 'expired'))`);
  }
}
