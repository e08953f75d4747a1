import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, type Envelope, type RotaSet } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DISPATCH_SOURCE, TicketDispatcher } from '../assign-ticket/ticket-dispatcher';
import { editRota, isIsoWeek } from '../domain/rest-rota';
import { DispatchStore } from '../persistence/dispatch-store';
import { RotaKeeper } from '../rota/rota-keeper';
import { RotaStore } from '../rota/rota-store';

/**
 * `rota.set`: a supervisor switches a group's rota on for a week (generated when it has none) and
 * sets named technicians' rest days; announced with `rota.updated`. Refused with `command.rejected`
 * when the group is unknown, a named technician is not in it, or someone would have no rest day.
 * A technician back on duty may take the region's waiting tickets.
 */
@Injectable()
export class SetRotaHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly rota: RotaKeeper,
    private readonly dispatcher: TicketDispatcher,
  ) {}

  async execute(command: Envelope<'rota.set', RotaSet>, ctx: HandlerContext): Promise<void> {
    const c = command.data;
    const members = await RotaStore.groupMembers(ctx.manager, c.group);
    const refuse = (code: string, message: string) =>
      ctx.emit({
        envelope: makeEvent('command.rejected', { commandId: command.id, commandType: command.type, code, message }, {
          source: DISPATCH_SOURCE,
          subject: c.group,
          time: this.clock.now(),
          correlationId: command.correlationId ?? command.id,
          causationId: command.id,
        }),
      });
    if (!isIsoWeek(c.week)) return refuse('invalid-week', `no such ISO week: ${c.week}`);
    if (members.length === 0) return refuse('unknown-group', `no technician is registered in group ${c.group}`);
    const strangers = c.restDays.map((r) => r.technicianId).filter((id) => !members.some((t) => t.technicianId === id));
    if (strangers.length > 0) return refuse('not-in-group', `not in group ${c.group}: ${strangers.join(', ')}`);

    const regions = [...new Set(members.map((t) => t.region))].sort();
    for (const region of regions) await DispatchStore.lockRegion(ctx.manager, region);
    await RotaStore.lockGroup(ctx.manager, c.group);
    const generated = await this.rota.generate(ctx, c.group, c.week);
    const edited = editRota(
      generated,
      c.restDays.map((r) => ({ technicianId: r.technicianId, restDays: r.days })),
    );
    if (!edited.ok) return refuse('invalid-rota', edited.problems.join('; '));
    await this.rota.save(ctx, edited.rota, c.restDays.length > 0 ? 'edited' : 'generated', command);
    for (const region of regions) await this.dispatcher.retryWaiting(ctx, region, command);
  }
}
