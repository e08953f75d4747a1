import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The phone callback work queue as agents see it (issue 7): projected from callback.queued / claimed, survey.completed / unreachable. */
export class ReadModelCallbacks1764700000100 implements MigrationInterface {
  name = 'ReadModelCallbacks1764700000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_callbacks (
        survey_id     uuid        PRIMARY KEY,
        ticket_id     uuid        NOT NULL,
        region        text        NOT NULL,
        questionnaire text        NOT NULL,
        state         text        NOT NULL CHECK (state IN ('queued', 'claimed', 'answered', 'unreachable')),
        attempt       integer     NOT NULL,
        due_at        timestamptz NOT NULL,
        closes_at     timestamptz NOT NULL,
        deferred_for_quiet_hours boolean NOT NULL DEFAULT false,
        claimed_by    text,
        claimed_at    timestamptz,
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX rm_callbacks_open ON rm_callbacks (due_at) WHERE state IN ('queued', 'claimed')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rm_callbacks');
  }
}
