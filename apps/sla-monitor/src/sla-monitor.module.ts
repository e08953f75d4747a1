import { Module } from '@nestjs/common';
import { PlatformModule } from '@switchboard/platform';
import { slaMonitorService } from './sla-monitor.service-descriptor';

@Module({
  imports: [PlatformModule.forService(slaMonitorService)],
})
export class SlaMonitorModule {}
