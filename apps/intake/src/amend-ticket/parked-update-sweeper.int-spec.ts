import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { ManualClock } from '@switchboard/persistence';
import { createTestSchema } from '@switchboard/testing';
import { loadIntakeConfig } from '../intake.config';
import { intakeMigrations } from '../persistence/migrations';
import { ParkedUpdateSweeper } from './parked-update-sweeper';

/**
 * The parked-update sweeper on real PostgreSQL with two replicas: an orphan is rejected once and
 * only after the TTL; an update whose ticket arrived without seeing it (the two raced) is applied.
 */
describe('parked update sweeper with two replicas (PostgreSQL)', () => {
  let db: { dataSource: DataSource; close: () => Promise<void> };
  const clock = new ManualClock('2026-11-24T02:00:00Z');
  const config = loadIntakeConfig({ PARKED_UPDATE_TTL_HOURS: '1' });
  const logger = pino({ level: 'silent' });
  const source = 'test/parked';

  beforeAll(async () => {
    db = await createTestSchema('intake_pu', intakeMigrations.slice(1));
  });

  afterAll(() => db.close());

  async function park(externalId: string, updatedAt: string, data: Record<string, unknown>): Promise<string> {
    const eventId = randomUUID();
    await db.dataSource.query(
      `INSERT INTO ticket_updates (id, source, external_id, updated_at, inbound_event_id, correlation_id, data, state, received_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $5::text, $6::jsonb, 'parked', $7, $8)`,
      [randomUUID(), source, externalId, updatedAt, eventId, JSON.stringify({ externalId, updatedAt, ...data }), clock.now(), config.parkedUpdates.expiresAt(clock.now())],
    );
    return eventId;
  }

  async function ticket(externalId: string): Promise<string> {
    const ticketId = randomUUID();
    await db.dataSource.query(
      `INSERT INTO tickets (ticket_id, source, external_id, inbound_event_id, channel, kind, service, customer_id, customer_tier, customer_name, customer_phone,
         region, county, zone, summary, reported_at, owner, state, accepted_at, updated_at)
       VALUES ($1::uuid, $2, $3, $1::text, 'phone', 'repair', 'broadband', 'C-1', 'standard', 'Li Wei', '+86 571 5550 1234', 'hangzhou', 'xihu', 'xihu-07', 'no broadband', $4, $2, 'accepted', $4, $4)`,
      [ticketId, source, externalId, clock.now()],
    );
    return ticketId;
  }

  const outbox = (type: string) =>
    db.dataSource.query<{ subject: string; data: Record<string, unknown>; causation: string }[]>(
      `SELECT message_key AS subject, convert_from(payload, 'UTF8')::jsonb -> 'data' AS data, convert_from(payload, 'UTF8')::jsonb ->> 'causationId' AS causation
         FROM outbox WHERE event_type = $1 ORDER BY seq`,
      [type],
    );

  const sweepTwice = (replicas: ParkedUpdateSweeper[]) => Promise.all(replicas.map((r) => r.pass()));

  it('applies a parked update whose ticket arrived, waits for the TTL before rejecting an orphan, and rejects it once', async () => {
    const replicas = [new ParkedUpdateSweeper(db.dataSource, clock, config, logger), new ParkedUpdateSweeper(db.dataSource, clock, config, logger)];
    const orphans = await Promise.all(Array.from({ length: 30 }, (_, i) => park(`ORPHAN-${i}`, '2026-11-24T09:00:00+08:00', { summary: 'never matched' })));
    const second = await park('RACED-1', '2026-11-24T09:05:00+08:00', { summary: 'second change' });
    const first = await park('RACED-1', '2026-11-24T09:00:00+08:00', { summary: 'first change', note: 'call after 18:00' });
    const ticketId = await ticket('RACED-1');

    // Before the TTL: the matched one applies, in updatedAt order; the orphans wait.
    await sweepTwice(replicas);
    const amended = await outbox('ticket.amended');
    expect(amended.map((a) => a.causation)).toEqual([first, second]);
    expect(amended.every((a) => a.subject === ticketId && a.data.parked === true)).toBe(true);
    expect(amended.map((a) => a.data.changes)).toEqual([{ summary: 'first change' }, { summary: 'second change' }]);
    expect(await outbox('ticket.rejected')).toHaveLength(0);
    const [row] = await db.dataSource.query<{ summary: string }[]>('SELECT summary FROM tickets WHERE ticket_id = $1', [ticketId]);
    expect(row!.summary).toBe('second change');

    // After it: each orphan is rejected exactly once, with its reason.
    clock.advance(3_600_000);
    await sweepTwice(replicas);
    await sweepTwice(replicas);
    const rejected = await outbox('ticket.rejected');
    expect(rejected.map((r) => r.causation).sort()).toEqual([...orphans].sort());
    expect(rejected[0]!.data).toMatchObject({ source, reasons: [{ path: 'data.externalId', code: 'ORPHAN_UPDATE' }] });
    const states = await db.dataSource.query<{ state: string; n: number }[]>(`SELECT state, count(*)::int AS n FROM ticket_updates GROUP BY state ORDER BY state`);
    expect(states).toEqual([
      { state: 'applied', n: 2 },
      { state: 'rejected', n: 30 },
    ]);
  });
});
