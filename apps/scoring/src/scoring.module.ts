import { Module } from '@nestjs/common';
import { PlatformModule } from '@switchboard/platform';
import { CountKpisHandler } from './count-kpis/count-kpis.handler';
import { CountKpisMessageController } from './count-kpis/count-kpis.message.controller';
import { KpiDailyRepository } from './persistence/kpi-daily.repository';
import { CloseMonthMessageController } from './scorecards/close-month.message.controller';
import { MonthClosePoller } from './scorecards/month-close-poller';
import { ScorecardInputsHandler } from './scorecards/scorecard-inputs.handler';
import { ScorecardInputsMessageController } from './scorecards/scorecard-inputs.message.controller';
import { scorecardsConfigProvider } from './scorecards/scorecards.config';
import { scoringService } from './scoring.service-descriptor';

@Module({
  imports: [PlatformModule.forService(scoringService)],
  controllers: [CountKpisMessageController, ScorecardInputsMessageController, CloseMonthMessageController],
  providers: [CountKpisHandler, KpiDailyRepository, ScorecardInputsHandler, scorecardsConfigProvider, MonthClosePoller],
})
export class ScoringModule {}
