import { runService } from '@switchboard/platform';
import { GatewayModule } from './gateway.module';
import { gatewayService } from './gateway.service-descriptor';

void runService(GatewayModule, gatewayService);
