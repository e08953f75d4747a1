import { runService } from '@switchboard/platform';
import { SlaMonitorModule } from './sla-monitor.module';
import { slaMonitorService } from './sla-monitor.service-descriptor';

void runService(SlaMonitorModule, slaMonitorService);
