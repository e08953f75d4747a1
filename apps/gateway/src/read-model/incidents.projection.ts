import type { EntityManager } from 'typeorm';
import type { DecodedEvent } from '@switchboard/contracts';

/** The event types this projection applies (read-model.message.controller.ts subscribes to them). */
export const INCIDENT_READ_MODEL_EVENTS = ['areas.imported', 'cells.imported', 'incident.opened', 'incident.joined', 'incident.resolved'] as const;

/**
 * Reference data and incidents in the read model. `incident.joined` (keyed by the ticket) may
 * arrive before `incident.opened` (keyed by the incident): every write merges, none overwrites
 * what a later event said (cells only grow, a resolved incident stays resolved).
 */
export async function projectIncidents(m: EntityManager, event: Extract<DecodedEvent, { type: (typeof INCIDENT_READ_MODEL_EVENTS)[number] }>): Promise<void> {
  switch (event.type) {
    case 'areas.imported': {
      const rows = event.data.rows;
      await m.query(
        `INSERT INTO rm_areas (region, county, zone) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
         ON CONFLICT (region, zone) DO UPDATE SET county = EXCLUDED.county`,
        [rows.map((r) => r.region), rows.map((r) => r.county), rows.map((r) => r.zone)],
      );
      break;
    }
    case 'cells.imported': {
      const rows = event.data.rows;
      await m.query(
        `INSERT INTO rm_cells (cell_id, region, lat, lon, neighbours) SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::jsonb[])
         ON CONFLICT (cell_id) DO UPDATE SET region = EXCLUDED.region, lat = EXCLUDED.lat, lon = EXCLUDED.lon, neighbours = EXCLUDED.neighbours`,
        [rows.map((r) => r.cellId), rows.map((r) => r.region), rows.map((r) => r.lat), rows.map((r) => r.lon), rows.map((r) => JSON.stringify(r.neighbours))],
      );
      break;
    }
    case 'incident.opened': {
      const d = event.data;
      await m.query(
        `INSERT INTO rm_incidents (incident_id, region, complaint_category, cells, opened_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (incident_id) DO UPDATE SET region = EXCLUDED.region, complaint_category = EXCLUDED.complaint_category, opened_at = EXCLUDED.opened_at,
           cells = ARRAY(SELECT DISTINCT unnest(rm_incidents.cells || EXCLUDED.cells) ORDER BY 1)`,
        [d.incidentId, d.region, d.complaintCategory, d.cells, d.openedAt],
      );
      await m.query(
        `INSERT INTO rm_incident_children (ticket_id, incident_id, joined_at) SELECT unnest($1::uuid[]), $2, $3 ON CONFLICT (ticket_id) DO NOTHING`,
        [d.ticketIds, d.incidentId, d.openedAt],
      );
      break;
    }
    case 'incident.joined': {
      const d = event.data;
      await m.query(
        `INSERT INTO rm_incidents (incident_id, region, cells) VALUES ($1, $2, $3)
         ON CONFLICT (incident_id) DO UPDATE SET cells = ARRAY(SELECT DISTINCT unnest(rm_incidents.cells || EXCLUDED.cells) ORDER BY 1)`,
        [d.incidentId, d.region, d.cells],
      );
      await m.query(`INSERT INTO rm_incident_children (ticket_id, incident_id, joined_at) VALUES ($1, $2, $3) ON CONFLICT (ticket_id) DO NOTHING`, [d.ticketId, d.incidentId, d.joinedAt]);
      break;
    }
    case 'incident.resolved': {
      const d = event.data;
      await m.query(
        `INSERT INTO rm_incidents (incident_id, region, state, resolved_at, resolved_by, reply) VALUES ($1, $2, 'resolved', $3, $4, $5)
         ON CONFLICT (incident_id) DO UPDATE SET state = 'resolved', resolved_at = EXCLUDED.resolved_at, resolved_by = EXCLUDED.resolved_by, reply = EXCLUDED.reply`,
        [d.incidentId, d.region, d.resolvedAt, d.resolvedBy, d.reply],
      );
      break;
    }
  }
}
