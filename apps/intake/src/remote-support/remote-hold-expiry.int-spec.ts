import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { ManualClock } from '@switchboard/persistence';
import { createTestSchema } from '@switchboard/testing';
import { loadIntakeConfig } from '../intake.config';
import { intakeMigrations } from '../persistence/migrations';
import { RemoteHoldExpiry } from './remote-hold-expiry';

/**
 * The expiry poller on real PostgreSQL, as two intake replicas would run it at once: every ended
 * hold is released exactly once, a hold that has not ended is left alone.
 */
describe('remote hold expiry with two replicas (PostgreSQL)', () => {
  let db: { dataSource: DataSource; close: () => Promise<void> };
  const clock = new ManualClock('2026-11-24T02:00:00Z');
  const config = loadIntakeConfig({ REMOTE_SUPPORT_KINDS: 'repair' });
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    db = await createTestSchema('intake_rs', intakeMigrations.slice(1));
  });

  afterAll(() => db.close());

  async function holdTicket(holdUntil: Date): Promise<string> {
    const ticketId = randomUUID();
    await db.dataSource.query(
      `INSERT INTO tickets (ticket_id, source, external_id, inbound_event_id, channel, kind, service, customer_id, customer_tier, customer_name, customer_phone,
         region, county, zone, summary, reported_at, owner, state, accepted_at, updated_at)
       VALUES ($1::uuid, 'test/rs', $1::text, $1::text, 'phone', 'repair', 'iptv', 'C-1', 'standard', 'Li Wei', '+86 571 5550 1234', 'hangzhou', 'xihu', 'xihu-07', 'no picture', $2, 'test/rs', 'accepted', $2, $2)`,
      [ticketId, clock.now()],
    );
    await db.dataSource.query(
      `INSERT INTO remote_support_queue (ticket_id, region, triage_class, triage_priority, held_at, hold_until, state) VALUES ($1, 'hangzhou', 'general', 42, $2, $3, 'held')`,
      [ticketId, clock.now(), holdUntil],
    );
    return ticketId;
  }

  it('releases each ended hold exactly once while two pollers run side by side, and leaves running holds', async () => {
    const ended = await Promise.all(Array.from({ length: 250 }, (_, i) => holdTicket(new Date(clock.now().getTime() + (i % 10) * 1000))));
    const running = await holdTicket(new Date(clock.now().getTime() + 3_600_000));
    clock.advance(10_000);
    const replicas = [new RemoteHoldExpiry(db.dataSource, clock, config, logger), new RemoteHoldExpiry(db.dataSource, clock, config, logger)];

    // Each replica passes until it finds a batch that is not full, concurrently.
    await Promise.all(replicas.map(async (r) => {
      while (await r.pass()) {
        /* more may be due */
      }
    }));
    await Promise.all(replicas.map((r) => r.pass()));

    const requests = await db.dataSource.query<{ subject: string; reason: string; priority: number }[]>(
      `SELECT message_key AS subject, convert_from(payload, 'UTF8')::jsonb #>> '{data,reason}' AS reason, (convert_from(payload, 'UTF8')::jsonb #>> '{data,priority}')::int AS priority
         FROM outbox WHERE event_type = 'ticket.dispatch-requested'`,
    );
    expect(requests).toHaveLength(ended.length);
    expect(new Set(requests.map((r) => r.subject))).toEqual(new Set(ended));
    expect(new Set(requests.map((r) => r.reason))).toEqual(new Set(['remote-hold-expired']));
    expect(requests.every((r) => r.priority === 42)).toBe(true);

    const states = await db.dataSource.query<{ state: string; n: number }[]>(`SELECT state, count(*)::int AS n FROM remote_support_queue GROUP BY state ORDER BY state`);
    expect(states).toEqual([
      { state: 'expired', n: ended.length },
      { state: 'held', n: 1 },
    ]);
    const [stillHeld] = await db.dataSource.query<{ ticket_id: string }[]>(`SELECT ticket_id FROM remote_support_queue WHERE state = 'held'`);
    expect(stillHeld!.ticket_id).toBe(running);
  });
});
