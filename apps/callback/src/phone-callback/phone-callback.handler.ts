import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, Topics, type CallbackClaim, type CallbackRecordOutcome, type Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { AnswerSurveyHandler, SurveyErrors } from '../answer-survey/answer-survey.handler';
import { CALLBACK_CONFIG, type CallbackConfig } from '../callback.config';
import { afterNoAnswer, isInQuietHours, outsideQuietHours } from '../domain/callback-policy';
import { callbackClosedFact } from '../figures/callback-closed.fact';
import { SOURCE } from '../persistence/source';
import { queuedAgain } from './callback-queued.event';

export const PhoneCallbackErrors = {
  /** The survey goes out by SMS: it is not in the agents' queue. */
  NotPhone: 'CALLBACK.NOT_PHONE',
  /** The attempt is not due yet (the delay, or the customer's night). */
  NotDue: 'CALLBACK.NOT_DUE',
  AlreadyClaimed: 'CALLBACK.ALREADY_CLAIMED',
  /** An outcome from an agent who does not hold the callback. */
  NotClaimed: 'CALLBACK.NOT_CLAIMED',
} as const;

interface CallbackRow {
  id: string;
  ticket_id: string;
  region: string;
  channel: string;
  state: 'scheduled' | 'sent' | 'answered' | 'unreachable';
  questionnaire: string;
  due_at: Date;
  closes_at: Date;
  completed_at: Date;
  time_zone: string;
  attempts_made: number;
  claimed_by: string | null;
  correlation_id: string | null;
  attempt: number;
  resolution: string;
}

type Command = Envelope<'callback.claim', CallbackClaim> | Envelope<'callback.record-outcome', CallbackRecordOutcome>;

/**
 * Phone callbacks as the agents' work queue (issue 7): a due attempt is claimed by one agent, who
 * records how the call went — the customer's answers (scored like any survey answer, then the
 * unsatisfied loop), or no answer, after which the callback policy retries (`callback.queued`,
 * retry spacing, never at night) or closes the callback unreachable at the attempt limit or the
 * validity window's end. Refusals are `command.rejected` on `callback.surveys.v1`.
 */
@Injectable()
export class PhoneCallbackHandler {
  constructor(
    @Inject(CALLBACK_CONFIG) private readonly config: CallbackConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly answers: AnswerSurveyHandler,
  ) {}

  async claim(command: Envelope<'callback.claim', CallbackClaim>, ctx: HandlerContext): Promise<void> {
    const { agent } = command.data;
    const c = await this.open(command, ctx);
    if (!c) return;
    if (c.claimed_by === agent) return; // the same agent again: already theirs
    if (c.claimed_by) return this.reject(command, ctx, PhoneCallbackErrors.AlreadyClaimed, `callback ${c.id} is being made by ${c.claimed_by}`, c.ticket_id);
    const now = this.clock.now();
    if (new Date(c.due_at).getTime() > now.getTime()) {
      return this.reject(command, ctx, PhoneCallbackErrors.NotDue, `callback ${c.id} is due at ${new Date(c.due_at).toISOString()}`, c.ticket_id);
    }
    const { quietHours } = this.config.policy;
    if (isInQuietHours(now, quietHours, c.time_zone)) {
      // Never call at night (ADR 0018): the attempt waits for the end of the customer's night.
      const dueAt = outsideQuietHours(now, quietHours, c.time_zone);
      await ctx.manager.query('UPDATE surveys SET due_at = $2, deferred_for_quiet_hours = true WHERE id = $1', [c.id, dueAt]);
      await ctx.emit(queuedAgain(c, dueAt, this.meta(command, c)));
      return this.reject(command, ctx, PhoneCallbackErrors.NotDue, `it is night for the customer of callback ${c.id}: due again at ${dueAt.toISOString()}`, c.ticket_id);
    }
    await ctx.manager.query('UPDATE surveys SET claimed_by = $2, claimed_at = $3 WHERE id = $1', [c.id, agent, now]);
    await ctx.emit({
      envelope: makeEvent('callback.claimed', { surveyId: c.id, ticketId: c.ticket_id, region: c.region, agent, attempt: c.attempts_made + 1, claimedAt: now.toISOString() }, this.meta(command, c)),
    });
  }

