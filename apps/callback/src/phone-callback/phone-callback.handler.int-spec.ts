import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { makeEvent, type CallbackClaim, type CallbackRecordOutcome, type Envelope } from '@switchboard/contracts';
import { enqueueEvents, newTraceparent, type HandlerContext } from '@switchboard/messaging';
import { ManualClock } from '@switchboard/persistence';
import { createTestSchema } from '@switchboard/testing';
import { AnswerSurveyHandler } from '../answer-survey/answer-survey.handler';
import { loadCallbackConfig } from '../callback.config';
import { callbackMigrations } from '../persistence/migrations';
import { PhoneCallbackHandler } from './phone-callback.handler';

const HOUR = 3_600_000;

/**
 * The phone callback handler on real PostgreSQL, each command in its own transaction with the
 * outbox (as the consumer runs it), the clock in Hangzhou (UTC+8, quiet hours 21:00–08:00).
 */
describe('phone callbacks at the edges of the policy (PostgreSQL)', () => {
  let db: { dataSource: DataSource; close: () => Promise<void> };
  const clock = new ManualClock('2026-11-24T15:00:00Z'); // 23:00 in Hangzhou
  const config = loadCallbackConfig({ CALLBACK_PHONE_KINDS: 'complaint' });
  let handler: PhoneCallbackHandler;

  beforeAll(async () => {
    db = await createTestSchema('callback_phone', callbackMigrations.slice(1));
    handler = new PhoneCallbackHandler(config, clock, new AnswerSurveyHandler(config, clock));
  });

  afterAll(() => db.close());

  /** Runs a command the way the consumer does: one transaction, events into the outbox. */
  function run(fn: (ctx: HandlerContext) => Promise<void>): Promise<void> {
    return db.dataSource.transaction(async (manager) => {
      const ctx: HandlerContext = {
        manager,
        message: { topic: 'callback.commands.v1', partition: 0, offset: '0', key: null, headers: {} },
        trace: { traceparent: newTraceparent() },
        emit: (...events) => enqueueEvents(manager, events),
        afterCommit: () => undefined,
      };
      await fn(ctx);
    });
  }

  async function phoneCallback(resolvedAt: Date, dueAt: Date): Promise<{ ticketId: string; surveyId: string }> {
    const ticketId = randomUUID();
    const surveyId = randomUUID();
    await db.dataSource.query(
      `INSERT INTO surveys (id, ticket_id, region, channel, questionnaire, completed_at, due_at, closes_at, resolution_key, attempt)
       VALUES ($1, $2, 'hangzhou', 'phone', 'telecom-4q.v1', $3, $4, $5, $6, 1)`,
      [surveyId, ticketId, resolvedAt, dueAt, new Date(resolvedAt.getTime() + config.policy.validityMs), `test/${surveyId}`],
    );
    return { ticketId, surveyId };
  }

  const claim = (surveyId: string, agent = 'callback/hz/01') =>
    makeEvent('callback.claim', { surveyId, agent, at: clock.now().toISOString() }, { source: 'test/phone', subject: surveyId, time: clock.now() }) as Envelope<'callback.claim', CallbackClaim>;
  const noAnswer = (surveyId: string, agent = 'callback/hz/01') =>
    makeEvent('callback.record-outcome', { surveyId, agent, outcome: 'no-answer', at: clock.now().toISOString() }, { source: 'test/phone', subject: surveyId, time: clock.now() }) as Envelope<
      'callback.record-outcome',
      CallbackRecordOutcome
    >;
  const outbox = async (type: string, subject: string) =>
    (await db.dataSource.query<{ data: Record<string, unknown> }[]>(`SELECT convert_from(payload, 'UTF8')::jsonb -> 'data' AS data FROM outbox WHERE event_type = $1 AND message_key = $2 ORDER BY seq`, [type, subject])).map(
      (r) => r.data,
    );

  it('refuses a claim in the customer\'s night and queues the attempt again for the morning', async () => {
    clock.set('2026-11-24T15:00:00Z');
    const cb = await phoneCallback(new Date('2026-11-24T11:00:00Z'), new Date('2026-11-24T12:00:00Z')); // due 20:00, still waiting at 23:00
    const command = claim(cb.surveyId);
    await run((ctx) => handler.claim(command, ctx));

    expect(await outbox('callback.claimed', cb.ticketId)).toHaveLength(0);
    expect(await outbox('callback.queued', cb.ticketId)).toEqual([expect.objectContaining({ attempt: 1, dueAt: '2026-11-25T00:00:00.000Z', deferredForQuietHours: true })]);
    expect(await outbox('command.rejected', cb.surveyId)).toEqual([expect.objectContaining({ commandId: command.id, code: 'CALLBACK.NOT_DUE', ticketId: cb.ticketId })]);

    clock.set('2026-11-25T00:30:00Z'); // 08:30: the agent may call
    await run((ctx) => handler.claim(claim(cb.surveyId), ctx));
    expect(await outbox('callback.claimed', cb.ticketId)).toEqual([expect.objectContaining({ agent: 'callback/hz/01', attempt: 1 })]);
  });

  it('retries a no-answer after the spacing, pushed out of the night, and closes it unreachable when the next try would fall after the window', async () => {
    clock.set('2026-11-24T12:30:00Z'); // 20:30
    const cb = await phoneCallback(new Date('2026-11-24T11:00:00Z'), new Date('2026-11-24T12:00:00Z'));
    await run((ctx) => handler.claim(claim(cb.surveyId), ctx));
    await run((ctx) => handler.recordOutcome(noAnswer(cb.surveyId), ctx));
    // 20:30 + 2 h = 22:30, in the night: the next attempt is at 08:00.
    expect((await outbox('callback.queued', cb.ticketId)).at(-1)).toMatchObject({ attempt: 2, dueAt: '2026-11-25T00:00:00.000Z', deferredForQuietHours: true });
    expect(await outbox('callback.no-answer', cb.ticketId)).toEqual([expect.objectContaining({ attempt: 1, next: 'retry' })]);

    // The second try, on the last morning of the window: the third would fall after it closes.
    clock.set(new Date(new Date('2026-11-24T11:00:00Z').getTime() + config.policy.validityMs - HOUR));
    await run((ctx) => handler.claim(claim(cb.surveyId), ctx));
    await run((ctx) => handler.recordOutcome(noAnswer(cb.surveyId), ctx));
    expect(await outbox('survey.unreachable', cb.ticketId)).toEqual([expect.objectContaining({ attempts: 2, reason: 'validity-window-elapsed' })]);
    expect(await outbox('callback.closed', cb.ticketId)).toEqual([expect.objectContaining({ status: 'unreachable', channel: 'phone', attemptsMade: 2 })]);

    const late = claim(cb.surveyId);
    await run((ctx) => handler.claim(late, ctx));
    expect(await outbox('command.rejected', cb.surveyId)).toEqual([expect.objectContaining({ commandId: late.id, code: 'SURVEY.CLOSED' })]);
  });
});
