import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { makeEvent } from '@switchboard/contracts';
import { enqueueEvents, newTraceparent, type HandlerContext } from '@switchboard/messaging';
import { ManualClock } from '@switchboard/persistence';
import { createTestSchema } from '@switchboard/testing';
import { loadCallbackConfig } from '../callback.config';
import { callbackMigrations } from '../persistence/migrations';
import { ScheduleCallbackHandler } from './schedule-callback.handler';

/**
 * Scheduling on real PostgreSQL with the outbox: the customer's quiet hours (21:00–08:00) are read
 * in the zone of their region — Kashgar's customers live on Asia/Urumqi (UTC+6), the rest of the
 * centre on Asia/Shanghai (UTC+8).
 */
describe('a callback scheduled in the customer\'s time zone (PostgreSQL)', () => {
  let db: { dataSource: DataSource; close: () => Promise<void> };
  const clock = new ManualClock('2026-11-24T13:30:00Z');
  const config = loadCallbackConfig({ CALLBACK_REGION_TIME_ZONES: 'kashgar=Asia/Urumqi', CALLBACK_TIME_ZONE: 'Asia/Shanghai' });
  const handler = new ScheduleCallbackHandler(config, clock);

  beforeAll(async () => {
    db = await createTestSchema('callback_schedule_tz', callbackMigrations.slice(1));
  });

  afterAll(() => db.close());

  async function resolveIn(region: string): Promise<{ ticketId: string; zone: string; scheduled: { dueAt: string } }> {
    const ticketId = randomUUID();
    const resolvedAt = new Date('2026-11-24T13:30:00Z'); // 21:30 in Hangzhou, 19:30 in Kashgar; the first attempt one hour later
    const cause = makeEvent('ticket.resolved', { ticketId, region, resolution: 'answered-by-known-issue', reply: 'A known outage; fixed by 18:00.', intercepted: true, resolvedAt: resolvedAt.toISOString() }, {
      source: 'test/schedule',
      subject: ticketId,
      time: resolvedAt,
    });
    await db.dataSource.transaction(async (manager) => {
      const ctx: HandlerContext = {
        manager,
        message: { topic: 'tickets.lifecycle.v1', partition: 0, offset: '0', key: null, headers: {} },
        trace: { traceparent: newTraceparent() },
        emit: (...events) => enqueueEvents(manager, events),
        afterCommit: () => undefined,
      };
      await handler.schedule({ ticketId, region, resolvedAt, resolution: 'answered-by-known-issue', key: `test/${ticketId}` }, cause, ctx);
    });
    const [row] = await db.dataSource.query<{ time_zone: string }[]>('SELECT time_zone FROM surveys WHERE ticket_id = $1', [ticketId]);
    const [event] = await db.dataSource.query<{ data: { dueAt: string } }[]>(
      `SELECT convert_from(payload, 'UTF8')::jsonb -> 'data' AS data FROM outbox WHERE event_type = 'survey.scheduled' AND message_key = $1`,
      [ticketId],
    );
    return { ticketId, zone: row!.time_zone, scheduled: event!.data };
  }

  it('sends at 20:30 in Kashgar, where it is still evening, but waits for 08:00 in Hangzhou, where it is night', async () => {
    const kashgar = await resolveIn('kashgar');
    expect(kashgar.zone).toBe('Asia/Urumqi');
    expect(kashgar.scheduled.dueAt).toBe('2026-11-24T14:30:00.000Z'); // 20:30 in Kashgar

    const hangzhou = await resolveIn('hangzhou');
    expect(hangzhou.zone).toBe('Asia/Shanghai');
    expect(hangzhou.scheduled.dueAt).toBe('2026-11-25T00:00:00.000Z'); // 22:30 is quiet: 08:00 the next morning
  });
});
