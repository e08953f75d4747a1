/**
 * Monthly scorecards at scale (issue 8, "Performance": scorecards for 10,000 technicians and
 * 1,000,000 orders in ≤ 10 s; ADR 0026). Run after `npm run build`:
 *
 *   npx swc test/bench -d dist --quiet && node dist/test/bench/scorecards.js
 *
 * In a throwaway schema of the database at DATABASE_URL (default the local `switchboard`
 * database; dropped at the end) it creates the scoring tables with scoring's own migrations,
 * bulk-loads one month of inputs set-based in SQL (INSERT … SELECT over generate_series, not
 * through Kafka): BENCH_TECHNICIANS registrations (10 % working for 20 contractors, groups of 10),
 * BENCH_ORDERS accepted tickets and their completions (repair 70 %, install 20 %, move 7 %,
 * complaint 3 %), a callback for 95 % of them of which 40 % answered (90 % satisfied), both SLA
 * outcomes of each ticket (93 % / 90 % met), 1 % repeat faults and 0.5 % complaint findings.
 * Then it times the month close exactly as the `scorecards.close-month` handler runs it — SQL
 * aggregation, the rules per technician and contractor, storing the cards and writing their
 * events to the outbox — in one transaction, and prints the seconds beside the target. It runs
 * the close a second time over the same inputs (nothing changed: no card is re-published) and
 * checks the two runs agree. Not a test: it asserts nothing.
 *
 * BENCH_TECHNICIANS (10000), BENCH_ORDERS (1000000), BENCH_MONTH (2026-10), BENCH_KEEP=1 keeps the schema,
 * BENCH_SCHEMA=<name> reuses a kept schema's inputs (no load).
 */
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import { MessagingTables1764000000000 } from '@switchboard/persistence';
import { enqueueEvents } from '@switchboard/messaging';
import { Scorecards1795570000000 } from '../../apps/scoring/src/persistence/migrations/1795570000000-Scorecards';
import { loadScorecardsConfig } from '../../apps/scoring/src/scorecards/scorecards.config';
import { closeMonth, type Queryable } from '../../apps/scoring/src/scorecards/month-closer';
import { REFRESH_COMPLETIONS } from '../../apps/scoring/src/scorecards/scorecard-inputs.handler';

const int = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  return v;
};
const TECHNICIANS = int('BENCH_TECHNICIANS', 10_000);
const ORDERS = int('BENCH_ORDERS', 1_000_000);
const MONTH = process.env.BENCH_MONTH ?? '2026-10';
const TARGET_S = 10;
const URL = process.env.DATABASE_URL ?? 'postgres://switchboard:switchboard@127.0.0.1:5432/switchboard';

