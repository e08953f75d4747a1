import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly scorecards (issue 8, ADR 0026): what scoring keeps of the events to close a month —
 * technicians (employer, group, region: no name or phone), tickets (kind), completions, callbacks
 * and surveys, SLA outcomes, repeat faults, complaint findings — the months' bookkeeping, every
 * published card revision, and `scorecards_v1`, the view BI reads (docs/bi-scorecards.md).
 */
export class Scorecards1795570000000 implements MigrationInterface {
  name = 'Scorecards1795570000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sc_technicians (
        technician_id text        PRIMARY KEY,
        employer      text        NOT NULL,
        team          text        NOT NULL,
        region        text        NOT NULL,
        updated_at    timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE sc_tickets (
        ticket_id uuid PRIMARY KEY,
        kind      text NOT NULL,
        region    text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE sc_completions (
        assignment_id uuid        PRIMARY KEY,
        ticket_id     uuid        NOT NULL,
        technician_id text        NOT NULL,
        completed_at  timestamptz NOT NULL,
        month         text        NOT NULL,
        -- The ticket's next completion (after a reopening): callbacks from then on are about that one.
        until         timestamptz,
        -- What the close aggregates, kept per completion as its inputs arrive (ScorecardInputsHandler.refreshTickets):
        kind               text,
        surveyed           integer NOT NULL DEFAULT 0,
        satisfied          integer NOT NULL DEFAULT 0,
        called_back        boolean NOT NULL DEFAULT false,
        resolution_met     boolean,
        first_response_met boolean,
        repeat_faults      integer NOT NULL DEFAULT 0
      )`);
    // The month close reads only this index (an index-only scan in technician and completion order).
    await q.query(
      `CREATE INDEX sc_completions_close ON sc_completions (month, technician_id, completed_at, assignment_id)
         INCLUDE (kind, surveyed, satisfied, called_back, resolution_met, first_response_met, repeat_faults)`,
    );
    await q.query(`CREATE INDEX sc_completions_ticket ON sc_completions (ticket_id, completed_at)`);
    // A callback after a resolution: a survey answered (survey.completed) or a callback closed (callback.closed); satisfied is null when not answered.
    await q.query(`
      CREATE TABLE sc_callbacks (
        survey_id uuid        PRIMARY KEY,
        ticket_id uuid        NOT NULL,
        at        timestamptz NOT NULL,
        satisfied boolean
      )`);
    await q.query(`CREATE INDEX sc_callbacks_ticket ON sc_callbacks (ticket_id)`);
    await q.query(`
      CREATE TABLE sc_sla_outcomes (
        ticket_id uuid    NOT NULL,
        metric    text    NOT NULL,
        met       boolean NOT NULL,
        PRIMARY KEY (ticket_id, metric)
      )`);
    await q.query(`
      CREATE TABLE sc_repeat_faults (
        ticket_id          uuid PRIMARY KEY,
        previous_ticket_id uuid NOT NULL
      )`);
    await q.query(`CREATE INDEX sc_repeat_faults_previous ON sc_repeat_faults (previous_ticket_id)`);
    await q.query(`
      CREATE TABLE sc_complaint_findings (
        finding_id    uuid        PRIMARY KEY,
        ticket_id     uuid        NOT NULL,
        technician_id text        NOT NULL,
        cause         text        NOT NULL,
        severity      text        NOT NULL,
        month         text        NOT NULL,
        attributed_by text        NOT NULL,
        updated_at    timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sc_complaint_findings_month ON sc_complaint_findings (month, technician_id)`);
    await q.query(`
      CREATE TABLE sc_months (
        month             text        PRIMARY KEY,
        input_version     bigint      NOT NULL DEFAULT 0,
        closed_version    bigint,
        requested_version bigint,
        closed_at         timestamptz,
        closes            integer     NOT NULL DEFAULT 0
      )`);
    await q.query(`
      CREATE TABLE sc_scorecards (
        subject_kind text        NOT NULL,
        subject_id   text        NOT NULL,
        month        text        NOT NULL,
        revision     integer     NOT NULL CHECK (revision >= 1),
        computed_at  timestamptz NOT NULL,
        content_hash text        NOT NULL,
        record       jsonb       NOT NULL,
        PRIMARY KEY (subject_kind, subject_id, month, revision)
      )`);
    await q.query(`CREATE INDEX sc_scorecards_month ON sc_scorecards (month)`);
    await q.query(`
      CREATE VIEW scorecards_v1 AS
      SELECT DISTINCT ON (s.subject_kind, s.subject_id, s.month)
             s.subject_kind, s.subject_id, s.month, s.revision, s.computed_at,
             s.record->>'employer' AS employer, s.record->>'group' AS "group",
             (s.record->'orders'->>'completed')::int AS orders_completed,
             (s.record->'orders'->>'install')::int AS orders_install,
             (s.record->'orders'->>'move')::int AS orders_move,
             (s.record->'orders'->>'repair')::int AS orders_repair,
             (s.record->'orders'->>'complaint')::int AS orders_complaint,
             (s.record->'satisfaction'->>'surveyed')::int AS surveyed,
             (s.record->'satisfaction'->>'satisfied')::int AS satisfied,
             (s.record->'satisfaction'->>'calledBack')::int AS called_back,
             (s.record->'satisfaction'->>'score')::numeric AS satisfaction_score,
             (s.record->'satisfaction'->>'callbackRatio')::numeric AS callback_ratio,
             s.record->'satisfaction'->>'standing' AS standing,
             (s.record->'satisfaction'->>'goodRun')::int AS good_run,
             (s.record->'satisfaction'->>'poorRun')::int AS poor_run,
             (s.record->'points'->>'complaints')::int AS complaint_points,
             (s.record->'points'->>'complaintCount')::int AS complaint_count,
             (s.record->'points'->>'streak')::int AS streak_points,
             (s.record->'points'->>'total')::int AS total_points,
             s.record->'pay'->>'qualityGrade' AS quality_grade,
             s.record->'pay'->>'qualityGradeFrom' AS quality_grade_from,
             (s.record->'pay'->>'postWageFen')::bigint AS post_wage_fen,
             (s.record->'pay'->>'pieceWageFen')::bigint AS piece_wage_fen,
             (s.record->'pay'->>'adjustmentsFen')::bigint AS adjustments_fen,
             (s.record->'pay'->>'totalFen')::bigint AS total_pay_fen,
             (s.record->'service'->>'total')::numeric AS service_score,
             s.record->'service'->>'grade' AS service_grade,
             (s.record->'rating'->>'score')::numeric AS rating_score,
             s.record->'rating'->>'grade' AS rating_grade,
             (s.record->'rating'->>'phaseOut')::boolean AS phase_out,
             (s.record->'rating'->>'weakestRun')::int AS weakest_run,
             s.record->'lines' AS lines
        FROM sc_scorecards s
       ORDER BY s.subject_kind, s.subject_id, s.month, s.revision DESC`);
    await q.query(`
      CREATE VIEW scorecard_lines_v1 AS
      SELECT v.subject_kind, v.subject_id, v.month, v.revision, l.ordinality AS line_no,
             l.value->>'section' AS section, l.value->>'code' AS code, l.value->>'label' AS label,
             (l.value->>'quantity')::numeric AS quantity, (l.value->>'rate')::numeric AS rate,
             (l.value->>'amount')::numeric AS amount, l.value->>'unit' AS unit
        FROM scorecards_v1 v CROSS JOIN LATERAL jsonb_array_elements(v.lines) WITH ORDINALITY AS l(value, ordinality)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW scorecard_lines_v1');
    await q.query('DROP VIEW scorecards_v1');
    for (const t of ['sc_scorecards', 'sc_months', 'sc_complaint_findings', 'sc_repeat_faults', 'sc_sla_outcomes', 'sc_callbacks', 'sc_completions', 'sc_tickets', 'sc_technicians']) await q.query(`DROP TABLE ${t}`);
  }
}
