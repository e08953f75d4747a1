import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import { EventRegistry, makeEvent, scorecardPublishedSchema, Topics, type Envelope, type EventData, type EventType, type ScorecardPublished } from '@switchboard/contracts';
import { createKafka, physicalTopic } from '@switchboard/messaging';
import { serviceDatabase } from '@switchboard/persistence';
import { testInfra, TopicCollector, waitFor } from '@switchboard/testing';
import { startService, TEST_API_KEY, type RunningService } from './support/service-process';

/**
 * Monthly scorecards (issue 8, ADR 0026) through the real broker and database: scoring keeps the
 * month's completions, surveys, SLA outcomes and complaint findings from the events, and a
 * `scorecards.close-month` publishes each technician's and contractor's card on
 * `scoring.scorecards.v1` with its arithmetic; a late event and a re-close give revision 2.
 * Months of 2099 are never due for the automatic close; 2020-01 is, and the poller closes it.
 */
describe('scoring closes months into scorecards', () => {
  const u = randomUUID().slice(0, 8);
  const region = `r-${u}`;
  const techA = `T-${u}-A`; // own staff, every customer satisfied
  const techB = `T-${u}-B`; // own staff, same workload, one customer in four satisfied, two complaints
  const techC = `T-${u}-C`; // a contractor's, unsatisfied and late every month
  const techD = `T-${u}-D`; // works in 2020-01 only: closed by the poller
  const contractor = `ctr-${u}`;
  const [M1, M2, M3] = ['2099-01', '2099-02', '2099-03'];

  let scoring: RunningService;
  let gateway: RunningService;
  let kafka: Kafka;
  let producer: Producer;
  let cards: TopicCollector;
  let db: Client;

  const event = <T extends EventType>(type: T, subject: string, patch: Partial<EventData<T>>, time = new Date('2099-01-01T00:00:00Z')) =>
    makeEvent(type, { ...(EventRegistry[type].example as EventData<T>), ...patch }, { source: 'test/scorecards-e2e', subject, time });

  const produce = async (topic: string, events: Envelope[]) => {
    await producer.send({ topic: physicalTopic(topic), messages: events.map((e) => ({ key: e.subject, value: JSON.stringify(e), headers: { 'event-type': e.type } })) });
  };

  const register = (technicianId: string, employer: string, group: string) =>
    event('technician.registered', technicianId, { technicianId, employer, group, region, name: 'Zhang San', phone: '+86 138 1234 5678' });

  /** A completed order: its acceptance, its completion at `at`, and optionally a survey the next day. */
  const order = (technicianId: string, at: string, kind: 'repair' | 'install' = 'repair', survey?: 'satisfied' | 'unsatisfied') => {
    const ticketId = randomUUID();
    const assignmentId = randomUUID();
    const lifecycle = [
      event('ticket.accepted', ticketId, { ticketId, kind, externalId: `SC-${ticketId.slice(0, 8)}`, location: { region, county: 'xihu', zone: 'xihu-07' }, contact: { name: 'Zhang San', phone: '+86 138 1234 5678' } }),
    ];
    const completion = event('assignment.completed', ticketId, { ticketId, assignmentId, technicianId, region, at, resolutionCode: 'fixed' });
    const next = new Date(Date.parse(at) + 86_400_000).toISOString();
    const surveys = survey ? [event('survey.completed', ticketId, { surveyId: randomUUID(), ticketId, region, verdict: survey, score: survey === 'satisfied' ? 100 : 20, completedAt: next })] : [];
    return { ticketId, assignmentId, lifecycle, completion, surveys };
  };

  const sendOrders = async (orders: ReturnType<typeof order>[]) => {
    await produce(Topics.TicketsLifecycle, orders.flatMap((o) => o.lifecycle));
    await produce(Topics.DispatchAssignments, orders.map((o) => o.completion));
    await produce(Topics.CallbackSurveys, orders.flatMap((o) => o.surveys));
  };

  const count = async (sql: string, params: unknown[]) => Number((await db.query<{ n: string }>(sql, params)).rows[0]!.n);

  /** Waits until scoring has every input of these orders (they travel on three topics). */
  const applied = async (orders: ReturnType<typeof order>[]) => {
    const tickets = orders.map((o) => o.ticketId);
    const surveys = orders.filter((o) => o.surveys.length > 0).length;
    await waitFor(
      async () =>
        (await count(`SELECT count(*) AS n FROM scoring.sc_completions WHERE ticket_id = ANY($1::uuid[])`, [tickets])) === orders.length &&
        (await count(`SELECT count(*) AS n FROM scoring.sc_tickets WHERE ticket_id = ANY($1::uuid[])`, [tickets])) === orders.length &&
        (await count(`SELECT count(*) AS n FROM scoring.sc_callbacks WHERE ticket_id = ANY($1::uuid[])`, [tickets])) === surveys,
      { timeoutMs: 15_000, message: `scoring to have the ${orders.length} orders' inputs` },
    );
  };

  const close = async (month: string, at: string) => {
    const closes = await count(`SELECT coalesce((SELECT closes FROM scoring.sc_months WHERE month = $1), 0) AS n`, [month]);
    await produce(Topics.ScoringCommands, [makeEvent('scorecards.close-month', { month, requestedBy: 'test/scorecards-e2e' }, { source: 'test/scorecards-e2e', subject: month, time: new Date(at) })]);
    await waitFor(async () => (await count(`SELECT coalesce((SELECT closes FROM scoring.sc_months WHERE month = $1), 0) AS n`, [month])) > closes, { timeoutMs: 15_000, message: `the close of ${month}` });
  };

  const published = () => cards.json<Envelope<'scorecard.published', ScorecardPublished>>(Topics.ScoringScorecards).filter((e) => e.type === 'scorecard.published');
  const card = (kind: 'technician' | 'contractor', id: string, month: string, revision = 1) =>
    waitFor(() => published().find((e) => e.data.subject.kind === kind && e.data.subject.id === id && e.data.month === month && e.data.revision === revision), {
      timeoutMs: 15_000,
      message: `the ${kind} card of ${id} for ${month}, revision ${revision}`,
    });
  const pay = (c: ScorecardPublished) => c.lines.filter((l) => l.section === 'pay').map((l) => [l.code, l.quantity, l.rate, l.amount]);

  // Kept for the re-close: B's late order of M1.
  let lateB: ReturnType<typeof order>;

  beforeAll(async () => {
    [scoring, gateway] = await Promise.all([
      startService('scoring', 18190, {
        SCORECARD_BASE_MINUTES: '180', // two repairs: the third and fourth are paid by the piece
        SCORECARD_PHASE_OUT_MONTHS: '2',
        SCORECARD_CLOSE_POLL_MS: '200',
        SCORECARD_CLOSE_GRACE_HOURS: '72',
      }),
      startService('gateway', 18191),
    ]);
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: `scorecards-e2e-${u}` });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    cards = await new TopicCollector(kafka, [Topics.ScoringScorecards]).start();
    db = new Client({ connectionString: serviceDatabase(testInfra().databaseUrl, 'scoring', 'sb_scoring_local').url });
    await db.connect();
    await produce(Topics.DispatchAssignments, [register(techA, 'own-staff', `g-${u}`), register(techB, 'own-staff', `g-${u}`), register(techC, contractor, `${contractor}-crew`)]);
    await waitFor(async () => (await count(`SELECT count(*) AS n FROM scoring.sc_technicians WHERE technician_id = ANY($1::text[])`, [[techA, techB, techC]])) === 3, {
      message: 'the three registrations',
    });
  });

  afterAll(async () => {
    await db?.end();
    await cards?.stop();
    await producer?.disconnect();
    await Promise.all([scoring?.stop(), gateway?.stop()]);
  });

  /** An ops key of this file's region (and one of another region), made by the admin key. */
  const opsKey = async (regions: string[]) => {
    const res = await fetch(gateway.url('/v1/api-keys'), {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `supervisor ${u}`, source: `ops/sc-${u}-${regions[0]}`, role: 'ops', regions }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { key: string }).key;
  };
  const findComplaint = (key: string, body: unknown) =>
    fetch(gateway.url('/v1/complaint-findings'), { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('same workload, better quality → more pay, line by line; complaint points; a redelivered completion counted once', async () => {
    const a = [1, 2, 3, 4].map((d) => order(techA, `${M1}-0${d}T08:00:00Z`, 'repair', 'satisfied'));
    const b = [1, 2, 3, 4].map((d) => order(techB, `${M1}-0${d}T08:00:00Z`, 'repair', d === 1 ? 'satisfied' : 'unsatisfied'));
    const c = [order(techC, `${M1}-05T08:00:00Z`, 'repair', 'unsatisfied')];
    await sendOrders([...a, ...b, ...c]);
    await produce(Topics.DispatchAssignments, [a[3]!.completion]); // redelivered
    // One finding through the gateway (a supervisor of the region), one straight on the command topic.
    const supervisor = await opsKey([region]);
    const finding = { ticketId: b[0]!.ticketId, technicianId: techB, cause: 'quality', complainedAt: `${M1}-06T09:00:00Z` };
    const sent = await waitFor(
      async () => {
        const res = await findComplaint(supervisor, finding);
        return res.status === 202 ? ((await res.json()) as { findingId: string; status: string }) : undefined; // 404 until the gateway's read model has the ticket
      },
      { timeoutMs: 15_000, message: `POST /v1/complaint-findings for ticket ${b[0]!.ticketId} to be accepted` },
    );
    expect(sent.status).toBe('sent');
    expect((await findComplaint(await opsKey([`other-${u}`]), finding)).status).toBe(404); // another region's ticket
    const invalid = await findComplaint(supervisor, { ...finding, cause: 'weather' });
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { reasons: { path: string }[] }).reasons.map((r) => r.path)).toContain('cause');
    await produce(Topics.ScoringCommands, [
      event('complaint.attribute', `f-${u}-2`, { findingId: randomUUID(), ticketId: b[1]!.ticketId, technicianId: techB, cause: 'safety-civility', severity: 'severe', complainedAt: `${M1}-07T09:00:00Z` }),
    ]);
    await applied([...a, ...b, ...c]);
    await waitFor(async () => (await count(`SELECT count(*) AS n FROM scoring.sc_complaint_findings WHERE technician_id = $1`, [techB])) === 2, { message: "B's two complaint findings" });
    lateB = order(techB, `${M1}-28T08:00:00Z`, 'repair');

    await close(M1, '2099-02-04T00:00:00Z');
    const cardA = (await card('technician', techA, M1)).data;
    const cardB = (await card('technician', techB, M1)).data;
    for (const c2 of [cardA, cardB]) expect(scorecardPublishedSchema.safeParse(c2).success).toBe(true);

    expect(cardA).toMatchObject({ revision: 1, computedAt: '2099-02-04T00:00:00.000Z', employer: 'own-staff', group: `g-${u}`, orders: { completed: 4, repair: 4 } });
    expect(cardA.satisfaction).toMatchObject({ surveyed: 4, satisfied: 4, calledBack: 4, score: 100, callbackRatio: 1, standing: 'good', goodRun: 1 });
    expect(cardA.pay).toEqual({ qualityGrade: 'excellent', qualityGradeFrom: 'satisfaction', postWageFen: 130000, pieceWageFen: 5000, adjustmentsFen: 0, totalFen: 135000 });
    expect(pay(cardA)).toEqual([
      ['pay:post-wage', 1, 130000, 130000],
      ['pay:base-workload', 2, 0, 0],
      ['piece:repair:normal', 2, 2500, 5000],
    ]);
    expect(cardA.points).toEqual({ complaints: 10, complaintCount: 0, streak: 0, total: 10 });

    expect(cardB.satisfaction).toMatchObject({ surveyed: 4, satisfied: 1, score: 25, standing: 'poor', poorRun: 1 });
    expect(cardB.pay).toMatchObject({ qualityGrade: 'unqualified', pieceWageFen: 2400, totalFen: 132400 });
    expect(pay(cardB)).toEqual([
      ['pay:post-wage', 1, 130000, 130000],
      ['pay:base-workload', 2, 0, 0],
      ['piece:repair:normal', 2, 1200, 2400],
    ]);
    expect(cardA.pay!.totalFen).toBeGreaterThan(cardB.pay!.totalFen);
    expect(cardB.lines.filter((l) => l.section === 'complaints').map((l) => [l.code, l.quantity, l.rate, l.amount])).toEqual([
      ['complaint:general:quality', 1, -1, -1],
      ['complaint:severe', 1, -10, -10],
    ]);
    expect(cardB.points).toEqual({ complaints: -11, complaintCount: 2, streak: 0, total: -11 });

    // The BI view agrees.
    const view = await db.query<Record<string, unknown>>(`SELECT subject_id, revision, orders_completed, total_pay_fen::int AS pay, complaint_points FROM scoring.scorecards_v1 WHERE month = $1 AND subject_id = ANY($2::text[]) ORDER BY subject_id`, [M1, [techA, techB]]);
    expect(view.rows).toEqual([
      { subject_id: techA, revision: 1, orders_completed: 4, pay: 135000, complaint_points: 10 },
      { subject_id: techB, revision: 1, orders_completed: 4, pay: 132400, complaint_points: -11 },
    ]);
  });

  it('a late completion and a re-close publish revision 2 with the correction; an unchanged card is not published again', async () => {
    await sendOrders([lateB]);
    await applied([lateB]);
    await close(M1, '2099-02-10T00:00:00Z');
    const revised = (await card('technician', techB, M1, 2)).data;
    expect(revised).toMatchObject({ revision: 2, computedAt: '2099-02-10T00:00:00.000Z', orders: { completed: 5, repair: 5 } });
    expect(pay(revised)).toContainEqual(['piece:repair:normal', 3, 1200, 3600]);
    expect(revised.pay!.totalFen).toBe(133600);
    // A's card did not change: no second revision is stored (the close stores in its transaction).
    expect(await count(`SELECT count(*) AS n FROM scoring.sc_scorecards WHERE month = $1 AND subject_id = $2`, [M1, techA])).toBe(1);
    const view = await db.query<{ revision: number; orders_completed: number }>(`SELECT revision, orders_completed FROM scoring.scorecards_v1 WHERE month = $1 AND subject_id = $2`, [M1, techB]);
    expect(view.rows).toEqual([{ revision: 2, orders_completed: 5 }]);
  });

  it('three good months in a row earn the streak points; a contractor unqualified for the configured two months is flagged', async () => {
    const m2 = [order(techA, `${M2}-03T08:00:00Z`, 'repair', 'satisfied'), order(techC, `${M2}-03T08:00:00Z`, 'repair', 'unsatisfied')];
    await sendOrders(m2);
    await applied(m2);
    await close(M2, '2099-03-04T00:00:00Z');
    const m3 = [order(techA, `${M3}-03T08:00:00Z`, 'repair', 'satisfied')];
    await sendOrders(m3);
    await applied(m3);
    await close(M3, '2099-04-04T00:00:00Z');

    const a2 = (await card('technician', techA, M2)).data;
    const a3 = (await card('technician', techA, M3)).data;
    expect(a2.satisfaction).toMatchObject({ standing: 'good', goodRun: 2 });
    expect(a2.points.streak).toBe(0);
    expect(a3.satisfaction).toMatchObject({ standing: 'good', goodRun: 3 });
    expect(a3.lines.filter((l) => l.section === 'streak').map((l) => [l.code, l.amount])).toEqual([['streak:good:3', 5]]);
    expect(a3.points).toEqual({ complaints: 10, complaintCount: 0, streak: 5, total: 15 });

    const c1 = (await card('contractor', contractor, M1)).data;
    const c2 = (await card('contractor', contractor, M2)).data;
    expect(c1.rating).toMatchObject({ crews: 1, score: 30, grade: 'unqualified', phaseOut: false, weakestRun: 1 });
    expect(c2.rating).toMatchObject({ crews: 1, score: 30, grade: 'unqualified', phaseOut: true, weakestRun: 2 });
    expect(c2.lines.filter((l) => l.section === 'rating').map((l) => [l.code, l.quantity, l.rate, l.amount])).toEqual([
      ['rating:base', 1, 100, 100],
      ['rating:satisfaction', 20, -2, -40],
      ['rating:repairTimeliness', 15, -2, -30],
    ]);
    expect(c2.pay).toBeNull();
  });

  it('closes a due month by itself (the poller), and keeps names and phone numbers out', async () => {
    await produce(Topics.DispatchAssignments, [register(techD, 'own-staff', `g-${u}`)]);
    const d = [order(techD, '2020-01-15T08:00:00Z', 'install', 'satisfied')];
    await sendOrders(d);
    const cardD = (await waitFor(() => published().find((e) => e.data.subject.id === techD && e.data.month === '2020-01' && e.data.orders.completed === 1), { timeoutMs: 20_000, message: `the poller's card of ${techD} for 2020-01` })).data;
    expect(cardD.orders).toMatchObject({ completed: 1, install: 1 });
    for (const m of cards.messages) expect(m.value?.toString() ?? '').not.toMatch(/Zhang San|138 1234 5678/);
    const rows = await db.query<{ row: string }>(`SELECT t::text AS row FROM scoring.sc_technicians t`);
    for (const r of rows.rows) expect(r.row).not.toMatch(/Zhang San|138 1234 5678/);
  });
});
