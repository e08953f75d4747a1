import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reopened ticket goes round again (domain.md §5): the ticket's current round and reopenings,
 * and the round each assignment and survey belongs to, so state ranks compare within rounds.
 */
export class ReadModelRounds1764200000100 implements MigrationInterface {
  name = 'ReadModelRounds1764200000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_tickets ADD COLUMN round integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE rm_tickets ADD COLUMN reopen_count integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE rm_tickets ADD COLUMN escalated_to_management boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE rm_assignments ADD COLUMN round integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE rm_surveys ADD COLUMN round integer NOT NULL DEFAULT 1`);
    // Ranks of round 1 move to the scale of ticket-progress.ts (round × 100 + state rank).
    await q.query(`UPDATE rm_tickets SET state_rank = 100 + state_rank`);
    await q.query(`CREATE INDEX rm_assignments_ticket ON rm_assignments (ticket_id)`);
    await q.query(`CREATE INDEX rm_surveys_ticket ON rm_surveys (ticket_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX rm_surveys_ticket');
    await q.query('DROP INDEX rm_assignments_ticket');
    await q.query(`UPDATE rm_tickets SET state_rank = state_rank % 100`);
    await q.query('ALTER TABLE rm_surveys DROP COLUMN round');
    await q.query('ALTER TABLE rm_assignments DROP COLUMN round');
    await q.query('ALTER TABLE rm_tickets DROP COLUMN escalated_to_management');
    await q.query('ALTER TABLE rm_tickets DROP COLUMN reopen_count');
    await q.query('ALTER TABLE rm_tickets DROP COLUMN round');
  }
}
