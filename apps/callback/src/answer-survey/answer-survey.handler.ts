import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, Topics, type Envelope, type SurveyAnswer } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { CALLBACK_CONFIG, type CallbackConfig } from '../callback.config';
import { SOURCE } from '../persistence/source';

export const SurveyErrors = {
  NotFound: 'SURVEY.NOT_FOUND',
  AlreadyAnswered: 'SURVEY.ALREADY_ANSWERED',
  /** The callback closed unanswered (its validity window ended): the loop ended unconfirmed. */
  Closed: 'SURVEY.CLOSED',
} as const;

interface SurveyRow {
  id: string;
  ticket_id: string;
  region: string;
  state: 'scheduled' | 'sent' | 'answered' | 'unreachable';
  correlation_id: string | null;
  attempt: number;
}

/**
 * Records the customer's answers once (a customer may answer before the survey is sent), scores
 * them (domain.md §6) and emits `survey.completed`; an unsatisfied one is followed by
 * `survey.unsatisfied`, or `ticket.escalated-to-management` at the attempt limit. A refusal is a
 * `command.rejected`.
 */
@Injectable()
export class AnswerSurveyHandler {
  constructor(
    @Inject(CALLBACK_CONFIG) private readonly config: CallbackConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(command: Envelope<'survey.answer', SurveyAnswer>, ctx: HandlerContext): Promise<void> {
    const { surveyId, answers, comment, at } = command.data;
    const rows: SurveyRow[] = await ctx.manager.query('SELECT id, ticket_id, region, state, correlation_id, attempt FROM surveys WHERE id = $1 FOR UPDATE', [surveyId]);
    const survey = rows[0];
    if (!survey) return this.reject(command, ctx, SurveyErrors.NotFound, `no survey ${surveyId}`);
    if (survey.state === 'answered') return this.reject(command, ctx, SurveyErrors.AlreadyAnswered, `survey ${surveyId} has already been answered`, survey.ticket_id);
    if (survey.state === 'unreachable') return this.reject(command, ctx, SurveyErrors.Closed, `survey ${surveyId} closed unanswered; it takes no answers`, survey.ticket_id);
    const { score, verdict } = this.config.scoring.score(answers);
    const completedAt = new Date(at);
    await ctx.manager.query(
      `UPDATE surveys SET state = 'answered', answers = $2::jsonb, comment = $3, score = $4, verdict = $5, answered_at = $6 WHERE id = $1`,
      [survey.id, JSON.stringify(answers), comment ?? null, score, verdict, completedAt],
    );
    const meta = { source: SOURCE, subject: survey.ticket_id, time: this.clock.now(), correlationId: command.correlationId ?? survey.correlation_id ?? command.id, causationId: command.id };
    const completed = { envelope: makeEvent('survey.completed', { surveyId: survey.id, ticketId: survey.ticket_id, region: survey.region, answers, score, verdict, completedAt: completedAt.toISOString() }, meta) };
    if (verdict === 'satisfied') return ctx.emit(completed);
    // The unsatisfied loop (domain.md §5): handled again, or — at the attempt limit — up to management.
    const outcome = this.config.attemptLimit.afterUnsatisfied(survey.attempt);
    await ctx.emit(
      completed,
      outcome.next === 'reopen'
        ? { envelope: makeEvent('survey.unsatisfied', { surveyId: survey.id, ticketId: survey.ticket_id, region: survey.region, attempt: outcome.attempt, score, at: completedAt.toISOString() }, meta) }
        : {
            envelope: makeEvent(
              'ticket.escalated-to-management',
              { ticketId: survey.ticket_id, region: survey.region, attempts: outcome.attempts, reason: 'callback-attempts-exhausted', surveyId: survey.id, score, at: completedAt.toISOString() },
              meta,
            ),
          },
    );
  }

  private async reject(command: Envelope<'survey.answer', SurveyAnswer>, ctx: HandlerContext, code: string, message: string, ticketId?: string): Promise<void> {
    await ctx.emit({
      // The registry puts command.rejected on dispatch's topic; a survey's refusals belong with its surveys.
      topic: Topics.CallbackSurveys,
      envelope: makeEvent(
        'command.rejected',
        { commandId: command.id, commandType: command.type, code, message, ...(ticketId ? { ticketId } : {}) },
        { source: SOURCE, subject: command.subject, time: this.clock.now(), correlationId: command.correlationId ?? command.id, causationId: command.id },
      ),
    });
  }
}
