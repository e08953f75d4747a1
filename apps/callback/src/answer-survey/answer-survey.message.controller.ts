import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, SurveyAnswer, SurveyEmailReply, SurveySmsReply, SurveySubmitAnswers } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { AnswerSurveyHandler } from './answer-survey.handler';
import { TextReplyHandler } from './text-reply.handler';

@Controller()
export class AnswerSurveyMessageController {
  constructor(
    private readonly handler: AnswerSurveyHandler,
    private readonly textReplies: TextReplyHandler,
  ) {}

  @OnEvent('survey.answer')
  async onAnswer(@Payload() command: Envelope<'survey.answer', SurveyAnswer>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.handle(command, ctx);
  }

  /** The questionnaire-neutral version (ADR 0018): answers checked against the survey's questionnaire. */
  @OnEvent('survey.submit-answers')
  async onSubmitAnswers(@Payload() command: Envelope<'survey.submit-answers', SurveySubmitAnswers>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.handle(command, ctx);
  }

  /** A text reply from the SMS provider's inbound webhook: matched to the number's open survey, read digit by digit. */
  @OnEvent('survey.sms-reply')
  async onSmsReply(@Payload() command: Envelope<'survey.sms-reply', SurveySmsReply>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.textReplies.sms(command, ctx);
  }

  /** A reply to an email survey from the inbound email webhook: matched to the address's open email survey, its first own line read digit by digit. */
  @OnEvent('survey.email-reply')
  async onEmailReply(@Payload() command: Envelope<'survey.email-reply', SurveyEmailReply>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.textReplies.email(command, ctx);
  }
}
