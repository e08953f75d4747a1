import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  makeEvent,
  ticketIdFor,
  ticketReceivedExample,
  Topics,
  type Envelope,
  type IncidentJoined,
  type IncidentOpened,
  type IncidentResolved,
  type NotificationRequested,
  type TicketHeld,
  type TicketReceived,
  type TicketResolved,
  type TicketTriaged,
} from '@switchboard/contracts';
import { AssignerProtocol, type Kafka } from 'kafkajs';
import { createKafka, physicalTopic } from '@switchboard/messaging';
import { testInfra, TopicCollector, waitFor } from '@switchboard/testing';
import { demoAreasCsv } from '../apps/simulator/src/domain/demo-geography';
import { DEMO_REGION } from '../apps/simulator/src/domain/demo-region';
import { GatewayClient } from '../apps/simulator/src/gateway/gateway-client';
import { raiseStorm } from '../apps/simulator/src/storm';
import { startService, TEST_API_KEY, type RunningService } from './support/service-process';

/**
 * Geography, unknown-area rejection and mass-complaint incidents (issue 4; domain.md §2) through
 * the gateway's HTTP API, Kafka and Postgres: the operator loads cells and zones from CSV, intake
 * refuses tickets in places it does not know, opens an incident when more than 5 complaints of
 * one category come from up to 3 adjacent cells within the hour, and resolves every child with
 * the incident. Every region here is this run's own; the loaded reference data is removed at the
 * end so that the other e2e files (which load none) keep being accepted.
 */
