import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { EventRegistry, makeEvent, type Envelope, type EventData, type EventType, type KpiWarning, type KpiWindowUpdated } from '@switchboard/contracts';
import { enqueueEvents, newTraceparent, type HandlerContext } from '@switchboard/messaging';
import { ManualClock } from '@switchboard/persistence';
import { createTestSchema } from '@switchboard/testing';
import { scoringMigrations } from '../persistence/migrations';
import { loadKpiWindowsConfig } from './kpi-windows.config';
import { KpiWindowPublisher } from './kpi-window-publisher';
import { KpiWindowsHandler } from './kpi-windows.handler';
import { KpiWindowsRepository } from './kpi-windows.repository';

type Db = { dataSource: DataSource; close: () => Promise<void> };

/**
 * The KPI windows handler on real PostgreSQL, each event in its own transaction with the outbox
 * (as the consumer runs it), then a publisher pass: the same events replayed into a fresh schema give the same records,
 * in another order the same windows; a late event corrects its past window; a warning is raised
 * once per crossing.
 */
describe('KPI windows (PostgreSQL)', () => {
  const dbs: Db[] = [];
  const clock = new ManualClock('2026-11-25T02:00:00Z');
  const config = loadKpiWindowsConfig({});
  const repo = new KpiWindowsRepository();
  const handler = new KpiWindowsHandler(clock, config, repo);

  const fresh = async (): Promise<Db> => {
    const db = await createTestSchema('scoring_kpiw', scoringMigrations.slice(1));
    dbs.push(db);
    return db;
  };

  afterAll(async () => {
    for (const db of dbs) await db.close();
  });

  const apply = (db: Db, event: Envelope) =>
    db.dataSource.transaction(async (manager) => {
      const ctx: HandlerContext = {
        manager,
        message: { topic: 't', partition: 0, offset: '0', key: null, headers: {} },
        trace: { traceparent: newTraceparent() },
        emit: (...events) => enqueueEvents(manager, events),
        afterCommit: () => undefined,
      };
      await handler.handle(event as Envelope<EventType, EventData<EventType>>, ctx);
    }).then(() => db.dataSource.transaction((manager) => new KpiWindowPublisher(db.dataSource, clock, config, repo, pino({ level: 'silent' })).publishPending(manager)));

  const outbox = async <T>(db: Db, type: string): Promise<{ key: string; data: T }[]> =>
    (
      await db.dataSource.query<{ key: string; data: T }[]>(
        `SELECT message_key AS key, convert_from(payload, 'UTF8')::jsonb -> 'data' AS data FROM outbox WHERE event_type = $1 ORDER BY seq`,
        [type],
      )
    ).map((r) => r);
  const lastByKey = (records: { key: string; data: KpiWindowUpdated }[]) => {
    const m = new Map<string, KpiWindowUpdated>();
    for (const r of records) m.set(r.key, r.data);
    return new Map([...m.entries()].sort(([a], [b]) => a.localeCompare(b)));
  };
  const windowRows = (db: Db) =>
    db.dataSource.query(`SELECT region, scope_type, scope_id, period, window_start::text, window_end::text, kpi, numerator, denominator FROM kpi_window_values ORDER BY 1, 2, 3, 4, 5, 6, 7`);

  function story() {
    const region = `r-${randomUUID().slice(0, 8)}`;
    const technicianId = `T-${randomUUID().slice(0, 8)}`;
    const [a, b] = [randomUUID(), randomUUID()];
    const time = new Date('2026-11-24T02:00:00Z'); // 10:00 in Shanghai, Tuesday 24 November
    const ev = <T extends EventType>(type: T, patch: Partial<EventData<T>>) =>
      makeEvent(type, { ...(EventRegistry[type].example as EventData<T>), ...patch }, { source: 'test/kpiw', subject: 'x', time }) as Envelope;
    const dims = [
      ev('technician.registered', { technicianId, group: `g-${region}`, employer: `e-${region}` }),
      ev('ticket.accepted', { ticketId: a, customerTier: 'vip', service: 'broadband', location: { region, county: 'xihu', zone: 'xihu-07' } }),
      ev('ticket.accepted', { ticketId: b, customerTier: 'standard', service: 'iptv', location: { region, county: 'binjiang', zone: 'bj-01' } }),
      ev('ticket.assigned', { ticketId: a, technicianId, region }),
      ev('ticket.assigned', { ticketId: b, technicianId, region }),
    ];
    const facts = [
      ev('sla.clock-stopped', { ticketId: a, region, metric: 'first-response', met: true }),
      ev('sla.clock-stopped', { ticketId: b, region, metric: 'first-response', met: false }),
      ev('assignment.completed', { ticketId: a, region, technicianId }),
      ev('survey.completed', { ticketId: a, region, verdict: 'satisfied' }),
      ev('survey.completed', { ticketId: b, region, verdict: 'unsatisfied', answers: { contactTimeliness: 2, appointmentKeeping: 5, technicalLevel: 4, serviceAttitude: 3 } }),
      ev('callback.closed', { ticketId: a, region, status: 'answered' }),
      ev('ticket.reopened', { ticketId: b, region, location: { region, county: 'binjiang', zone: 'bj-01' }, customerTier: 'standard', service: 'iptv' }),
      ev('sla.breached', { ticketId: b, region }),
    ];
    return { region, technicianId, a, b, dims, facts, ev };
  }

  it('a replay into a fresh schema gives exactly the same records; another arrival order the same windows', async () => {
    const s = story();
    const [first, replay, reordered] = [await fresh(), await fresh(), await fresh()];
    for (const e of [...s.dims, ...s.facts]) await apply(first, e);
    for (const e of [...s.dims, ...s.facts]) await apply(replay, e);
    // Facts before the tickets and technician they belong to (they travel on other topics).
    for (const e of [...s.facts].reverse().concat([...s.dims].reverse())) await apply(reordered, e);

    const records = await outbox<KpiWindowUpdated>(first, 'kpi.window-updated');
    expect(await outbox(replay, 'kpi.window-updated')).toEqual(records);
    expect(await outbox(replay, 'kpi.warning')).toEqual(await outbox(first, 'kpi.warning'));
    expect(await windowRows(replay)).toEqual(await windowRows(first));

    // Revisions count contributions: the latest record of every window is the same, revision included.
    expect(await windowRows(reordered)).toEqual(await windowRows(first));
    expect([...lastByKey(await outbox<KpiWindowUpdated>(reordered, 'kpi.window-updated'))]).toEqual([...lastByKey(records)]);

    // Seven scopes × three periods, each counted in Shanghai's calendar.
    const last = lastByKey(records);
    expect(last.size).toBe(3 * (1 + 2 + 2 + 2 + 1 + 1 + 1)); // region, 2 counties, 2 services, 2 tiers, technician, group, contractor
    const tech = last.get(`${s.region}|technician|${s.technicianId}|week|2026-11-23`)!;
    expect(tech).toMatchObject({ windowEnd: '2026-11-29', timeZone: 'Asia/Shanghai' });
    // The technician's tickets: both accepted tickets were assigned to them.
    expect(Object.fromEntries(tech.kpis.map((k) => [k.kpi, [k.numerator, k.denominator, k.value]]))).toEqual({
      'tickets-accepted': [2, 0, null],
      'interception-rate': [0, 2, 0],
      'first-response-on-time': [1, 2, 0.5],
      satisfaction: [1, 2, 0.5],
      'contact-timeliness': [1, 2, 0.5],
      'appointment-keeping': [2, 2, 1],
      'technical-level': [2, 2, 1],
      'service-attitude': [1, 2, 0.5],
      'callback-ratio': [1, 1, 1],
      'reopen-rate': [1, 1, 1],
      'repeat-report-rate': [0, 1, 0],
      'sla-breaches': [1, 0, null],
    });
    const vip = last.get(`${s.region}|tier|vip|month|2026-11-01`)!;
    expect(Object.fromEntries(vip.kpis.map((k) => [k.kpi, [k.numerator, k.denominator]]))).toMatchObject({ 'tickets-accepted': [1, 0], satisfaction: [1, 1], 'interception-rate': [0, 1] });
    expect(last.get(`${s.region}|contractor|e-${s.region}|day|2026-11-24`)!.kpis.find((k) => k.kpi === 'satisfaction')).toEqual({ kpi: 'satisfaction', numerator: 1, denominator: 2, value: 0.5 });
  });

  it('a late event corrects its past window and republishes it; a warning is raised once per crossing', async () => {
    const s = story();
    const db = await fresh();
    for (const e of [...s.dims, ...s.facts]) await apply(db, e);
    const dayKey = `${s.region}|region|${s.region}|day|2026-11-24`;
    const before = lastByKey(await outbox<KpiWindowUpdated>(db, 'kpi.window-updated')).get(dayKey)!;

    clock.set('2026-11-27T02:00:00Z');
    const late = makeEvent('sla.clock-stopped', { ...EventRegistry['sla.clock-stopped'].example, ticketId: s.a, region: s.region, metric: 'resolution', met: true }, { source: 'test/kpiw', subject: s.a, time: new Date('2026-11-24T03:00:00Z') });
    await apply(db, late);
    const after = lastByKey(await outbox<KpiWindowUpdated>(db, 'kpi.window-updated')).get(dayKey)!;
    expect(after.revision).toBe(before.revision + 1);
    expect(after.kpis.find((k) => k.kpi === 'resolution-on-time')).toEqual({ kpi: 'resolution-on-time', numerator: 1, denominator: 1, value: 1 });
    expect(before.kpis.find((k) => k.kpi === 'resolution-on-time')).toBeUndefined();

    // Satisfaction 1/2 fell below 80 % on B's survey: warned once per window of every scope it reached.
    const warnings = async () => (await outbox<KpiWarning>(db, 'kpi.warning')).filter((w) => w.key === dayKey && w.data.kpi === 'satisfaction');
    expect((await warnings()).map((w) => w.data)).toEqual([
      expect.objectContaining({ kpi: 'satisfaction', value: 0.5, numerator: 1, denominator: 2, direction: 'below', threshold: 0.8, period: 'day', windowStart: '2026-11-24' }),
    ]);
    // Another unsatisfied survey: still below, no second warning.
    await apply(db, s.ev('survey.completed', { ticketId: s.b, region: s.region, verdict: 'unsatisfied' }));
    expect(await warnings()).toHaveLength(1);
    // Back to exactly 80 % (8 of 10 after seven satisfied) re-arms it; falling below again raises a second.
    for (let i = 0; i < 7; i++) await apply(db, s.ev('survey.completed', { ticketId: s.a, region: s.region, verdict: 'satisfied' }));
    expect(await warnings()).toHaveLength(1);
    await apply(db, s.ev('survey.completed', { ticketId: s.a, region: s.region, verdict: 'unsatisfied' }));
    expect((await warnings()).map((w) => [w.data.numerator, w.data.denominator])).toEqual([
      [1, 2],
      [8, 11],
    ]);
  });
});
