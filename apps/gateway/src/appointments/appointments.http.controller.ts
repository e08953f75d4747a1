import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@switchboard/platform';
import { appointmentRoutes } from '../approvals/approval.routes';
import { callerOf, type AuthenticatedRequest } from '../auth/api-key.guard';
import { mayTouchRegion } from '../auth/roles';
import { CommandSender } from '../commands/command-sender';
import { conflict, notFound, parseOr422 } from '../http/validation';

interface AppointmentRecord {
  assignment_id: string;
  ticket_id: string;
  technician_id: string;
  region: string;
  offered: { from: string; to: string }[];
  offer_reason: string | null;
  slot_from: Date | null;
  slot_to: Date | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const sameSlot = (a: { from: string; to: string }, b: { from: string; to: string }) => Date.parse(a.from) === Date.parse(b.from) && Date.parse(a.to) === Date.parse(b.to);

/**
 * A ticket's appointment (issue 5, ADR 0027): the windows dispatch offered for its open assignment
 * and the one booked; booking one sends `appointment.book` — dispatch re-checks the technician can
 * still keep it and answers `appointment.booked` or `command.rejected` (the ticket's timeline).
 */
@Controller('v1/tickets')
export class AppointmentsHttpController {
  constructor(
    private readonly commands: CommandSender,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  private async current(ticketId: string, request: AuthenticatedRequest): Promise<AppointmentRecord> {
    // The latest assignment's appointment (a withdrawn or replaced one is not the ticket's any more).
    const [row] = (await this.dataSource.query(
      `SELECT p.assignment_id, p.ticket_id, p.technician_id, p.region, p.offered, p.offer_reason, p.slot_from, p.slot_to
         FROM rm_appointments p JOIN rm_tickets t ON t.id = p.ticket_id AND t.assignment_id = p.assignment_id
        WHERE p.ticket_id = $1`,
      [ticketId],
    )) as AppointmentRecord[];
    if (!row || !mayTouchRegion(callerOf(request), row.region)) throw notFound('APPOINTMENT.NOT_OFFERED', `no appointment offered for ticket ${ticketId} (yet)`);
    return row;
  }

  @Get(':id/appointment')
  async get(@Param() params: Record<string, unknown>, @Req() request: AuthenticatedRequest) {
    const { id } = parseOr422(appointmentRoutes.getAppointment.params, params, 'path');
    const r = await this.current(id, request);
    return {
      ticketId: r.ticket_id,
      assignmentId: r.assignment_id,
      technicianId: r.technician_id,
      offered: r.offered,
      offerReason: r.offer_reason,
      booked: r.slot_from && r.slot_to ? { from: iso(r.slot_from), to: iso(r.slot_to) } : null,
    };
  }

  @Post(':id/appointment')
  @HttpCode(202)
  async book(@Param() params: Record<string, unknown>, @Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const { id } = parseOr422(appointmentRoutes.bookAppointment.params, params, 'path');
    const { slot } = parseOr422(appointmentRoutes.bookAppointment.body, body);
    const r = await this.current(id, request);
    if (r.slot_from && r.slot_to) {
      if (sameSlot({ from: iso(r.slot_from), to: iso(r.slot_to) }, slot)) throw conflict('APPOINTMENT.ALREADY_BOOKED', 'this window is already booked');
      throw conflict('APPOINTMENT.ALREADY_BOOKED', 'the appointment is already booked; moving it is a reschedule a supervisor approves (POST /v1/approvals)');
    }
    if (!r.offered.some((o) => sameSlot(o, slot))) throw conflict('APPOINTMENT.SLOT_NOT_OFFERED', 'not one of the offered windows (GET /v1/tickets/{id}/appointment)');
    const { source } = callerOf(request);
    const [commandId] = await this.commands.send(source, [{ type: 'appointment.book', subject: id, data: { ticketId: id, slot, bookedBy: 'customer' } }]);
    return { commandId, status: 'sent', ticketId: id, slot };
  }
}
