import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 7, the callback policy: a survey belongs to a resolution — a technician's completion or
 * intake's `ticket.resolved` (known issue, incident, remote support) — named by `resolution_key`
 * (one callback per resolution); it remembers when it closes (`closes_at`, the validity window),
 * the zone its quiet hours are read in, and may end `unreachable`. Answers are scored by the
 * questionnaire definition (grade, per-question and per-part result); the ticket keeps its owner.
 */
export class CallbackPolicy1764700000000 implements MigrationInterface {
  name = 'CallbackPolicy1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE surveys ALTER COLUMN assignment_id DROP NOT NULL`);
    await q.query(`ALTER TABLE surveys ADD COLUMN resolution text NOT NULL DEFAULT 'completed'`);
    await q.query(`ALTER TABLE surveys ADD COLUMN resolution_key text`);
    await q.query(`UPDATE surveys SET resolution_key = 'assignment/' || assignment_id`);
    await q.query(`ALTER TABLE surveys ALTER COLUMN resolution_key SET NOT NULL`);
    await q.query(`ALTER TABLE surveys ADD CONSTRAINT surveys_resolution_key UNIQUE (resolution_key)`);
    await q.query(`ALTER TABLE surveys ADD COLUMN closes_at timestamptz`);
    await q.query(`UPDATE surveys SET closes_at = completed_at + interval '7 days'`);
    await q.query(`ALTER TABLE surveys ALTER COLUMN closes_at SET NOT NULL`);
    await q.query(`ALTER TABLE surveys ADD COLUMN time_zone text NOT NULL DEFAULT 'Asia/Shanghai'`);
    await q.query(`ALTER TABLE surveys ADD COLUMN deferred_for_quiet_hours boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE surveys ADD COLUMN attempts_made integer NOT NULL DEFAULT 0`);
    await q.query(`UPDATE surveys SET attempts_made = 1 WHERE sent_at IS NOT NULL`);
    await q.query(`ALTER TABLE surveys ADD COLUMN closed_at timestamptz`);
    await q.query(`ALTER TABLE surveys ADD COLUMN unreachable_reason text`);
    await q.query(`ALTER TABLE surveys DROP CONSTRAINT surveys_state_check`);
    await q.query(`ALTER TABLE surveys ADD CONSTRAINT surveys_state_check CHECK (state IN ('scheduled', 'sent', 'answered', 'unreachable'))`);
    await q.query(`CREATE INDEX surveys_open ON surveys (closes_at) WHERE state IN ('scheduled', 'sent')`);
    // Scored by the questionnaire definition: the grade and the per-question and per-part result.
    await q.query(`ALTER TABLE surveys ADD COLUMN grade text`);
    await q.query(`ALTER TABLE surveys ADD COLUMN result jsonb`);
    // The first-contact owner, for the unsatisfied loop's account of who keeps the ticket.
    await q.query(`ALTER TABLE tickets ADD COLUMN owner text`);
    // Phone callbacks (the agents' work queue): the ticket's kind picks the channel; a due attempt is claimed by one agent.
    await q.query(`ALTER TABLE tickets ADD COLUMN kind text`);
    await q.query(`ALTER TABLE surveys ADD COLUMN claimed_by text`);
    await q.query(`ALTER TABLE surveys ADD COLUMN claimed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE surveys DROP COLUMN claimed_at');
    await q.query('ALTER TABLE surveys DROP COLUMN claimed_by');
    await q.query('ALTER TABLE tickets DROP COLUMN kind');
    await q.query('ALTER TABLE tickets DROP COLUMN owner');
    await q.query('ALTER TABLE surveys DROP COLUMN result');
    await q.query('ALTER TABLE surveys DROP COLUMN grade');
    await q.query('DROP INDEX surveys_open');
    await q.query(`DELETE FROM surveys WHERE assignment_id IS NULL`);
    await q.query(`UPDATE surveys SET state = 'sent' WHERE state = 'unreachable'`);
    await q.query(`ALTER TABLE surveys DROP CONSTRAINT surveys_state_check`);
    await q.query(`ALTER TABLE surveys ADD CONSTRAINT surveys_state_check CHECK (state IN ('scheduled', 'sent', 'answered'))`);
    for (const c of ['unreachable_reason', 'closed_at', 'attempts_made', 'deferred_for_quiet_hours', 'time_zone', 'closes_at', 'resolution_key', 'resolution']) {
      await q.query(`ALTER TABLE surveys DROP COLUMN ${c}`);
    }
    await q.query(`ALTER TABLE surveys ALTER COLUMN assignment_id SET NOT NULL`);
  }
}