const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function main(): Promise<void> {
  const client = new Client({ connectionString: URL });
  await client.connect();
  const schema = process.env.BENCH_SCHEMA ?? `bench_scorecards_${process.pid}`;
  const reuse = (await client.query(`SELECT 1 FROM information_schema.schemata WHERE schema_name = $1`, [schema])).rowCount === 1;
  const db: Queryable = { query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params as unknown[])).rows as T };
  const runner = { query: (sql: string) => client.query(sql) } as never;
  try {
    if (!reuse) await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET search_path TO ${schema}`);
    const load = performance.now();
    if (reuse) {
      // BENCH_SCHEMA of an earlier run with BENCH_KEEP=1: its inputs again, without the cards and events of that run.
      await client.query(`TRUNCATE sc_scorecards, outbox`);
      await client.query(`DELETE FROM sc_months`);
    } else {
      await load_(client, runner);
    }
    // As autovacuum would have done by the time a month closes (days after its last order): the visibility map lets the close scan the index only.
    await client.query(`VACUUM (ANALYZE)`);
    // The load derives each completion's aggregated columns; the handlers' own refresh must agree on a sample.
    const sampleTickets = (await client.query<{ t: string }>(`SELECT ticket_id::text AS t FROM sc_completions ORDER BY assignment_id LIMIT 2000`)).rows.map((r) => r.t);
    const before = (await client.query(`SELECT assignment_id, kind, surveyed, satisfied, called_back, resolution_met, first_response_met, repeat_faults FROM sc_completions WHERE ticket_id = ANY($1::uuid[]) ORDER BY 1`, [sampleTickets])).rows;
    await client.query(REFRESH_COMPLETIONS, [sampleTickets]);
    const after = (await client.query(`SELECT assignment_id, kind, surveyed, satisfied, called_back, resolution_met, first_response_met, repeat_faults FROM sc_completions WHERE ticket_id = ANY($1::uuid[]) ORDER BY 1`, [sampleTickets])).rows;
    console.log(`sample of ${sampleTickets.length} tickets: the handlers' refresh ${JSON.stringify(before) === JSON.stringify(after) ? 'agrees with' : 'DIFFERS from'} the loaded columns`);
    const counts = (await client.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM sc_technicians) AS technicians, (SELECT count(*) FROM sc_completions) AS orders, (SELECT count(*) FROM sc_callbacks) AS callbacks,
              (SELECT count(*) FROM sc_sla_outcomes) AS sla_outcomes, (SELECT count(*) FROM sc_repeat_faults) AS repeat_faults, (SELECT count(*) FROM sc_complaint_findings) AS complaints`,
    )).rows[0]!;
    console.log(`${reuse ? `reused the inputs of ${schema} (vacuumed)` : 'loaded'} in ${seconds(performance.now() - load)} s: ${JSON.stringify(counts)}`);

    const config = loadScorecardsConfig({});
    const computedAt = new Date(Date.parse(`${MONTH}-01T00:00:00Z`) + 35 * 86_400_000);
    const run = async () => {
      await client.query('BEGIN');
      const t0 = performance.now();
      const result = await closeMonth(db, config.builder, config.settings, MONTH, computedAt);
      const t1 = performance.now();
      // enqueueEvents only calls manager.query(sql, params) and reads the rows: the adapter is enough.
      await enqueueEvents(db as never, result.envelopes.map((envelope) => ({ envelope })));
      await client.query('COMMIT');
      const t2 = performance.now();
      return { result, closeMs: t1 - t0, outboxMs: t2 - t1, totalMs: t2 - t0 };
    };
    const first = await run();
    const { timings } = first.result;
    const technicians = first.result.published.filter((c) => c.subject.kind === 'technician').length;
    const contractors = first.result.published.length - technicians;
    console.log(`machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`month ${MONTH}: ${technicians} technician and ${contractors} contractor scorecards from ${counts.orders} orders`);
    console.log(`  SQL aggregation (facts) ${seconds(timings.factsMs)} s, rules ${seconds(timings.rulesMs)} s, storing cards ${seconds(timings.storeMs)} s, outbox + commit ${seconds(first.outboxMs)} s`);
    console.log(`  month close: ${seconds(first.totalMs)} s   target: ≤ ${TARGET_S} s   ${first.totalMs <= TARGET_S * 1000 ? 'PASS' : 'FAIL'}   (ratio ${(first.totalMs / 1000 / TARGET_S).toFixed(2)} of the target)`);

    const second = await run();
    console.log(`  re-close over the same inputs: ${seconds(second.totalMs)} s, ${second.result.published.length} cards re-published (expected 0), ${second.result.subjects} compared`);
    const sample = first.result.published.find((c) => c.subject.kind === 'technician')!;
    console.log(`  a card: ${sample.subject.id} ${sample.orders.completed} orders, pay ${sample.pay!.totalFen} fen (${sample.pay!.qualityGrade}), points ${sample.points.total}, ${sample.lines.length} lines`);
  } finally {
    if (process.env.BENCH_KEEP !== '1' && !process.env.BENCH_SCHEMA) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await client.end();
  }
}


