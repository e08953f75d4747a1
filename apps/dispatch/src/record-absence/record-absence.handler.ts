import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, type AbsenceRecord, type Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DISPATCH_SOURCE } from '../assign-ticket/ticket-dispatcher';
import { isIsoDate } from '../domain/rest-rota';
import { RotaStore } from '../rota/rota-store';

/**
 * `absence.record`: an approved absence; the technician is not dispatched on those days (whether
 * or not the group has a rota). Announced with `absence.recorded`; refused with `command.rejected`
 * for an unknown technician or dates out of order. A redelivered command changes nothing.
 */
@Injectable()
export class RecordAbsenceHandler {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async execute(command: Envelope<'absence.record', AbsenceRecord>, ctx: HandlerContext): Promise<void> {
    const a = command.data;
    const now = this.clock.now();
    const meta = { source: DISPATCH_SOURCE, subject: a.technicianId, time: now, correlationId: command.correlationId ?? command.id, causationId: command.id };
    const technician = await RotaStore.technician(ctx.manager, a.technicianId);
    const problem = !technician
      ? { code: 'unknown-technician', message: `no technician ${a.technicianId}` }
      : !isIsoDate(a.from) || !isIsoDate(a.to) || a.from > a.to
        ? { code: 'invalid-dates', message: `the absence must run from a date to the same or a later date (got ${a.from}..${a.to})` }
        : undefined;
    if (problem || !technician) {
      await ctx.emit({ envelope: makeEvent('command.rejected', { commandId: command.id, commandType: command.type, ...problem! }, meta) });
      return;
    }
    if (!(await RotaStore.insertAbsence(ctx.manager, a, now))) return;
    await ctx.emit({ envelope: makeEvent('absence.recorded', { ...a, group: technician.group, recordedAt: now.toISOString() }, meta) });
  }
}
