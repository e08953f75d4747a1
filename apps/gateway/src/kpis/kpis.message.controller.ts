import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, KpiWindowUpdated } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { projectKpiWindow } from './kpis.projection';

/** Keeps the KPI windows behind `GET /v1/kpis` up to date (scoring.kpis.v3). */
@Controller()
export class KpisMessageController {
  @OnEvent('kpi.window-updated')
  async apply(@Payload() event: Envelope<'kpi.window-updated', KpiWindowUpdated>, @Ctx() ctx: HandlerContext): Promise<void> {
    await projectKpiWindow(ctx.manager, event);
  }
}