/** Loads the month's inputs set-based (see the header). */
async function load_(client: Client, runner: never): Promise<void> {
  await new MessagingTables1764000000000().up(runner);
  await new Scorecards1795570000000().up(runner);
  const monthStart = `${MONTH}-01T00:00:00Z`;
  // One uuid per (kind of row, i): md5 is deterministic, so every run loads the same month.
  await client.query(
    `INSERT INTO sc_technicians (technician_id, employer, team, region, updated_at)
     SELECT 'T-' || i, CASE WHEN i % 10 = 0 THEN 'ctr-' || (i / 10) % 20 ELSE 'own-staff' END, 'g-' || (i / 10), 'region-' || i % 11, now()
       FROM generate_series(0::bigint, $1::bigint - 1) AS i`,
    [TECHNICIANS],
  );
  await client.query(
    `INSERT INTO sc_tickets (ticket_id, kind, region)
     SELECT md5('t' || i)::uuid, CASE WHEN i % 100 < 70 THEN 'repair' WHEN i % 100 < 90 THEN 'install' WHEN i % 100 < 97 THEN 'move' ELSE 'complaint' END, 'region-' || i % 11
       FROM generate_series(0::bigint, $1::bigint - 1) AS i`,
    [ORDERS],
  );
  await client.query(
    // With what the input handlers keep per completion (REFRESH_COMPLETIONS), derived from i exactly as the rows below; checked on a sample after the load.
    `INSERT INTO sc_completions (assignment_id, ticket_id, technician_id, completed_at, month, kind, surveyed, satisfied, called_back, resolution_met, first_response_met, repeat_faults)
     SELECT md5('a' || i)::uuid, md5('t' || i)::uuid, 'T-' || (i * 7919) % $2, $3::timestamptz + ((i * 104729) % (28 * 86400)) * interval '1 second', $4,
            CASE WHEN i % 100 < 70 THEN 'repair' WHEN i % 100 < 90 THEN 'install' WHEN i % 100 < 97 THEN 'move' ELSE 'complaint' END,
            (i % 20 <> 7 AND i % 5 < 2)::int, (i % 20 <> 7 AND i % 5 < 2 AND i % 10 <> 3)::int, i % 20 <> 7,
            (i * 31 + 10) % 100 < 93, (i * 31 + 14) % 100 < 90, (i % 100 = 5)::int
       FROM generate_series(0::bigint, $1::bigint - 1) AS i`,
    [ORDERS, TECHNICIANS, monthStart, MONTH],
  );
  await client.query(
    `INSERT INTO sc_callbacks (survey_id, ticket_id, at, satisfied)
     SELECT md5('s' || i)::uuid, md5('t' || i)::uuid, $2::timestamptz + ((i * 104729) % (28 * 86400)) * interval '1 second' + interval '1 day',
            CASE WHEN i % 5 < 2 THEN (i % 10 <> 3) ELSE NULL END
       FROM generate_series(0::bigint, $1::bigint - 1) AS i
      WHERE i % 20 <> 7`,
    [ORDERS, monthStart],
  );
  await client.query(
    `INSERT INTO sc_sla_outcomes (ticket_id, metric, met)
     SELECT md5('t' || i)::uuid, m.metric, (i * 31 + length(m.metric)) % 100 < CASE m.metric WHEN 'resolution' THEN 93 ELSE 90 END
       FROM generate_series(0::bigint, $1::bigint - 1) AS i CROSS JOIN (VALUES ('resolution'), ('first-response')) AS m(metric)`,
    [ORDERS],
  );
  await client.query(
    `INSERT INTO sc_repeat_faults (ticket_id, previous_ticket_id)
     SELECT md5('r' || i)::uuid, md5('t' || i)::uuid FROM generate_series(0::bigint, $1::bigint - 1) AS i WHERE i % 100 = 5`,
    [ORDERS],
  );
  await client.query(
    `INSERT INTO sc_complaint_findings (finding_id, ticket_id, technician_id, cause, severity, month, attributed_by, updated_at)
     SELECT md5('f' || i)::uuid, c.ticket_id, c.technician_id, (ARRAY['quality', 'safety-civility', 'resource'])[1 + i % 3],
            (ARRAY['general', 'general', 'general', 'escalated', 'severe'])[1 + i % 5], $2, 'bench', now()
       FROM generate_series(0::bigint, $1::bigint - 1, 200) AS i JOIN sc_completions c ON c.assignment_id = md5('a' || (i * 37) % $1)::uuid`,
    [ORDERS, MONTH],
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
