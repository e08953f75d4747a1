import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each survey's attempt number for its ticket (1 after the first fix, n + 1 after a reopening's fix). */
export class SurveyAttempts1764200000000 implements MigrationInterface {
  name = 'SurveyAttempts1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE surveys ADD COLUMN attempt integer NOT NULL DEFAULT 1 CHECK (attempt >= 1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE surveys DROP COLUMN attempt');
  }
}
