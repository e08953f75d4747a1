import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The remote support queue's entry of a ticket a known issue answered while it waited (issue 4). */
export class ReadModelRemoteSupportAnswered1764510000100 implements MigrationInterface {
  name = 'ReadModelRemoteSupportAnswered1764510000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_remote_support DROP CONSTRAINT rm_remote_support_state_check`);
    await q.query(`ALTER TABLE rm_remote_support ADD CONSTRAINT rm_remote_support_state_check CHECK (state IN ('held', 'resolved', 'released', 'expired', 'answered'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_remote_support DROP CONSTRAINT rm_remote_support_state_check`);
    await q.query(`ALTER TABLE rm_remote_support ADD CONSTRAINT rm_remote_support_state_check CHECK (state IN ('held', 'resolved', 'released', 'expired'))`);
  }
}
