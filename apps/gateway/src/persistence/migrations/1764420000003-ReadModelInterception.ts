import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake's interception on a ticket's view (issue 4): the state shown (`shown_state`: the
 * progress, or held / answered / resolved over it), the hold, the resolution without a technician,
 * and the known issue or incident the ticket is linked to.
 */
export class ReadModelInterception1764420000003 implements MigrationInterface {
  name = 'ReadModelInterception1764420000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_tickets ADD COLUMN shown_state text`);
    await q.query(`UPDATE rm_tickets SET shown_state = state`);
    await q.query(`ALTER TABLE rm_tickets ALTER COLUMN shown_state SET DEFAULT 'unknown'`);
    await q.query(`ALTER TABLE rm_tickets ALTER COLUMN shown_state SET NOT NULL`);
    await q.query(`ALTER TABLE rm_tickets ADD COLUMN hold_reason text`);
    await q.query(`ALTER TABLE rm_tickets ADD COLUMN held_at timestamptz`);
    await q.query(`ALTER TABLE rm_tickets ADD COLUMN hold_until timestamptz`);
    await q.query(`ALTER TABLE rm_tickets ADD COLUMN resolution text`);
    await q.query(`ALTER TABLE rm_tickets ADD COLUMN resolution_code text`);
    await q.query(`ALTER TABLE rm_tickets ADD COLUMN resolution_reply text`);
    await q.query(`ALTER TABLE rm_tickets ADD COLUMN intercepted boolean`);
    await q.query(`ALTER TABLE rm_tickets ADD COLUMN resolved_at timestamptz`);
    await q.query(`ALTER TABLE rm_tickets ADD COLUMN known_issue_id text`);
    await q.query(`ALTER TABLE rm_tickets ADD COLUMN incident_id text`);
    await q.query(`CREATE INDEX rm_tickets_region_shown_state ON rm_tickets (region, shown_state, accepted_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX rm_tickets_region_shown_state');
    for (const c of ['incident_id', 'known_issue_id', 'resolved_at', 'intercepted', 'resolution_reply', 'resolution_code', 'resolution', 'hold_until', 'held_at', 'hold_reason', 'shown_state']) {
      await q.query(`ALTER TABLE rm_tickets DROP COLUMN ${c}`);
    }
  }
}
