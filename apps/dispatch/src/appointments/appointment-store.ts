import type { EntityManager } from 'typeorm';
import type { BookedAppointment, Place, TechnicianDay, Window } from '../domain/appointment-slots';

export interface AppointmentRow {
  assignmentId: string;
  ticketId: string;
  technicianId: string;
  region: string;
  serviceMinutes: number;
  at: Place;
  offered: Window[];
  booked: Window | null;
}

const place = (lat: number | null, lon: number | null): Place => (lat !== null && lon !== null ? { lat, lon } : null);
const ms = (d: Date | string) => new Date(d).getTime();

/** Dispatch's SQL for appointments (ADR 0027), on the caller's transaction; callers hold the region lock. */
export const AppointmentStore = {
  async technicianDay(m: EntityManager, technicianId: string): Promise<TechnicianDay> {
    const [t] = await m.query<{ lat: number | null; lon: number | null; daily_capacity: number }[]>(`SELECT lat, lon, daily_capacity FROM technicians WHERE technician_id = $1`, [technicianId]);
    return { home: t ? place(t.lat, t.lon) : null, capacity: t?.daily_capacity ?? 0 };
  },

  async ticketPlace(m: EntityManager, ticketId: string): Promise<Place> {
    const [t] = await m.query<{ lat: number | null; lon: number | null }[]>(`SELECT lat, lon FROM tickets WHERE ticket_id = $1`, [ticketId]);
    return t ? place(t.lat, t.lon) : null;
  },

  /** The technician's booked appointments on open assignments from `from` on. */
  async bookedOf(m: EntityManager, technicianId: string, from: Date): Promise<BookedAppointment[]> {
    const rows = await m.query<{ ticket_id: string; lat: number | null; lon: number | null; slot_from: Date; slot_to: Date; service_minutes: number; route_seq: number | null }[]>(
      `SELECT p.ticket_id, t.lat, t.lon, p.slot_from, p.slot_to, p.service_minutes, p.route_seq
         FROM appointments p JOIN assignments a ON a.assignment_id = p.assignment_id JOIN tickets t ON t.ticket_id = p.ticket_id
        WHERE p.technician_id = $1 AND p.slot_from IS NOT NULL AND p.slot_from >= $2 AND a.state NOT IN ('completed', 'withdrawn')`,
      [technicianId, from],
    );
    return rows.map((r) => ({ ticketId: r.ticket_id, at: place(r.lat, r.lon), window: { from: ms(r.slot_from), to: ms(r.slot_to) }, serviceMinutes: r.service_minutes, seq: r.route_seq ?? ms(r.slot_from) }));
  },

  async insertOffer(m: EntityManager, a: { assignmentId: string; ticketId: string; technicianId: string; serviceMinutes: number; offered: Window[] }, now: Date): Promise<void> {
    await m.query(
      `INSERT INTO appointments (assignment_id, ticket_id, technician_id, service_minutes, offered, offered_at, updated_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $6) ON CONFLICT (assignment_id) DO NOTHING`,
      [a.assignmentId, a.ticketId, a.technicianId, a.serviceMinutes, JSON.stringify(a.offered), now],
    );
  },

  /** The appointment of the ticket's open assignment, locked. */
  async openOfTicketForUpdate(m: EntityManager, ticketId: string): Promise<AppointmentRow | undefined> {
    const [r] = await m.query<
      { assignment_id: string; ticket_id: string; technician_id: string; region: string; service_minutes: number; lat: number | null; lon: number | null; offered: Window[]; slot_from: Date | null; slot_to: Date | null }[]
    >(
      `SELECT p.assignment_id, p.ticket_id, p.technician_id, a.region, p.service_minutes, t.lat, t.lon, p.offered, p.slot_from, p.slot_to
         FROM appointments p JOIN assignments a ON a.assignment_id = p.assignment_id JOIN tickets t ON t.ticket_id = p.ticket_id
        WHERE p.ticket_id = $1 AND a.state NOT IN ('completed', 'withdrawn')
        ORDER BY a.assigned_at DESC LIMIT 1 FOR UPDATE OF p`,
      [ticketId],
    );
    if (!r) return undefined;
    return {
      assignmentId: r.assignment_id,
      ticketId: r.ticket_id,
      technicianId: r.technician_id,
      region: r.region,
      serviceMinutes: r.service_minutes,
      at: place(r.lat, r.lon),
      offered: r.offered,
      booked: r.slot_from && r.slot_to ? { from: ms(r.slot_from), to: ms(r.slot_to) } : null,
    };
  },

  /** Books (or moves) the window, at `seq` in the technician's route (ADR 0027). */
  async book(m: EntityManager, assignmentId: string, w: Window, seq: number, now: Date): Promise<void> {
    await m.query(`UPDATE appointments SET slot_from = $2, slot_to = $3, route_seq = $4, booked_at = $5, updated_at = $5 WHERE assignment_id = $1`, [
      assignmentId,
      new Date(w.from),
      new Date(w.to),
      seq,
      now,
    ]);
  },

  async bookedWindowOf(m: EntityManager, assignmentId: string): Promise<Window | undefined> {
    const [r] = await m.query<{ slot_from: Date | null; slot_to: Date | null }[]>(`SELECT slot_from, slot_to FROM appointments WHERE assignment_id = $1`, [assignmentId]);
    return r?.slot_from && r.slot_to ? { from: ms(r.slot_from), to: ms(r.slot_to) } : undefined;
  },
};

export const slotOf = (w: Window) => ({ from: new Date(w.from).toISOString(), to: new Date(w.to).toISOString() });
