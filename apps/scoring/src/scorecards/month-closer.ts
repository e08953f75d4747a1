import { createHash } from 'node:crypto';
import { makeEvent, type Envelope, type ScorecardPublished } from '@switchboard/contracts';
import type { PeriodComplaint } from '../domain/complaint-points';
import type { ScorecardBuilder } from '../domain/scorecard';
import { monthCards, type EarlierCard, type OrderKind, type ScorecardSettings, type TechnicianMonthFacts } from '../domain/scorecard-month';
import type { Month } from '../domain/scorecard-line';
import type { ServiceGrade } from '../domain/service-score';

export const SCORECARDS_SOURCE = 'switchboard/scoring';

/** What the close needs of a connection: TypeORM's EntityManager, or a pg client adapted (the benchmark). */
export interface Queryable {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
}

/**
 * One row per technician with work in the month: the kinds of its completions (of tickets whose
 * kind is known) in completion order, one letter each — the pay rule needs no more — and the sums of what each completion carries
 * (kept up to date by the input handlers: callbacks until the ticket's next completion, answered
 * and satisfied surveys, SLA outcomes, repeat faults). An index-only scan of the covering index
 * `sc_completions_close`, already in (technician, completion) order: no sort.
 */
const FACTS_SQL = `
  SELECT technician_id,
         string_agg(CASE kind WHEN 'repair' THEN 'r' WHEN 'install' THEN 'i' WHEN 'move' THEN 'm' ELSE 'c' END, '' ORDER BY completed_at, assignment_id) AS kinds,
         sum(surveyed)::int AS surveyed,
         sum(satisfied)::int AS satisfied,
         (count(*) FILTER (WHERE called_back))::int AS called_back,
         (count(*) FILTER (WHERE resolution_met))::int AS on_time,
         count(first_response_met)::int AS first_responses,
         (count(*) FILTER (WHERE first_response_met))::int AS first_on_time,
         (coalesce(sum(repeat_faults) FILTER (WHERE kind = 'repair'), 0))::int AS repeat_faults
    FROM sc_completions
   WHERE month = $1 AND kind IS NOT NULL
   GROUP BY technician_id`;

/** One letter per kind in `kinds` (the ticket kinds of the contract). */
const KIND_OF_LETTER: Readonly<Record<string, OrderKind>> = { r: 'repair', i: 'install', m: 'move', c: 'complaint' };

interface FactsRow {
  technician_id: string;
  /** One letter per completion, earliest first (ties by assignment id): r repair, i install, m move, c complaint. */
  kinds: string;
  surveyed: number;
  satisfied: number;
  called_back: number;
  on_time: number;
  first_responses: number;
  first_on_time: number;
  repeat_faults: number;
}

export interface CloseResult {
  month: Month;
  subjects: number;
  /** Cards published by this close (new, or changed since the last revision). */
  published: ScorecardPublished[];
  envelopes: Envelope[];
  timings: { factsMs: number; rulesMs: number; storeMs: number };
}

