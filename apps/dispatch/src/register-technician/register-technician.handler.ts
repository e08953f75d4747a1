import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, type Envelope, type TechnicianRegister } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DISPATCH_SOURCE, TicketDispatcher } from '../assign-ticket/ticket-dispatcher';
import { DispatchStore } from '../persistence/dispatch-store';
import { RotaKeeper } from '../rota/rota-keeper';

/**
 * `technician.register`: adds a technician to the roster or updates it, and says so with
 * `technician.registered`. A technician on duty after the change may take the region's waiting
 * tickets, oldest first (it may have come on duty, gained a skill or capacity). A newcomer to a
 * group with a rota gets a rest day in its current and future weeks (RotaKeeper).
 */
@Injectable()
export class RegisterTechnicianHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dispatcher: TicketDispatcher,
    private readonly rota: RotaKeeper,
  ) {}

  async execute(command: Envelope<'technician.register', TechnicianRegister>, ctx: HandlerContext): Promise<void> {
    const t = command.data;
    const now = this.clock.now();
    await DispatchStore.lockRegion(ctx.manager, t.region);
    await DispatchStore.upsertTechnician(ctx.manager, t, now);
    await ctx.emit({
      envelope: makeEvent(
        'technician.registered',
        { ...t, registeredAt: now.toISOString() },
        { source: DISPATCH_SOURCE, subject: t.technicianId, time: now, correlationId: command.correlationId ?? command.id, causationId: command.id },
      ),
    });
    await this.rota.rosterChanged(ctx, t.group, command);
    if (t.onDuty) await this.dispatcher.retryWaiting(ctx, t.region, command);
  }
}
