import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, Topics, type CallbackRecordOutcome, type Envelope, type SurveyAnswer, type SurveyCompleted, type SurveySubmitAnswers } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { CALLBACK_CONFIG, type CallbackConfig } from '../callback.config';
import { type AnswerError, scoreQuestionnaire } from '../domain/questionnaire';
import { decideAfterCallback } from '../domain/unsatisfied-loop';
import { callbackClosedFact } from '../figures/callback-closed.fact';
import { SOURCE } from '../persistence/source';

export const SurveyErrors = {
  NotFound: 'SURVEY.NOT_FOUND',
  AlreadyAnswered: 'SURVEY.ALREADY_ANSWERED',
  /** The callback closed unanswered (its validity window ended): the loop ended unconfirmed. */
  Closed: 'SURVEY.CLOSED',
} as const;

/**
 * Answers that cannot be scored by the survey's questionnaire: thrown, so the command goes to
 * `callback.commands.v1.dlq` with every reason (`SURVEY_ANSWER.OUT_OF_RANGE: technicalLevel takes 1 to 5, got 6; …`).
 */
export class SurveyAnswersInvalid extends Error {
  readonly code: string;

  constructor(
    readonly surveyId: string,
    readonly errors: readonly AnswerError[],
  ) {
    super(`survey ${surveyId}: ${errors.map((e) => `${e.field ? `${e.field}: ` : ''}${e.code} ${e.reason}`).join('; ')}`);
    this.code = errors[0]?.code ?? 'SURVEY_ANSWER.INVALID';
  }
}

interface SurveyRow {
  id: string;
  ticket_id: string;
  region: string;
  state: 'scheduled' | 'sent' | 'answered' | 'unreachable';
  questionnaire: string;
  correlation_id: string | null;
  attempt: number;
  latest_attempt: number;
  owner: string | null;
  resolution: string;
  completed_at: Date;
  channel: string;
  attempts_made: number;
}

/** The customer's answers: by SMS or the web (`survey.answer`, `survey.submit-answers`) or taken by an agent on the phone. */
type AnswerCommand = Envelope<'survey.answer', SurveyAnswer> | Envelope<'survey.submit-answers', SurveySubmitAnswers> | Envelope<'callback.record-outcome', CallbackRecordOutcome>;

/**
 * Records the customer's answers once (a customer may answer before the survey is sent), scores
 * them by the questionnaire the survey was sent with (domain/questionnaire.ts, ADR 0018) and emits
 * `survey.completed`; the unsatisfied loop (domain/unsatisfied-loop.ts) then reopens the ticket
 * (`survey.unsatisfied`) or, at the attempt limit, hands it to management
 * (`ticket.escalated-to-management`). A refusal is a `command.rejected`; answers the questionnaire
 * cannot score are dead-lettered with their reasons.
 */
