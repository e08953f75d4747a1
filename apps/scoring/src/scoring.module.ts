import { Module } from '@nestjs/common';
import { PlatformModule } from '@switchboard/platform';
import { scoringService } from './scoring.service-descriptor';

@Module({
  imports: [PlatformModule.forService(scoringService)],
})
export class ScoringModule {}
