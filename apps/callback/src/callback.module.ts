import { Module } from '@nestjs/common';
import { PlatformModule } from '@switchboard/platform';
import { callbackService } from './callback.service-descriptor';

@Module({
  imports: [PlatformModule.forService(callbackService)],
})
export class CallbackModule {}
