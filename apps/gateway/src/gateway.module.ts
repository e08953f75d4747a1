import { Module } from '@nestjs/common';
import { PlatformModule } from '@switchboard/platform';
import { gatewayService } from './gateway.service-descriptor';

@Module({
  imports: [PlatformModule.forService(gatewayService)],
})
export class GatewayModule {}
