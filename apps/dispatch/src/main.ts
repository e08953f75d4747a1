import { runService } from '@switchboard/platform';
import { DispatchModule } from './dispatch.module';
import { dispatchService } from './dispatch.service-descriptor';

void runService(DispatchModule, dispatchService);
