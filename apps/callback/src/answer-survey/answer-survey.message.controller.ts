import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, SurveyAnswer, SurveySubmitAnswers } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { AnswerSurveyHandler } from './answer-survey.handler';

@Controller()
export class AnswerSurveyMessageController {
  constructor(private readonly handler: AnswerSurveyHandler) {}

  @OnEvent('survey.answer')
  async onAnswer(@Payload() command: Envelope<'survey.answer', SurveyAnswer>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.handle(command, ctx);
  }

  /** The questionnaire-neutral version (ADR 0018): answers checked against the survey's questionnaire. */
  @OnEvent('survey.submit-answers')
  async onSubmitAnswers(@Payload() command: Envelope<'survey.submit-answers', SurveySubmitAnswers>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.handle(command, ctx);
  }
}
