import { Module } from '@nestjs/common';
import { PlatformModule } from '@switchboard/platform';
import { dispatchService } from './dispatch.service-descriptor';

@Module({
  imports: [PlatformModule.forService(dispatchService)],
})
export class DispatchModule {}
