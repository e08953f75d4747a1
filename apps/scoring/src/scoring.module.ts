import { Module } from '@nestjs/common';
import { PlatformModule } from '@switchboard/platform';
import { CountKpisHandler } from './count-kpis/count-kpis.handler';
import { CountKpisMessageController } from './count-kpis/count-kpis.message.controller';
import { KpiDailyRepository } from './persistence/kpi-daily.repository';
import { scoringService } from './scoring.service-descriptor';

@Module({
  imports: [PlatformModule.forService(scoringService)],
  controllers: [CountKpisMessageController],
  providers: [CountKpisHandler, KpiDailyRepository],
})
export class ScoringModule {}
