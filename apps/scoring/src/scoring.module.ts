import { Module } from '@nestjs/common';
import { PlatformModule } from '@switchboard/platform';
import { CountKpisHandler } from './count-kpis/count-kpis.handler';
import { CountKpisMessageController } from './count-kpis/count-kpis.message.controller';
import { KpiWindowPublisher } from './kpi-windows/kpi-window-publisher';
import { KpiWindowsHandler } from './kpi-windows/kpi-windows.handler';
import { KPI_WINDOWS_CONFIG, loadKpiWindowsConfig } from './kpi-windows/kpi-windows.config';
import { KpiWindowsMessageController } from './kpi-windows/kpi-windows.message.controller';
import { KpiWindowsRepository } from './kpi-windows/kpi-windows.repository';
import { KpiDailyRepository } from './persistence/kpi-daily.repository';
import { CloseMonthMessageController } from './scorecards/close-month.message.controller';
import { MonthClosePoller } from './scorecards/month-close-poller';
import { ScorecardInputsHandler } from './scorecards/scorecard-inputs.handler';
import { ScorecardInputsMessageController } from './scorecards/scorecard-inputs.message.controller';
import { scorecardsConfigProvider } from './scorecards/scorecards.config';
import { scoringService } from './scoring.service-descriptor';

@Module({
  imports: [PlatformModule.forService(scoringService)],
  controllers: [CountKpisMessageController, KpiWindowsMessageController, ScorecardInputsMessageController, CloseMonthMessageController],
  providers: [
    CountKpisHandler,
    KpiDailyRepository,
    KpiWindowsHandler,
    KpiWindowsRepository,
    KpiWindowPublisher,
    { provide: KPI_WINDOWS_CONFIG, useFactory: () => loadKpiWindowsConfig() },
    ScorecardInputsHandler,
    scorecardsConfigProvider,
    MonthClosePoller,
  ],
})
export class ScoringModule {}