@Injectable()
export class AnswerSurveyHandler {
  constructor(
    @Inject(CALLBACK_CONFIG) private readonly config: CallbackConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(command: AnswerCommand, ctx: HandlerContext): Promise<void> {
    const { surveyId, comment, at } = command.data;
    const given = command.data.answers ?? {};
    const rows: SurveyRow[] = await ctx.manager.query(
      `SELECT s.id, s.ticket_id, s.region, s.state, s.questionnaire, s.correlation_id, s.attempt, t.owner, s.resolution, s.completed_at, s.channel, s.attempts_made,
              (SELECT max(attempt) FROM surveys l WHERE l.ticket_id = s.ticket_id)::int AS latest_attempt
         FROM surveys s LEFT JOIN tickets t ON t.ticket_id = s.ticket_id
        WHERE s.id = $1 FOR UPDATE OF s`,
      [surveyId],
    );
    const survey = rows[0];
    if (!survey) return this.reject(command, ctx, SurveyErrors.NotFound, `no survey ${surveyId}`);
    if (survey.state === 'answered') return this.reject(command, ctx, SurveyErrors.AlreadyAnswered, `survey ${surveyId} has already been answered`, survey.ticket_id);
    if (survey.state === 'unreachable') return this.reject(command, ctx, SurveyErrors.Closed, `survey ${surveyId} closed unanswered; it takes no answers`, survey.ticket_id);
    if (command.type === 'survey.submit-answers' && command.data.questionnaire !== survey.questionnaire) {
      throw new SurveyAnswersInvalid(surveyId, [{ field: '', code: 'SURVEY_ANSWER.WRONG_QUESTIONNAIRE', reason: `the survey asks ${survey.questionnaire}, the answers are to ${command.data.questionnaire}` }]);
    }
    const definition = this.config.questionnaires[survey.questionnaire];
    if (!definition) throw new SurveyAnswersInvalid(surveyId, [{ field: '', code: 'SURVEY_ANSWER.UNKNOWN_QUESTIONNAIRE', reason: `no questionnaire ${survey.questionnaire} is in force` }]);
    const scored = scoreQuestionnaire(definition, given);
    if (!scored.ok) throw new SurveyAnswersInvalid(surveyId, scored.errors);
    const { score, verdict, grade } = scored.result;
    const answers = scored.result.perQuestion.length > 0 ? Object.fromEntries(scored.result.perQuestion.map((q) => [q.questionId, q.value])) : {};
    const completedAt = new Date(at);
    await ctx.manager.query(
      `UPDATE surveys SET state = 'answered', answers = $2::jsonb, comment = $3, score = $4, verdict = $5, answered_at = $6, grade = $7, result = $8::jsonb WHERE id = $1`,
      [survey.id, JSON.stringify(given), comment ?? null, score, verdict, completedAt, grade, JSON.stringify({ perQuestion: scored.result.perQuestion, perPart: scored.result.perPart, comments: scored.result.comments })],
    );
    const meta = { source: SOURCE, subject: survey.ticket_id, time: this.clock.now(), correlationId: command.correlationId ?? survey.correlation_id ?? command.id, causationId: command.id };
    const decision = decideAfterCallback(
      { ticketId: survey.ticket_id, owner: survey.owner ?? 'unknown', latestAttempt: survey.latest_attempt },
      { kind: 'answered', attempt: survey.attempt, verdict, score },
      this.config.attemptLimit,
    );
    const completed = {
      envelope: makeEvent(
        'survey.completed',
        // survey.completed v1 carries the telecom survey's four answers; the telecom questionnaire is the only one surveys are sent with.
        { surveyId: survey.id, ticketId: survey.ticket_id, region: survey.region, answers: answers as SurveyCompleted['answers'], score, verdict, completedAt: completedAt.toISOString() },
        meta,
      ),
    };
    const followUp = decision.next === 'reopen' ? 'reopened' : decision.next === 'escalate-to-management' ? 'escalated' : 'closed';
    const fact = callbackClosedFact(survey, { status: 'answered', closedAt: completedAt, result: scored.result, followUp }, meta);
    switch (decision.next) {
      case 'close':
      case 'ignore':
        return ctx.emit(completed, fact);
      case 'reopen':
        // The unsatisfied loop (domain.md §5): handled again by the same owner.
        return ctx.emit(completed, fact, {
          envelope: makeEvent('survey.unsatisfied', { surveyId: survey.id, ticketId: survey.ticket_id, region: survey.region, attempt: decision.attempt, score, at: completedAt.toISOString() }, meta),
        });
      case 'escalate-to-management':
        return ctx.emit(completed, fact, {
          envelope: makeEvent(
            'ticket.escalated-to-management',
            { ticketId: survey.ticket_id, region: survey.region, attempts: decision.attempts, reason: decision.reason, surveyId: survey.id, score, at: completedAt.toISOString() },
            meta,
          ),
        });
    }
  }

  private async reject(command: AnswerCommand, ctx: HandlerContext, code: string, message: string, ticketId?: string): Promise<void> {
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
