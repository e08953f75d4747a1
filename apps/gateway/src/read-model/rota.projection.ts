import type { EntityManager } from 'typeorm';
import type { DecodedEvent } from '@switchboard/contracts';

export const ROTA_EVENT_TYPES = ['rota.updated', 'absence.recorded'] as const;

/** Projects the rest rota (`GET /v1/technicians/rota`): the newest `rota.updated` of a group's week wins, absences pile up. */
export async function projectRota(m: EntityManager, event: DecodedEvent): Promise<void> {
  if (event.type === 'rota.updated') {
    const d = event.data;
    await m.query(
      `INSERT INTO rm_rota_weeks (group_code, week, technicians, cause, updated_at) VALUES ($1, $2, $3::jsonb, $4, $5)
       ON CONFLICT (group_code, week) DO UPDATE SET technicians = EXCLUDED.technicians, cause = EXCLUDED.cause, updated_at = EXCLUDED.updated_at
       WHERE rm_rota_weeks.updated_at <= EXCLUDED.updated_at`,
      [d.group, d.week, JSON.stringify(d.technicians), d.cause, d.updatedAt],
    );
  } else if (event.type === 'absence.recorded') {
    const d = event.data;
    await m.query(
      `INSERT INTO rm_absences (absence_id, technician_id, group_code, from_date, to_date, reason) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (absence_id) DO NOTHING`,
      [d.absenceId, d.technicianId, d.group, d.from, d.to, d.reason],
    );
  }
}
