import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { AbsenceRecord, Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { RecordAbsenceHandler } from './record-absence.handler';

/** `absence.record` commands on `dispatch.commands.v1`. */
@Controller()
export class RecordAbsenceMessageController {
  constructor(private readonly handler: RecordAbsenceHandler) {}

  @OnEvent('absence.record')
  async onRecord(@Payload() command: Envelope<'absence.record', AbsenceRecord>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.execute(command, ctx);
  }
}
