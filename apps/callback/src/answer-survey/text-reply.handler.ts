import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, Topics, type Envelope, type SurveyEmailReply, type SurveySmsReply, type SurveySubmitAnswers } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { answersFromDigits, findQuestionnaire } from '../domain/questionnaire';
import { answerLineOfEmail, UNREADABLE_REPLY_TEMPLATE, unreadableReplyText } from '../domain/survey-invitation';
import { SOURCE } from '../persistence/source';
import { AnswerSurveyHandler } from './answer-survey.handler';

export const TextReplyErrors = {
  /** No survey of a ticket with that contact number (or address) is waiting for an answer. */
  NoOpenSurvey: 'SURVEY.NO_OPEN_SURVEY',
  /** The text is not one digit per question. */
  Unreadable: 'SURVEY_ANSWER.BAD_REPLY',
} as const;

/** The digits of a phone number, with its leading + (how numbers are compared). */
export const phoneDigits = (phone: string): string => phone.replace(/[^0-9+]/g, '');

interface OpenSurvey {
  id: string;
  ticket_id: string;
  questionnaire: string;
  /** Where the customer is asked again when the reply cannot be read. */
  address: string;
}

type TextReply = Envelope<'survey.sms-reply', SurveySmsReply> | Envelope<'survey.email-reply', SurveyEmailReply>;

/**
 * A customer's text reply to a survey — by SMS (`survey.sms-reply`, the gateway's inbound SMS
 * webhook) or by email (`survey.email-reply`, the inbound email webhook): matched to the newest
 * survey of that channel waiting for an answer (scheduled or sent) of a ticket whose contact is
 * that number or address, read as one digit per question of the survey's questionnaire (an
 * email's first own line), and answered like any other answer (scored, the unsatisfied loop). A
 * reply no survey waits for is refused (`command.rejected`, SURVEY.NO_OPEN_SURVEY); an unreadable
 * one is refused in the ticket's timeline and the customer is asked again on the same channel,
 * the survey staying open.
 */
@Injectable()
export class TextReplyHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly answers: AnswerSurveyHandler,
  ) {}

  async sms(command: Envelope<'survey.sms-reply', SurveySmsReply>, ctx: HandlerContext): Promise<void> {
    const { from, text, receivedAt } = command.data;
    const [survey] = await ctx.manager.query<OpenSurvey[]>(
      `SELECT s.id, s.ticket_id, s.questionnaire, t.contact_phone AS address FROM surveys s JOIN tickets t ON t.ticket_id = s.ticket_id
        WHERE regexp_replace(t.contact_phone, '[^0-9+]', '', 'g') = $1 AND s.state IN ('scheduled', 'sent') AND s.channel = 'sms'
        ORDER BY s.due_at DESC, s.id LIMIT 1`,
      [phoneDigits(from)],
    );
    if (!survey) return this.reject(command, ctx, TextReplyErrors.NoOpenSurvey, 'no SMS survey is waiting for an answer from this number');
    await this.answer(command, ctx, survey, 'sms', text, receivedAt);
  }

  async email(command: Envelope<'survey.email-reply', SurveyEmailReply>, ctx: HandlerContext): Promise<void> {
    const { from, text, receivedAt } = command.data;
    const [survey] = await ctx.manager.query<OpenSurvey[]>(
      `SELECT s.id, s.ticket_id, s.questionnaire, p.email AS address
         FROM surveys s JOIN tickets t ON t.ticket_id = s.ticket_id JOIN customer_preferences p ON p.customer_id = t.customer_id
        WHERE lower(p.email) = lower($1) AND s.state IN ('scheduled', 'sent') AND s.channel = 'email'
        ORDER BY s.due_at DESC, s.id LIMIT 1`,
      [from],
    );
    if (!survey) return this.reject(command, ctx, TextReplyErrors.NoOpenSurvey, 'no email survey is waiting for an answer from this address');
    await this.answer(command, ctx, survey, 'email', answerLineOfEmail(text) ?? '', receivedAt);
  }

  private async answer(command: TextReply, ctx: HandlerContext, survey: OpenSurvey, channel: 'sms' | 'email', digits: string, receivedAt: string): Promise<void> {
    const definition = findQuestionnaire(survey.questionnaire);
    const read = definition ? answersFromDigits(definition, digits) : undefined;
    if (!definition || !read || !read.ok) {
      const reason = read && !read.ok ? read.errors.map((e) => e.reason).join('; ') : `the survey's questionnaire ${survey.questionnaire} is not known here`;
      await this.reject(command, ctx, TextReplyErrors.Unreadable, reason, survey.ticket_id);
      await ctx.emit({
        envelope: makeEvent(
          'notification.requested',
          {
            notificationId: randomUUID(),
            ticketId: survey.ticket_id,
            channel,
            to: survey.address,
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

  private async reject(command: TextReply, ctx: HandlerContext, code: string, message: string, ticketId?: string): Promise<void> {
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
