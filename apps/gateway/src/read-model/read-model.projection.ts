import type { EntityManager } from 'typeorm';
import type { DecodedEvent } from '@switchboard/contracts';
import { assignmentStateRank, rankOf, stateAfter, type AssignmentState } from '../domain/ticket-progress';

const ASSIGNMENT_STATE_AFTER: Partial<Record<DecodedEvent['type'], AssignmentState>> = {
  'ticket.assigned': 'assigned',
  'assignment.accepted': 'accepted',
  'assignment.contacted': 'contacted',
  'assignment.arrived': 'on-site',
  'assignment.completed': 'completed',
};

/** The ticket an event is about, if it is about one. */
export function ticketIdOf(event: DecodedEvent): string | undefined {
  const data = event.data as { ticketId?: unknown };
  return typeof data.ticketId === 'string' ? data.ticketId : undefined;
}

/**
 * Applies one event to the read model, in the consumer's transaction. Every ticket event joins
 * the ticket's timeline; some also move its state, clocks, assignment or survey.
 */
export async function project(m: EntityManager, event: DecodedEvent): Promise<void> {
  const ticketId = ticketIdOf(event);
  if (ticketId) {
    await m.query('INSERT INTO rm_tickets (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [ticketId]);
    await m.query(
      `INSERT INTO rm_timeline (event_id, ticket_id, type, time, source, data) VALUES ($1, $2, $3, $4, $5, $6::jsonb)
       ON CONFLICT (event_id) DO NOTHING`,
      [event.id, ticketId, event.type, event.time, event.source, JSON.stringify(event.data)],
    );
    const next = stateAfter(event.type, event.data as { verdict?: string });
    if (next) {
      await m.query('UPDATE rm_tickets SET state = $2, state_rank = $3, updated_at = now() WHERE id = $1 AND state_rank < $3', [ticketId, next, rankOf(next)]);
    }
    const assignmentState = ASSIGNMENT_STATE_AFTER[event.type];
    if (assignmentState) {
      const d = event.data as { assignmentId: string; technicianId: string };
      const rank = assignmentStateRank(assignmentState);
      await m.query(
        `INSERT INTO rm_assignments (assignment_id, ticket_id, technician_id, state, state_rank) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (assignment_id) DO UPDATE SET state = EXCLUDED.state, state_rank = EXCLUDED.state_rank
         WHERE rm_assignments.state_rank < EXCLUDED.state_rank`,
        [d.assignmentId, ticketId, d.technicianId, assignmentState, rank],
      );
      await m.query(
        `UPDATE rm_tickets t SET assignment_id = a.assignment_id, technician_id = a.technician_id, assignment_state = a.state, updated_at = now()
           FROM rm_assignments a WHERE t.id = $1 AND a.assignment_id = $2`,
        [ticketId, d.assignmentId],
      );
    }
  }

  switch (event.type) {
    case 'ticket.accepted': {
      const d = event.data;
      await m.query(
        `UPDATE rm_tickets SET source = $2, external_id = $3, kind = $4, service = $5, channel = $6, region = $7, county = $8, zone = $9,
                customer_tier = $10, owner = $11, reported_at = $12, accepted_at = $13, updated_at = now() WHERE id = $1`,
        [d.ticketId, d.source, d.externalId, d.kind, d.service, d.channel, d.location.region, d.location.county, d.location.zone, d.customerTier, d.owner, d.reportedAt, d.acceptedAt],
      );
      break;
    }
    case 'ticket.rejected':
      await m.query(
        `INSERT INTO rm_rejections (event_id, source, external_id, region, reasons, time) VALUES ($1, $2, $3, $4, $5::jsonb, $6)
         ON CONFLICT (event_id) DO NOTHING`,
        [event.id, event.data.source, event.data.externalId ?? null, event.data.region ?? null, JSON.stringify(event.data.reasons), event.time],
      );
      break;
    case 'technician.registered':
      await m.query(
        `INSERT INTO rm_technicians (technician_id, region, data) VALUES ($1, $2, $3::jsonb)
         ON CONFLICT (technician_id) DO UPDATE SET region = EXCLUDED.region, data = EXCLUDED.data`,
        [event.data.technicianId, event.data.region, JSON.stringify(event.data)],
      );
      break;
    case 'sla.clock-started': {
      const d = event.data;
      await m.query(
        `INSERT INTO rm_clocks (clock_id, ticket_id, metric, started_at, warn_at, due_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (clock_id) DO UPDATE SET started_at = EXCLUDED.started_at, warn_at = EXCLUDED.warn_at, due_at = EXCLUDED.due_at, metric = EXCLUDED.metric`,
        [d.clockId, d.ticketId, d.metric, d.startedAt, d.warnAt, d.dueAt],
      );
      break;
    }
    case 'sla.warning':
    case 'sla.breached': {
      const d = event.data;
      const column = event.type === 'sla.warning' ? 'warned' : 'breached';
      await m.query(
        `INSERT INTO rm_clocks (clock_id, ticket_id, metric, due_at, ${column}) VALUES ($1, $2, $3, $4, true)
         ON CONFLICT (clock_id) DO UPDATE SET ${column} = true`,
        [d.clockId, d.ticketId, d.metric, d.dueAt],
      );
      await m.query(`UPDATE rm_tickets SET ${column} = true, updated_at = now() WHERE id = $1`, [d.ticketId]);
      break;
    }
    case 'sla.clock-stopped': {
      const d = event.data;
      await m.query(
        `INSERT INTO rm_clocks (clock_id, ticket_id, metric, due_at, state, met, stopped_at) VALUES ($1, $2, $3, $4, 'stopped', $5, $6)
         ON CONFLICT (clock_id) DO UPDATE SET state = 'stopped', met = EXCLUDED.met, stopped_at = EXCLUDED.stopped_at`,
        [d.clockId, d.ticketId, d.metric, d.dueAt, d.met, d.stoppedAt],
      );
      break;
    }
    case 'survey.scheduled':
      await m.query(
        `INSERT INTO rm_surveys (survey_id, ticket_id, state) VALUES ($1, $2, 'scheduled') ON CONFLICT (survey_id) DO NOTHING`,
        [event.data.surveyId, event.data.ticketId],
      );
      await m.query(`UPDATE rm_tickets SET survey_id = $2, survey_state = coalesce(survey_state, 'scheduled'), updated_at = now() WHERE id = $1`, [event.data.ticketId, event.data.surveyId]);
      break;
    case 'survey.completed':
      await m.query(
        `INSERT INTO rm_surveys (survey_id, ticket_id, state, verdict) VALUES ($1, $2, 'completed', $3)
         ON CONFLICT (survey_id) DO UPDATE SET state = 'completed', verdict = EXCLUDED.verdict`,
        [event.data.surveyId, event.data.ticketId, event.data.verdict],
      );
      await m.query(`UPDATE rm_tickets SET survey_id = $2, survey_state = 'completed', survey_verdict = $3, updated_at = now() WHERE id = $1`, [
        event.data.ticketId,
        event.data.surveyId,
        event.data.verdict,
      ]);
      break;
    // Handled above (timeline, state, assignment) or not part of the read model: every type is
    // listed so a new event type is a decision, not an oversight.
    case 'ticket.received':
    case 'ticket.assigned':
    case 'ticket.unassignable':
    case 'technician.register':
    case 'assignment.accept':
    case 'assignment.contact':
    case 'assignment.arrive':
    case 'assignment.complete':
    case 'assignment.accepted':
    case 'assignment.contacted':
    case 'assignment.arrived':
    case 'assignment.completed':
    case 'command.rejected':
    case 'notification.requested':
    case 'survey.answer':
    case 'kpi.updated':
      break;
  }
}
