import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The remote support queue as agents see it (issue 4): projected from ticket.held / ticket.resolved / ticket.dispatch-requested. */
export class ReadModelRemoteSupport1764430000100 implements MigrationInterface {
  name = 'ReadModelRemoteSupport1764430000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_remote_support (
        ticket_id       uuid        PRIMARY KEY,
        region          text        NOT NULL,
        state           text        NOT NULL CHECK (state IN ('held', 'resolved', 'released', 'expired')),
        held_at         timestamptz NOT NULL,
        hold_until      timestamptz NOT NULL,
        resolution_code text,
        closed_at       timestamptz,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX rm_remote_support_held ON rm_remote_support (region, held_at) WHERE state = 'held'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rm_remote_support');
  }
}
