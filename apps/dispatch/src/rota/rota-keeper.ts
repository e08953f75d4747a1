import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, type Envelope, type RotaUpdated } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DispatchConfig } from '../config/dispatch-config';
import { businessDate, generateRota, isoWeekOf, type RotaWeek } from '../domain/rest-rota';
import type { TechnicianCandidate } from '../domain/technician-selector';
import { RotaStore } from './rota-store';

const DISPATCH_SOURCE = 'switchboard/dispatch';

/**
 * Keeps groups' rest rotas (ADR 0016): generates a week's rota on a supervisor's first action for
 * it, extends the group's current and future rotas when its roster changes (the newcomer gets a
 * day, the others keep theirs), announces each with `rota.updated`, and marks a roster's resting
 * and absent technicians on the business date before the selector runs.
 */
@Injectable()
export class RotaKeeper {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly config: DispatchConfig,
  ) {}

  /** Today's business date in the dispatch centre's time zone, and its ISO week. */
  today(): { date: string; week: string } {
    const date = businessDate(this.clock.now(), this.config.timeZone);
    return { date, week: isoWeekOf(date) };
  }

  async markUnavailable(ctx: HandlerContext, roster: TechnicianCandidate[]): Promise<void> {
    const { date, week } = this.today();
    await RotaStore.markUnavailable(ctx.manager, roster, date, week);
  }

  /** The group's rota for the week, generated (and stored) from the current roster, keeping stored days. */
  async generate(ctx: HandlerContext, group: string, week: string): Promise<RotaWeek> {
    const members = await RotaStore.groupMembers(ctx.manager, group);
    const previous = await RotaStore.week(ctx.manager, group, week);
    return generateRota(group, week, members.map((t) => t.technicianId), previous);
  }

  async save(ctx: HandlerContext, rota: RotaWeek, cause: RotaUpdated['cause'], command: Envelope): Promise<void> {
    const now = this.clock.now();
    await RotaStore.saveWeek(ctx.manager, rota, now);
    await ctx.emit({
      envelope: makeEvent(
        'rota.updated',
        { group: rota.group, week: rota.week, technicians: rota.technicians, cause, updatedAt: now.toISOString() },
        { source: DISPATCH_SOURCE, subject: rota.group, time: now, correlationId: command.correlationId ?? command.id, causationId: command.id },
      ),
    });
  }

  /** After a roster change in a group: its rotas from this week on get the newcomers (nobody else moves). */
  async rosterChanged(ctx: HandlerContext, group: string, command: Envelope): Promise<void> {
    await RotaStore.lockGroup(ctx.manager, group);
    for (const week of await RotaStore.weeksFrom(ctx.manager, group, this.today().week)) {
      const before = await RotaStore.week(ctx.manager, group, week);
      const after = await this.generate(ctx, group, week);
      if (JSON.stringify(before?.technicians) !== JSON.stringify(after.technicians)) await this.save(ctx, after, 'roster-changed', command);
    }
  }
}
