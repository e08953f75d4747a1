import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { AreasImport, CellsImport, Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { ImportReferenceDataHandler } from './import-reference-data.handler';

/** Kafka ingress on `intake.commands.v1`: the operator's geography and radio cells, from the gateway's CSV imports. */
@Controller()
export class ImportReferenceDataMessageController {
  constructor(private readonly handler: ImportReferenceDataHandler) {}

  @OnEvent('areas.import')
  async onAreas(@Payload() event: Envelope<'areas.import', AreasImport>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.importAreas(event, ctx);
  }

  @OnEvent('cells.import')
  async onCells(@Payload() event: Envelope<'cells.import', CellsImport>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.importCells(event, ctx);
  }
}
