import type { EntityManager } from 'typeorm';
import type { AbsenceRecord } from '@switchboard/contracts';
import { isAvailable, type Absence, type IsoDate, type IsoWeek, type RotaWeek } from '../domain/rest-rota';
import type { TechnicianCandidate } from '../domain/technician-selector';

/** The rota's SQL (dispatch schema, on the caller's transaction). Dates are read as text: no time zone games. */
export const RotaStore = {
  /** Serializes changes to one group's rota. */
  async lockGroup(m: EntityManager, group: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('switchboard.dispatch.rota'), hashtext($1))`, [group]);
  },

  async groupMembers(m: EntityManager, group: string): Promise<{ technicianId: string; region: string }[]> {
    const rows = await m.query<{ technician_id: string; region: string }[]>(`SELECT technician_id, region FROM technicians WHERE group_code = $1 ORDER BY technician_id`, [group]);
    return rows.map((r) => ({ technicianId: r.technician_id, region: r.region }));
  },

  async technician(m: EntityManager, technicianId: string): Promise<{ group: string; region: string } | undefined> {
    const rows = await m.query<{ group_code: string; region: string }[]>(`SELECT group_code, region FROM technicians WHERE technician_id = $1`, [technicianId]);
    return rows[0] ? { group: rows[0].group_code, region: rows[0].region } : undefined;
  },

  /** The stored rota of a group for a week; undefined when the group has none for that week. */
  async week(m: EntityManager, group: string, week: IsoWeek): Promise<RotaWeek | undefined> {
    const exists = await m.query<unknown[]>(`SELECT 1 FROM rota_weeks WHERE group_code = $1 AND week = $2`, [group, week]);
    if (exists.length === 0) return undefined;
    const rows = await m.query<{ technician_id: string; rest_date: string }[]>(
      `SELECT technician_id, rest_date::text AS rest_date FROM rota_rest_days WHERE group_code = $1 AND week = $2 ORDER BY technician_id, rest_date`,
      [group, week],
    );
    const byTech = new Map<string, IsoDate[]>();
    for (const r of rows) byTech.set(r.technician_id, [...(byTech.get(r.technician_id) ?? []), r.rest_date]);
    return { group, week, technicians: [...byTech.entries()].map(([technicianId, restDays]) => ({ technicianId, restDays })) };
  },

  /** The weeks from `fromWeek` on for which the group has a rota (to extend when the roster changes). */
  async weeksFrom(m: EntityManager, group: string, fromWeek: IsoWeek): Promise<IsoWeek[]> {
    const rows = await m.query<{ week: string }[]>(`SELECT week FROM rota_weeks WHERE group_code = $1 AND week >= $2 ORDER BY week`, [group, fromWeek]);
    return rows.map((r) => r.week);
  },

  async saveWeek(m: EntityManager, rota: RotaWeek, now: Date): Promise<void> {
    await m.query(
      `INSERT INTO rota_weeks (group_code, week, updated_at) VALUES ($1, $2, $3) ON CONFLICT (group_code, week) DO UPDATE SET updated_at = EXCLUDED.updated_at`,
      [rota.group, rota.week, now],
    );
    await m.query(`DELETE FROM rota_rest_days WHERE group_code = $1 AND week = $2`, [rota.group, rota.week]);
    const rows = rota.technicians.flatMap((t) => t.restDays.map((d) => [t.technicianId, d]));
    if (rows.length === 0) return;
    await m.query(
      `INSERT INTO rota_rest_days (group_code, week, technician_id, rest_date)
       SELECT $1, $2, r->>0, (r->>1)::date FROM jsonb_array_elements($3::jsonb) AS r`,
      [rota.group, rota.week, JSON.stringify(rows)],
    );
  },

  /** Records an absence; false when it was already recorded (a redelivered command). */
  async insertAbsence(m: EntityManager, a: AbsenceRecord, now: Date): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO absences (absence_id, technician_id, from_date, to_date, reason, approved_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (absence_id) DO NOTHING RETURNING absence_id`,
      [a.absenceId, a.technicianId, a.from, a.to, a.reason, a.approvedBy ?? null, now],
    );
    return rows.length > 0;
  },

  /**
   * Marks, in place, the technicians of a roster who rest (their group's rota for the date's week)
   * or are absent on `date`, so the selector skips them (domain.md §3).
   */
  async markUnavailable(m: EntityManager, roster: TechnicianCandidate[], date: IsoDate, week: IsoWeek): Promise<void> {
    if (roster.length === 0) return;
    const ids = roster.map((t) => t.technicianId);
    const rest = await m.query<{ technician_id: string; group_code: string }[]>(
      `SELECT d.technician_id, d.group_code FROM rota_rest_days d JOIN technicians t ON t.technician_id = d.technician_id AND t.group_code = d.group_code
       WHERE d.rest_date = $1::date AND d.week = $2 AND d.technician_id = ANY($3::text[])`,
      [date, week, ids],
    );
    const absent = await m.query<{ technician_id: string; from_date: string; to_date: string; reason: string }[]>(
      `SELECT technician_id, from_date::text AS from_date, to_date::text AS to_date, reason FROM absences
       WHERE technician_id = ANY($2::text[]) AND from_date <= $1::date AND to_date >= $1::date ORDER BY from_date, absence_id`,
      [date, ids],
    );
    const absences: Absence[] = absent.map((a) => ({ technicianId: a.technician_id, from: a.from_date, to: a.to_date, reason: a.reason }));
    for (const t of roster) {
      const own = rest.find((r) => r.technician_id === t.technicianId);
      const rota: RotaWeek | undefined = own ? { group: own.group_code, week, technicians: [{ technicianId: t.technicianId, restDays: [date] }] } : undefined;
      const a = isAvailable(t.technicianId, date, rota, absences);
      if (a.status === 'on-duty') delete t.unavailable;
      else t.unavailable = a;
    }
  },
};