describe('incidents (CSV reference data → intake → tickets.lifecycle.v1)', () => {
  let gateway: RunningService;
  let intake: RunningService;
  let intake2: RunningService | undefined;
  let collector: TopicCollector;
  let kafka: Kafka;
  let db: Client;
  const run = randomUUID().slice(0, 6);
  const region = `inc-${run}`;
  const region2 = `inc2-${run}`;

  beforeAll(async () => {
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'incidents-e2e' });
    collector = await new TopicCollector(kafka, [Topics.TicketsLifecycle, Topics.NotificationsOutbound]).start();
    db = new Client({ connectionString: testInfra().databaseUrl });
    await db.connect();
    [gateway, intake] = await Promise.all([startService('gateway', 18300), startService('intake', 18301)]);
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop('SIGTERM'), intake?.stop('SIGTERM'), intake2?.stop('SIGTERM')]);
    // Other e2e files send tickets without loading geography: leave none behind.
    await db?.query('DELETE FROM intake.cells').catch(() => undefined);
    await db?.query('DELETE FROM intake.areas').catch(() => undefined);
    await collector?.stop();
    await db?.end();
  });

  const api = (path: string, init: RequestInit = {}) =>
    fetch(gateway.url(path), {
      ...init,
      headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
    });
  const postCsv = (path: string, csv: string) => api(path, { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } });

  const lifecycle = <T>(type: string) => collector.json<Envelope<string, T>>(Topics.TicketsLifecycle).filter((e) => e.type === type);

  let phone = 1000;
  function complaint(r: string, zone: string, cellId: string, category: string): TicketReceived {
    return {
      ...ticketReceivedExample,
      externalId: `INC-${randomUUID()}`,
      kind: 'complaint',
      service: 'mobile',
      customer: { ...ticketReceivedExample.customer, id: `C-${randomUUID().slice(0, 8)}`, phone: `+86 555 0300 ${phone++}` },
      location: { region: r, county: 'north', zone, cellId },
      complaintCategory: category,
      summary: 'No signal indoors since this morning',
      reportedAt: new Date().toISOString(),
    };
  }

  async function submit(...tickets: TicketReceived[]): Promise<string[]> {
    return Promise.all(
      tickets.map(async (t) => {
        const res = await api('/v1/tickets', { method: 'POST', body: JSON.stringify(t) });
        expect(res.status).toBe(202);
        return ((await res.json()) as { ticketId: string }).ticketId;
      }),
    );
  }

  /** Every ticket reached a decision after triage: handed to dispatch, or held. */
  async function decided(ticketIds: string[], type: 'ticket.dispatch-requested' | 'ticket.held'): Promise<void> {
    await waitFor(() => ticketIds.every((id) => lifecycle(type).some((e) => e.subject === id)), { timeoutMs: 60_000, message: `${type} for ${ticketIds.length} tickets` });
  }

  // Cells of this run: N1–N2–N3 a chain by neighbour lists; FAR 100 km away without neighbours.
  const cellsCsv = [
    'cellId,region,lat,lon,neighbours',
    `N1-${run},${region},30.25,120.10,N2-${run}`,
    `N2-${run},${region},30.26,120.10,N1-${run};N3-${run}`,
    `N3-${run},${region},30.27,120.10,N2-${run}`,
    `FAR-${run},${region},31.20,120.10,`,
    `M1-${run},${region2},29.00,121.00,M2-${run}`,
    `M2-${run},${region2},29.01,121.00,M1-${run}`,
  ].join('\n');
  const areasCsv = ['region,county,zone', `${region},north,z1`, `${region},south,z2`, `${region2},north,z1`].join('\n');

  it('imports cells and geography from CSV, lists them, and answers 422 with the line and field of every bad row', async () => {
    const bad = await postCsv('/v1/cells', ['cellId,region,lat,lon,neighbours', `OK-${run},${region},30,120,`, `BAD-${run},${region},ninety,120,`, `BAD2-${run},${region},30,500,`].join('\n'));
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { error: string; reasons: { path: string; code: string }[] };
    expect(body.error).toBe('VALIDATION_FAILED');
    expect(body.reasons.map((r) => `${r.path} ${r.code}`)).toEqual(['line 3.lat CSV.NOT_A_NUMBER', 'line 4.lon CSV.INVALID_TOO_BIG']);
    expect((await api('/v1/cells', { method: 'POST', body: JSON.stringify({ cells: [] }) })).status).toBe(415);
    const huge = `cellId,region,lat,lon,neighbours\n${`X-${run},${region},30,120,\n`.repeat(300_000)}`;
    const tooLarge = await postCsv('/v1/cells', huge);
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { error: string }).error).toBe('CSV.TOO_LARGE');
    expect((await postCsv('/v1/areas', `region,county,zone\n${region},north,z1\n${region},south,z1`)).status).toBe(422);

    const cells = await postCsv('/v1/cells', cellsCsv);
    expect(cells.status).toBe(202);
    expect(await cells.json()).toMatchObject({ rows: 6, commands: 1 });
    const areas = await postCsv('/v1/areas', areasCsv);
    expect(areas.status).toBe(202);

    const listed = await waitFor(
      async () => {
        const list = (await (await api(`/v1/cells?region=${region}`)).json()) as { items: { cellId: string; neighbours: string[] }[] };
        return list.items.length === 4 ? list.items : undefined;
      },
      { timeoutMs: 30_000, message: 'the cells listed' },
    );
    expect(listed.find((c) => c.cellId === `N2-${run}`)!.neighbours).toEqual([`N1-${run}`, `N3-${run}`]);
    // The bad file imported nothing.
    expect(listed.map((c) => c.cellId)).not.toContain(`OK-${run}`);
    await waitFor(
      async () => {
        const list = (await (await api(`/v1/areas?region=${region}`)).json()) as { items: unknown[] };
        return list.items.length === 2 || undefined;
      },
      { timeoutMs: 30_000, message: 'the zones listed' },
    );
    // Importing the same file again changes nothing (an upsert).
    expect((await postCsv('/v1/cells', cellsCsv)).status).toBe(202);
  });

  it('rejects a ticket in an unknown region, zone or cell with a code per field, visible at /v1/rejections', async () => {
    const unknownRegion = complaint('atlantis', 'z1', `N1-${run}`, 'no-signal');
    const unknownZone = complaint(region, 'z9', `N1-${run}`, 'no-signal');
    const wrongCounty = complaint(region, 'z2', `N1-${run}`, 'no-signal');
    const unknownCell = complaint(region, 'z1', `NOPE-${run}`, 'no-signal');
    await submit(unknownRegion, unknownZone, wrongCounty, unknownCell);

    const codesOf = async (t: TicketReceived) =>
      waitFor(
        async () => {
          const { items } = (await (await api(`/v1/rejections?externalId=${t.externalId}`)).json()) as { items: { reasons: { path: string; code: string }[] }[] };
          return items[0]?.reasons.map((r) => `${r.path} ${r.code}`);
        },
        { timeoutMs: 30_000, message: `the rejection of ${t.externalId}` },
      );
    // One reason per field: the region, and the cell that lies in another region.
    expect(await codesOf(unknownRegion)).toEqual(['location.region LOCATION.UNKNOWN_REGION', 'location.cellId LOCATION.CELL_NOT_IN_REGION']);
    expect(await codesOf(unknownZone)).toEqual(['location.zone LOCATION.UNKNOWN_ZONE']);
    expect(await codesOf(wrongCounty)).toEqual(['location.zone LOCATION.ZONE_NOT_IN_COUNTY']);
    expect(await codesOf(unknownCell)).toEqual(['location.cellId LOCATION.UNKNOWN_CELL']);
    // Never a ticket.
    const { rows } = await db.query('SELECT count(*)::int AS n FROM intake.tickets WHERE external_id = ANY($1)', [[unknownRegion, unknownZone, wrongCounty, unknownCell].map((t) => t.externalId)]);
    expect(rows[0]).toEqual({ n: 0 });
  });

  let incidentId: string;
  let children: string[] = [];

  it('opens one incident for the sixth complaint within adjacent cells in the hour; far cells and other categories do not count; a seventh joins', async () => {
    // Nine complaints in the hour, but only four of one category within adjacent cells: no incident.
    const first = await submit(
      complaint(region, 'z1', `N1-${run}`, 'no-signal'),
      complaint(region, 'z1', `N2-${run}`, 'no-signal'),
      complaint(region, 'z1', `N1-${run}`, 'no-signal'),
      complaint(region, 'z1', `N2-${run}`, 'no-signal'),
      complaint(region, 'z1', `FAR-${run}`, 'no-signal'),
      complaint(region, 'z1', `FAR-${run}`, 'no-signal'),
      complaint(region, 'z1', `N1-${run}`, 'slow-data'),
      complaint(region, 'z1', `N1-${run}`, 'slow-data'),
      complaint(region, 'z1', `N2-${run}`, 'slow-data'),
    );
    await decided(first, 'ticket.dispatch-requested');
    expect(lifecycle<IncidentOpened>('incident.opened').filter((e) => e.data.region === region)).toEqual([]);

    // Two more of the category in the adjacent cells: six, more than five.
    const more = await submit(complaint(region, 'z1', `N2-${run}`, 'no-signal'), complaint(region, 'z1', `N1-${run}`, 'no-signal'));
    const [opened] = await waitFor(
      () => {
        const found = lifecycle<IncidentOpened>('incident.opened').filter((e) => e.data.region === region);
        return found.length > 0 ? found : undefined;
      },
      { timeoutMs: 60_000, message: 'incident.opened' },
    );
    const expected = [...first.slice(0, 4), ...more].sort();
    expect(opened!.data).toMatchObject({ complaintCategory: 'no-signal', cells: [`N1-${run}`, `N2-${run}`] });
    expect([...opened!.data.ticketIds].sort()).toEqual(expected);
    incidentId = opened!.data.incidentId;

    // Every child held under it (the earlier ones too), raised in priority; the others are not held.
    await decided(expected, 'ticket.held');
    const held = lifecycle<TicketHeld>('ticket.held').filter((e) => expected.includes(e.subject));
    expect(held.every((e) => e.data.reason === 'incident' && e.data.incidentId === incidentId)).toBe(true);
    expect(lifecycle<TicketHeld>('ticket.held').filter((e) => first.slice(4).includes(e.subject))).toEqual([]);
    for (const id of expected) {
      const triaged = lifecycle<TicketTriaged>('ticket.triaged').filter((e) => e.subject === id);
      expect(triaged.at(-1)!.data).toMatchObject({ class: 'important' });
      expect(triaged.at(-1)!.data.reasons).toContain('incident member +40');
    }
    // The complaint that opened it never went to dispatch.
    const dispatched = new Set(lifecycle('ticket.dispatch-requested').map((e) => e.subject));
    expect(more.filter((id) => !dispatched.has(id)).length).toBeGreaterThanOrEqual(1);

    // A seventh, from the cell next to them, joins it (the incident grows to three cells).
    const [seventh] = await submit(complaint(region, 'z1', `N3-${run}`, 'no-signal'));
    const joined = await waitFor(() => lifecycle<IncidentJoined>('incident.joined').find((e) => e.subject === seventh), { timeoutMs: 60_000, message: 'incident.joined' });
    expect(joined.data).toMatchObject({ incidentId, cellId: `N3-${run}`, cells: [`N1-${run}`, `N2-${run}`, `N3-${run}`] });
    await decided([seventh!], 'ticket.held');
    expect(lifecycle('ticket.dispatch-requested').some((e) => e.subject === seventh)).toBe(false);
    children = [...expected, seventh!];

    const listed = await waitFor(
      async () => {
        const { items } = (await (await api(`/v1/incidents?region=${region}`)).json()) as { items: { incidentId: string; state: string; children: number }[] };
        return items[0]?.children === 7 ? items : undefined;
      },
      { timeoutMs: 30_000, message: 'the incident listed with 7 children' },
    );
    expect(listed).toEqual([expect.objectContaining({ incidentId, state: 'open', complaintCategory: 'no-signal', cells: [`N1-${run}`, `N2-${run}`, `N3-${run}`] })]);
  });

  it('resolves every child with the reply and notifies each customer when the incident is resolved', async () => {
    expect(incidentId).toBeDefined();
    expect((await api('/v1/incidents/inc-nope/resolve', { method: 'POST', body: JSON.stringify({ reply: 'x' }) })).status).toBe(404);
    expect((await api(`/v1/incidents/${incidentId}/resolve`, { method: 'POST', body: JSON.stringify({}) })).status).toBe(422);
    const reply = 'A faulty antenna was replaced at 14:20; coverage is back to normal.';
    const res = await api(`/v1/incidents/${incidentId}/resolve`, { method: 'POST', body: JSON.stringify({ reply }) });
    expect(res.status).toBe(202);

    const resolved = await waitFor(
      () => {
        const found = lifecycle<TicketResolved>('ticket.resolved').filter((e) => e.data.incidentId === incidentId);
        return found.length >= children.length ? found : undefined;
      },
      { timeoutMs: 60_000, message: 'ticket.resolved for every child' },
    );
    expect(resolved.map((e) => e.subject).sort()).toEqual([...children].sort());
    expect(resolved.every((e) => e.data.resolution === 'incident-resolved' && e.data.reply === reply && e.data.intercepted === false)).toBe(true);
    const notices = await waitFor(
      () => {
        const found = collector.json<Envelope<string, NotificationRequested>>(Topics.NotificationsOutbound).filter((e) => e.data.template === 'incident-resolved' && children.includes(e.subject));
        return found.length >= children.length ? found : undefined;
      },
      { timeoutMs: 30_000, message: 'a notification for every child' },
    );
    expect(new Set(notices.map((n) => n.data.to)).size).toBe(children.length);
    expect(notices.every((n) => n.data.channel === 'sms' && n.data.text.includes(reply))).toBe(true);
    const [done] = lifecycle<IncidentResolved>('incident.resolved').filter((e) => e.subject === incidentId);
    expect(done!.data).toMatchObject({ childrenResolved: 7, reply });

    const view = await waitFor(
      async () => {
        const body = (await (await api(`/v1/incidents/${incidentId}`)).json()) as { incident: { state: string; reply: string }; children: { ticketId: string }[] };
        return body.incident.state === 'resolved' ? body : undefined;
      },
      { timeoutMs: 30_000, message: 'the incident resolved in the read model' },
    );
    expect(view.incident.reply).toBe(reply);
    expect(view.children.map((c) => c.ticketId).sort()).toEqual([...children].sort());
    expect((await api(`/v1/incidents/${incidentId}/resolve`, { method: 'POST', body: JSON.stringify({ reply }) })).status).toBe(409);
  });

  /** `ticket.received` messages an intake process applied, from its own /metrics. */
  async function receivedApplied(s: RunningService): Promise<number> {
    const text = await (await fetch(s.url('/metrics'))).text();
    return text
      .split('\n')
      .filter((l) => l.startsWith('switchboard_events_consumed_total') && l.includes('type="ticket.received"') && l.includes('outcome="applied"'))
      .reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
  }

  it('opens exactly one incident when two intake processes share the complaints', async () => {
    intake2 = await startService('intake', 18302);
    // Both processes in the group, each with partitions of the inbound topic, before the burst.
    const admin = kafka.admin();
    await admin.connect();
    const inbound = physicalTopic(Topics.TicketsInbound);
    try {
      await waitFor(
        async () => {
          const { groups } = await admin.describeGroups([`test-${process.pid}.intake`]);
          const members = groups[0]?.members ?? [];
          const owning = members.filter((m) => (AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment[inbound]?.length ?? 0) > 0);
          return groups[0]?.state === 'Stable' && owning.length === 2 ? true : undefined;
        },
        { timeoutMs: 60_000, message: 'two intake processes sharing the inbound partitions' },
      );
    } finally {
      await admin.disconnect();
    }
    const before = await Promise.all([receivedApplied(intake), receivedApplied(intake2)]);
    // Straight onto the inbound partitions at once, spread over all of them, so that both
    // processes take complaints in the same moment (each in its own batch transaction).
    const burst = Array.from({ length: 18 }, (_, i) => complaint(region2, 'z1', i % 2 === 0 ? `M1-${run}` : `M2-${run}`, 'dropped-calls'));
    const source = `e2e/incidents-${run}`;
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      // The partitions the test run created its topics with (jest-global-setup.ts).
      const partitions = Number(process.env.KAFKA_TOPIC_PARTITIONS ?? '3');
      await producer.send({
        topic: inbound,
        messages: burst.map((t, i) => ({ partition: i % partitions, key: t.externalId, value: JSON.stringify(makeEvent('ticket.received', t, { source, subject: t.externalId, time: new Date() })) })),
      });
    } finally {
      await producer.disconnect();
    }
    const ids = burst.map((t) => ticketIdFor(source, t.externalId));
    await decided(ids, 'ticket.held');
    const after = await Promise.all([receivedApplied(intake), receivedApplied(intake2)]);
    // Each process took part (18 keys over the partitions of two consumers).
    expect(after[0] - before[0]).toBeGreaterThan(0);
    expect(after[1] - before[1]).toBeGreaterThan(0);
    const opened = lifecycle<IncidentOpened>('incident.opened').filter((e) => e.data.region === region2);
    expect(opened).toHaveLength(1);
    const joined = lifecycle<IncidentJoined>('incident.joined').filter((e) => ids.includes(e.subject));
    expect([...opened[0]!.data.ticketIds, ...joined.map((e) => e.subject)].sort()).toEqual([...ids].sort());
    expect(joined.every((e) => e.data.incidentId === opened[0]!.data.incidentId)).toBe(true);
    // One hold per ticket, all under the one incident.
    const held = lifecycle<TicketHeld>('ticket.held').filter((e) => ids.includes(e.subject));
    expect(held).toHaveLength(18);
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM intake.incidents WHERE region = $1`, [region2]);
    expect(rows[0]!.n).toBe(1);
  });

  it("raises the simulator's storm: the demo cells through /v1/cells, then an incident from adjacent cells", async () => {
    expect((await postCsv('/v1/areas', demoAreasCsv(DEMO_REGION))).status).toBe(202);
    await waitFor(
      async () => {
        const { items } = (await (await api('/v1/areas?region=hangzhou')).json()) as { items: unknown[] };
        return items.length === DEMO_REGION.zones.length || undefined;
      },
      { timeoutMs: 30_000, message: 'the demo zones listed' },
    );
    const client = new GatewayClient({ baseUrl: gateway.url(''), apiKey: TEST_API_KEY });
    const result = await raiseStorm(client, { runId: run, waitMs: 60_000 });
    expect(result.incident?.children).toBe(8);
    expect(result.incident?.incidentId).toMatch(/^inc-/);
    // Resolved, so that no later complaint of another test joins it.
    expect((await api(`/v1/incidents/${result.incident!.incidentId}/resolve`, { method: 'POST', body: JSON.stringify({ reply: 'Storm damage repaired.' }) })).status).toBe(202);
    await waitFor(() => lifecycle<IncidentResolved>('incident.resolved').some((e) => e.subject === result.incident!.incidentId), { timeoutMs: 30_000, message: 'the storm incident resolved' });
  });
});
