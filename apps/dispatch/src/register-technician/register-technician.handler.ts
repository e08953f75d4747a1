import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, type Envelope, type TechnicianRegister } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DISPATCH_SOURCE, TicketDispatcher } from '../assign-ticket/ticket-dispatcher';
import { DispatchStore } from '../persistence/dispatch-store';

/**
 * `technician.register`: adds a technician to the roster or updates it, and says so with
 * `technician.registered`. A technician on duty after the change may take the region's waiting
 * tickets, oldest first (it may have come on duty, gained a skill or capacity).
 */
@Injectable()
export class RegisterTechnicianHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dispatcher: TicketDispatcher,
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
    if (t.onDuty) await this.dispatcher.retryWaiting(ctx, t.region, command);
  }
}
