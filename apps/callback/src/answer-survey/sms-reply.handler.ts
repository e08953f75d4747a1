import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, Topics, type Envelope, type SurveySmsReply, type SurveySubmitAnswers } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { answersFromDigits, findQuestionnaire } from '../domain/questionnaire';
import { UNREADABLE_REPLY_TEMPLATE, unreadableReplyText } from '../domain/survey-invitation';
import { SOURCE } from '../persistence/source';
import { AnswerSurveyHandler } from './answer-survey.handler';

export const SmsReplyErrors = {
  /** No survey of a ticket with that contact number is waiting for an answer. */
  NoOpenSurvey: 'SURVEY.NO_OPEN_SURVEY',
  /** The text is not one digit per question. */
  Unreadable: 'SURVEY_ANSWER.BAD_REPLY',
} as const;

/** The digits of a phone number, with its leading + (how numbers are compared). */
export const phoneDigits = (phone: string): string => phone.replace(/[^0-9+]/g, '');

/**
 * A customer's text reply to an SMS survey (`survey.sms-reply`, from the gateway's inbound SMS
 * webhook): matched to the newest survey waiting for an answer (scheduled or sent) of a ticket
 * whose contact is that number, read as one digit per question of the survey's questionnaire,
 * and answered like any other answer (scored, the unsatisfied loop). A reply from a number no
 * survey waits for is refused (`command.rejected`, SURVEY.NO_OPEN_SURVEY); an unreadable one is
 * refused in the ticket's timeline and the customer is asked again by SMS, the survey staying open.
 */
@Injectable()
export class SmsReplyHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly answers: AnswerSurveyHandler,
  ) {}

  async handle(command: Envelope<'survey.sms-reply', SurveySmsReply>, ctx: HandlerContext): Promise<void> {
    const { from, text, receivedAt } = command.data;
    const [survey] = await ctx.manager.query<{ id: string; ticket_id: string; questionnaire: string; contact_phone: string }[]>(
      `SELECT s.id, s.ticket_id, s.questionnaire, t.contact_phone FROM surveys s JOIN tickets t ON t.ticket_id = s.ticket_id
        WHERE regexp_replace(t.contact_phone, '[^0-9+]', '', 'g') = $1 AND s.state IN ('scheduled', 'sent') AND s.channel = 'sms'
        ORDER BY s.due_at DESC, s.id LIMIT 1`,
      [phoneDigits(from)],
    );
    if (!survey) return this.reject(command, ctx, SmsReplyErrors.NoOpenSurvey, 'no SMS survey is waiting for an answer from this number');
    const definition = findQuestionnaire(survey.questionnaire);
    const read = definition ? answersFromDigits(definition, text) : undefined;
    if (!definition || !read || !read.ok) {
      const reason = read && !read.ok ? read.errors.map((e) => e.reason).join('; ') : `the survey's questionnaire ${survey.questionnaire} is not known here`;
      await this.reject(command, ctx, SmsReplyErrors.Unreadable, reason, survey.ticket_id);
      await ctx.emit({
        envelope: makeEvent(
          'notification.requested',
          {
            notificationId: randomUUID(),
            ticketId: survey.ticket_id,
            channel: 'sms',
            to: survey.contact_phone,
            template: UNREADABLE_REPLY_TEMPLATE,
            text: unreadableReplyText(definition),
            data: { surveyId: survey.id },
          },
          { source: SOURCE, subject: survey.ticket_id, time: this.clock.now(), correlationId: command.correlationId ?? command.id, causationId: command.id },
        ),
      });
      return;
    }
    const answers: SurveySubmitAnswers = { surveyId: survey.id, questionnaire: survey.questionnaire, answers: read.answers, at: receivedAt };
    // Answered as if submitted: the same checks, scoring and loop; its cause is this reply.
    await this.answers.handle({ ...command, type: 'survey.submit-answers', subject: survey.id, data: answers }, ctx);
  }

  private async reject(command: Envelope<'survey.sms-reply', SurveySmsReply>, ctx: HandlerContext, code: string, message: string, ticketId?: string): Promise<void> {
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
