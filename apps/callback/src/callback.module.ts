import { Module } from '@nestjs/common';
import { PlatformModule } from '@switchboard/platform';
import { AnswerSurveyHandler } from './answer-survey/answer-survey.handler';
import { TextReplyHandler } from './answer-survey/text-reply.handler';
import { CustomerPreferencesMessageController } from './customer-preferences/customer-preferences.message.controller';
import { AnswerSurveyMessageController } from './answer-survey/answer-survey.message.controller';
import { callbackConfigProvider } from './callback.config';
import { callbackService } from './callback.service-descriptor';
import { PhoneCallbackHandler } from './phone-callback/phone-callback.handler';
import { PhoneCallbackMessageController } from './phone-callback/phone-callback.message.controller';
import { ScheduleCallbackHandler } from './schedule-survey/schedule-callback.handler';
import { ScheduleSurveyMessageController } from './schedule-survey/schedule-survey.message.controller';
import { SurveySender } from './send-survey/survey-sender';

@Module({
  imports: [PlatformModule.forService(callbackService)],
  controllers: [ScheduleSurveyMessageController, AnswerSurveyMessageController, PhoneCallbackMessageController, CustomerPreferencesMessageController],
  providers: [callbackConfigProvider, ScheduleCallbackHandler, AnswerSurveyHandler, TextReplyHandler, PhoneCallbackHandler, SurveySender],
})
export class CallbackModule {}
