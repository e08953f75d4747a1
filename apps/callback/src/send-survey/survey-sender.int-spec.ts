import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { ManualClock } from '@switchboard/persistence';
import { createTestSchema } from '@switchboard/testing';
import { loadCallbackConfig } from '../callback.config';
import { callbackMigrations } from '../persistence/migrations';
import { SurveySender } from './survey-sender';

const HOUR = 3_600_000;

/**
 * The survey sender on real PostgreSQL with a clock in the customer's night (default quiet hours
 * 21:00–08:00, Asia/Shanghai = UTC+8): nothing goes out at night, a phone attempt waiting for an
 * agent moves to the night's end, and a callback past its validity window closes unreachable.
 */
describe('survey sender at night (PostgreSQL)', () => {
  let db: { dataSource: DataSource; close: () => Promise<void> };
  // 23:00 in Hangzhou.
  const clock = new ManualClock('2026-11-24T15:00:00Z');
  const morning = new Date('2026-11-25T00:00:00Z'); // 08:00 in Hangzhou
  const config = loadCallbackConfig({});
  const logger = pino({ level: 'silent' });
  let sender: SurveySender;

  beforeAll(async () => {
    db = await createTestSchema('callback_night', callbackMigrations.slice(1));
    sender = new SurveySender(db.dataSource, clock, config, logger);
  });

  afterAll(() => db.close());

  async function callback(channel: 'sms' | 'phone', dueAt: Date, closesAt: Date): Promise<{ ticketId: string; surveyId: string }> {
    const ticketId = randomUUID();
    const surveyId = randomUUID();
    await db.dataSource.query(`INSERT INTO tickets (ticket_id, region, contact_phone, channel, accepted_at, kind) VALUES ($1, 'hangzhou', '+86 571 5550 1234', 'phone', $2, 'complaint')`, [
      ticketId,
      new Date(dueAt.getTime() - 2 * HOUR),
    ]);
    await db.dataSource.query(
      `INSERT INTO surveys (id, ticket_id, region, channel, questionnaire, completed_at, due_at, closes_at, resolution_key, attempt)
       VALUES ($1, $2, 'hangzhou', $3, 'telecom-4q.v1', $4, $5, $6, $7, 1)`,
      [surveyId, ticketId, channel, new Date(dueAt.getTime() - HOUR), dueAt, closesAt, `test/${surveyId}`],
    );
    return { ticketId, surveyId };
  }

  const outbox = (type: string, subject: string) =>
    db.dataSource.query<{ data: Record<string, unknown> }[]>(`SELECT convert_from(payload, 'UTF8')::jsonb -> 'data' AS data FROM outbox WHERE event_type = $1 AND message_key = $2`, [type, subject]);
  const survey = async (id: string) =>
    (await db.dataSource.query<{ state: string; due_at: Date; deferred_for_quiet_hours: boolean }[]>('SELECT state, due_at, deferred_for_quiet_hours FROM surveys WHERE id = $1', [id]))[0]!;

  it('holds a late SMS survey until the night ends, then sends it', async () => {
    // Due at 20:30 local, but the sender only gets to it at 23:00.
    const sms = await callback('sms', new Date('2026-11-24T12:30:00Z'), new Date('2026-12-01T00:00:00Z'));
    await sender.pass();
    expect(await outbox('notification.requested', sms.ticketId)).toHaveLength(0);
    expect(await survey(sms.surveyId)).toEqual({ state: 'scheduled', due_at: morning, deferred_for_quiet_hours: true });

    clock.set(morning);
    await sender.pass();
    expect(await outbox('notification.requested', sms.ticketId)).toHaveLength(1);
    expect((await survey(sms.surveyId)).state).toBe('sent');
    clock.set(new Date('2026-11-24T15:00:00Z'));
  });

  it('moves a phone attempt nobody took before the night to the night\'s end, queued again', async () => {
    const phone = await callback('phone', new Date('2026-11-24T12:00:00Z'), new Date('2026-12-01T00:00:00Z'));
    await sender.pass();
    expect(await survey(phone.surveyId)).toMatchObject({ due_at: morning, deferred_for_quiet_hours: true });
    const queued = await outbox('callback.queued', phone.ticketId);
    expect(queued.map((q) => q.data)).toEqual([expect.objectContaining({ surveyId: phone.surveyId, attempt: 1, dueAt: morning.toISOString(), deferredForQuietHours: true })]);
    expect(await outbox('notification.requested', phone.ticketId)).toHaveLength(0);

    await sender.pass(); // nothing more to move
    expect(await outbox('callback.queued', phone.ticketId)).toHaveLength(1);
  });

  it('closes a callback still open at the end of its validity window as unreachable, with its fact', async () => {
    const closesAt = new Date(clock.now().getTime() - HOUR);
    const late = await callback('sms', new Date(closesAt.getTime() - 7 * 24 * HOUR + HOUR), closesAt);
    await sender.pass();
    expect((await survey(late.surveyId)).state).toBe('unreachable');
    expect((await outbox('survey.unreachable', late.ticketId)).map((e) => e.data)).toEqual([
      { surveyId: late.surveyId, ticketId: late.ticketId, region: 'hangzhou', attempts: 0, reason: 'validity-window-elapsed', closedAt: closesAt.toISOString() },
    ]);
    expect((await outbox('callback.closed', late.ticketId)).map((e) => e.data)).toEqual([expect.objectContaining({ status: 'unreachable', attemptsMade: 0, channel: 'sms', perQuestion: [] })]);
  });
});