  async recordOutcome(command: Envelope<'callback.record-outcome', CallbackRecordOutcome>, ctx: HandlerContext): Promise<void> {
    const { agent, outcome, at } = command.data;
    const c = await this.open(command, ctx);
    if (!c) return;
    if (c.claimed_by !== agent) {
      return this.reject(command, ctx, PhoneCallbackErrors.NotClaimed, `callback ${c.id} is ${c.claimed_by ? `held by ${c.claimed_by}` : 'not claimed'}; claim it first`, c.ticket_id);
    }
    const attempt = c.attempts_made + 1;
    await ctx.manager.query('UPDATE surveys SET attempts_made = $2, sent_at = coalesce(sent_at, $3) WHERE id = $1', [c.id, attempt, new Date(at)]);
    if (outcome === 'answered') return this.answers.handle(command, ctx);

    const next = afterNoAnswer({ resolvedAt: new Date(c.completed_at), attemptsMade: attempt, lastAttemptAt: new Date(at), channel: 'phone' }, this.config.policy, c.time_zone);
    const meta = this.meta(command, c);
    const noAnswer = {
      envelope: makeEvent(
        'callback.no-answer',
        { surveyId: c.id, ticketId: c.ticket_id, region: c.region, agent, attempt, at, next: next.next === 'retry' ? ('retry' as const) : ('close-unreachable' as const) },
        meta,
      ),
    };
    if (next.next === 'retry') {
      await ctx.manager.query('UPDATE surveys SET due_at = $2, deferred_for_quiet_hours = $3, claimed_by = NULL, claimed_at = NULL WHERE id = $1', [c.id, next.dueAt, next.deferredForQuietHours]);
      return ctx.emit(noAnswer, {
        envelope: makeEvent(
          'callback.queued',
          {
            surveyId: c.id,
            ticketId: c.ticket_id,
            region: c.region,
            questionnaire: c.questionnaire,
            attempt: next.attempt,
            dueAt: next.dueAt.toISOString(),
            closesAt: new Date(c.closes_at).toISOString(),
            deferredForQuietHours: next.deferredForQuietHours,
          },
          meta,
        ),
      });
    }
    await ctx.manager.query(`UPDATE surveys SET state = 'unreachable', closed_at = $2, unreachable_reason = $3 WHERE id = $1`, [c.id, next.closedAt, next.reason]);
    await ctx.emit(noAnswer, {
      envelope: makeEvent(
        'survey.unreachable',
        { surveyId: c.id, ticketId: c.ticket_id, region: c.region, attempts: next.attempts, reason: next.reason, closedAt: next.closedAt.toISOString() },
        meta,
      ),
    }, callbackClosedFact({ ...c, attempts_made: attempt }, { status: 'unreachable', closedAt: next.closedAt }, meta));
  }

  /** The callback the command is about, locked, if it is an open phone callback; else the refusal is emitted. */
  private async open(command: Command, ctx: HandlerContext): Promise<CallbackRow | undefined> {
    const { surveyId } = command.data;
    const rows: CallbackRow[] = await ctx.manager.query(
      `SELECT id, ticket_id, region, channel, state, questionnaire, due_at, closes_at, completed_at, time_zone, attempts_made, claimed_by, correlation_id, attempt, resolution
         FROM surveys WHERE id = $1 FOR UPDATE`,
      [surveyId],
    );
    const c = rows[0];
    if (!c) return void (await this.reject(command, ctx, SurveyErrors.NotFound, `no callback ${surveyId}`));
    if (c.state === 'answered') return void (await this.reject(command, ctx, SurveyErrors.AlreadyAnswered, `callback ${surveyId} has been answered`, c.ticket_id));
    if (c.state === 'unreachable') return void (await this.reject(command, ctx, SurveyErrors.Closed, `callback ${surveyId} closed unanswered`, c.ticket_id));
    if (c.channel !== 'phone') return void (await this.reject(command, ctx, PhoneCallbackErrors.NotPhone, `callback ${surveyId} goes out by ${c.channel}, not through the agents' queue`, c.ticket_id));
    return c;
  }

  private meta(command: Command, c: CallbackRow) {
    return { source: SOURCE, subject: c.ticket_id, time: this.clock.now(), correlationId: command.correlationId ?? c.correlation_id ?? command.id, causationId: command.id };
  }

  private async reject(command: Command, ctx: HandlerContext, code: string, message: string, ticketId?: string): Promise<void> {
    await ctx.emit({
      topic: Topics.CallbackSurveys,
      envelope: makeEvent(
        'command.rejected',
        { commandId: command.id, commandType: command.type, code, message, ...(ticketId ? { ticketId } : {}) },
        { source: SOURCE, subject: command.subject, time: this.clock.now(), correlationId: command.correlationId ?? command.id, causationId: command.id },
      ),
    });
  }
}

