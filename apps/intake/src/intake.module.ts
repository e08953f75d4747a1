import { Module } from '@nestjs/common';
import { PlatformModule } from '@switchboard/platform';
import { intakeService } from './intake.service-descriptor';

@Module({
  imports: [PlatformModule.forService(intakeService)],
})
export class IntakeModule {}