/** A stable event id per card revision: a replay of the same close publishes the same envelope. */
function cardEventId(subject: string, revision: number): string {
  const h = createHash('sha256').update(`scorecard.published|${subject}|${revision}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/**
 * Closes a month (ADR 0026): gathers every technician's facts in SQL, applies the rules per
 * technician and contractor (ADR 0019), compares each card with its latest revision and stores
 * and returns the new or changed ones with the next revision — their envelopes go to the outbox
 * in the caller's transaction. The month's row is locked for the close, so closes of one month
 * queue. `computedAt` is the close instant, the only time in a record.
 */
export async function closeMonth(db: Queryable, builder: ScorecardBuilder, settings: ScorecardSettings, month: Month, computedAt: Date): Promise<CloseResult> {
  const t0 = performance.now();
  await db.query(`INSERT INTO sc_months (month) VALUES ($1) ON CONFLICT (month) DO NOTHING`, [month]);
  const [state] = await db.query<{ input_version: string }[]>(`SELECT input_version FROM sc_months WHERE month = $1 FOR UPDATE`, [month]);

  const rows = await db.query<FactsRow[]>(FACTS_SQL, [month]);
  const complaints = await db.query<{ technician_id: string; finding_id: string; cause: PeriodComplaint['cause']; severity: PeriodComplaint['severity'] }[]>(
    `SELECT technician_id, finding_id, cause, severity FROM sc_complaint_findings WHERE month = $1 ORDER BY technician_id, finding_id`,
    [month],
  );
  const complaintsOf = new Map<string, PeriodComplaint[]>();
  for (const c of complaints) complaintsOf.set(c.technician_id, [...(complaintsOf.get(c.technician_id) ?? []), { complaintId: c.finding_id, cause: c.cause, severity: c.severity }]);
  const technicianIds = [...new Set([...rows.map((r) => r.technician_id), ...complaintsOf.keys()])];
  const registered = await db.query<{ technician_id: string; employer: string; team: string }[]>(`SELECT technician_id, employer, team FROM sc_technicians WHERE technician_id = ANY($1::text[])`, [technicianIds]);
  const registration = new Map(registered.map((r) => [r.technician_id, r]));
  const byTechnician = new Map(rows.map((r) => [r.technician_id, r]));

  const facts: TechnicianMonthFacts[] = technicianIds.map((id) => {
    const r = byTechnician.get(id);
    const reg = registration.get(id);
    return {
      technicianId: id,
      employer: reg?.employer ?? null,
      group: reg?.team ?? null,
      orders: r ? Array.from(r.kinds, (letter) => KIND_OF_LETTER[letter]!) : [],
      surveyed: r?.surveyed ?? 0,
      satisfied: r?.satisfied ?? 0,
      calledBack: r?.called_back ?? 0,
      completedOnTime: r?.on_time ?? 0,
      firstResponses: r?.first_responses ?? 0,
      firstResponsesOnTime: r?.first_on_time ?? 0,
      repeatFaults: r?.repeat_faults ?? 0,
      complaints: complaintsOf.get(id) ?? [],
    };
  });
  const contractorIds = [...new Set(facts.map((f) => f.employer).filter((e): e is string => e !== null && e !== settings.ownStaffEmployer))];

  // The earlier months' latest cards of these subjects: streaks and the phase-out run.
  const earlierRows = await db.query<{ subject_kind: string; subject_id: string; month: string; score: string | null; callback_ratio: string | null; grade: ServiceGrade | null }[]>(
    `SELECT DISTINCT ON (subject_kind, subject_id, month) subject_kind, subject_id, month,
            record->'satisfaction'->>'score' AS score, record->'satisfaction'->>'callbackRatio' AS callback_ratio, record->'rating'->>'grade' AS grade
       FROM sc_scorecards
      WHERE month < $1 AND ((subject_kind = 'technician' AND subject_id = ANY($2::text[])) OR (subject_kind = 'contractor' AND subject_id = ANY($3::text[])))
      ORDER BY subject_kind, subject_id, month, revision DESC`,
    [month, technicianIds, contractorIds],
  );
  const earlier = new Map<string, EarlierCard[]>();
  for (const e of earlierRows) {
    const key = `${e.subject_kind}:${e.subject_id}`;
    earlier.set(key, [...(earlier.get(key) ?? []), { month: e.month, satisfactionScore: e.score === null ? null : Number(e.score), callbackRatio: e.callback_ratio === null ? null : Number(e.callback_ratio), ratingGrade: e.grade }]);
  }
  const t1 = performance.now();

  const bodies = monthCards(builder, settings, month, facts, earlier);
  const t2 = performance.now();

  const latestRows = await db.query<{ subject_kind: string; subject_id: string; revision: number; content_hash: string }[]>(
    `SELECT DISTINCT ON (subject_kind, subject_id) subject_kind, subject_id, revision, content_hash FROM sc_scorecards WHERE month = $1 ORDER BY subject_kind, subject_id, revision DESC`,
    [month],
  );
  const latest = new Map(latestRows.map((r) => [`${r.subject_kind}:${r.subject_id}`, r]));
  const published: ScorecardPublished[] = [];
  // The rows to store as JSON text, each record's text reused from its hash's (serialised once).
  const stored: string[] = [];
  const envelopes: Envelope[] = [];
  const at = computedAt.toISOString();
  for (const b of bodies) {
    const key = `${b.subject.kind}:${b.subject.id}`;
    const body = JSON.stringify(b);
    const hash = createHash('sha256').update(body).digest('hex');
    const last = latest.get(key);
    if (last && last.content_hash === hash) continue;
    const revision = (last?.revision ?? 0) + 1;
    const record: ScorecardPublished = { ...b, revision, computedAt: at };
    published.push(record);
    // = JSON.stringify(record): the body's keys, then revision and computedAt.
    const recordJson = `${body.slice(0, -1)},"revision":${revision},"computedAt":${JSON.stringify(at)}}`;
    stored.push(`{"subject_kind":${JSON.stringify(b.subject.kind)},"subject_id":${JSON.stringify(b.subject.id)},"month":${JSON.stringify(month)},"revision":${revision},"computed_at":${JSON.stringify(at)},"content_hash":"${hash}","record":${recordJson}}`);
    const subject = `${key}|${month}`;
    envelopes.push(makeEvent('scorecard.published', record, { source: SCORECARDS_SOURCE, subject, time: computedAt, id: cardEventId(subject, revision) }));
  }
  if (stored.length > 0) {
    await db.query(
      `INSERT INTO sc_scorecards (subject_kind, subject_id, month, revision, computed_at, content_hash, record)
       SELECT subject_kind, subject_id, month, revision, computed_at, content_hash, record
         FROM jsonb_to_recordset($1::jsonb) AS x(subject_kind text, subject_id text, month text, revision int, computed_at timestamptz, content_hash text, record jsonb)`,
      [`[${stored.join(',')}]`],
    );
  }
  await db.query(`UPDATE sc_months SET closed_version = $2, closed_at = $3, closes = closes + 1 WHERE month = $1`, [month, state!.input_version, computedAt]);
  const t3 = performance.now();
  return { month, subjects: bodies.length, published, envelopes, timings: { factsMs: t1 - t0, rulesMs: t2 - t1, storeMs: t3 - t2 } };
}
