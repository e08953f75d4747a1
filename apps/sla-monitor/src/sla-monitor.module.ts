import { Module } from '@nestjs/common';
import { PlatformModule } from '@switchboard/platform';
import { AlertPoller } from './alerts/alert-poller';
import { TimerReconciler } from './alerts/timer-reconciler';
import { PauseClocksHandler } from './pause-clocks/pause-clocks.handler';
import { PauseClocksMessageController } from './pause-clocks/pause-clocks.message.controller';
import { DefaultPoliciesPublisher } from './policies/default-policies.publisher';
import { DefinePolicyHandler } from './policies/define-policy.handler';
import { DefinePolicyMessageController } from './policies/define-policy.message.controller';
import { PolicyReattacher } from './policies/policy-reattacher';
import { slaMonitorConfigProvider } from './sla-monitor.config';
import { slaMonitorService } from './sla-monitor.service-descriptor';
import { StartClocksHandler } from './start-clocks/start-clocks.handler';
import { StartClocksMessageController } from './start-clocks/start-clocks.message.controller';
import { ClockStopper } from './stop-clocks/clock-stopper';
import { StopClocksMessageController } from './stop-clocks/stop-clocks.message.controller';
import { TimerIndex } from './timers/timer-index';

@Module({
  imports: [PlatformModule.forService(slaMonitorService)],
  controllers: [StartClocksMessageController, StopClocksMessageController, PauseClocksMessageController, DefinePolicyMessageController],
  providers: [slaMonitorConfigProvider, TimerIndex, ClockStopper, StartClocksHandler, AlertPoller, TimerReconciler, PauseClocksHandler, DefinePolicyHandler, DefaultPoliciesPublisher, PolicyReattacher],
})
export class SlaMonitorModule {}
