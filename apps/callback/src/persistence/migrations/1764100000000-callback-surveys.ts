import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What a survey needs to know of a ticket, and the surveys themselves (one per completion). */
export class CallbackSurveys1764100000000 implements MigrationInterface {
  name = 'CallbackSurveys1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tickets (
        ticket_id     uuid        PRIMARY KEY,
        region        text        NOT NULL,
        contact_phone text        NOT NULL,
        channel       text        NOT NULL,
        accepted_at   timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE surveys (
        id              uuid         PRIMARY KEY,
        ticket_id       uuid         NOT NULL,
        assignment_id   uuid         NOT NULL UNIQUE,
        region          text         NOT NULL,
        channel         text         NOT NULL,
        questionnaire   text         NOT NULL,
        completed_at    timestamptz  NOT NULL,
        due_at          timestamptz  NOT NULL,
        state           text         NOT NULL DEFAULT 'scheduled' CHECK (state IN ('scheduled', 'sent', 'answered')),
        sent_at         timestamptz,
        notification_id uuid,
        answers         jsonb,
        comment         text,
        score           numeric(5, 2),
        verdict         text         CHECK (verdict IN ('satisfied', 'unsatisfied')),
        answered_at     timestamptz,
        correlation_id  text,
        created_at      timestamptz  NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX surveys_due ON surveys (due_at) WHERE state = 'scheduled'`);
    await q.query(`CREATE INDEX surveys_ticket ON surveys (ticket_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE surveys');
    await q.query('DROP TABLE tickets');
  }
}
