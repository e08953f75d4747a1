import { makeEvent, type Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { APPOINTMENT_SOURCE } from './appointment-planner';

/** Answers a refused appointment or approval command with `command.rejected` and its stable code (in the ticket's timeline). */
export async function rejectCommand(ctx: HandlerContext, command: Envelope, now: Date, ticketId: string, code: string, message: string): Promise<void> {
  await ctx.emit({
    envelope: makeEvent(
      'command.rejected',
      { commandId: command.id, commandType: command.type, code, message, ticketId },
      { source: APPOINTMENT_SOURCE, subject: ticketId, time: now, correlationId: command.correlationId ?? command.id, causationId: command.id },
    ),
  });
}

export async function regionOfTicket(ctx: HandlerContext, ticketId: string): Promise<string | undefined> {
  const [t] = await ctx.manager.query<{ region: string }[]>(`SELECT region FROM tickets WHERE ticket_id = $1`, [ticketId]);
  return t?.region;
}
