import type { EntityManager } from 'typeorm';
import type { DecodedEvent } from '@switchboard/contracts';
import { projectKnownIssues } from './known-issues.projection';
import { projectInterception, refreshShownState } from './interception.projection';
import { projectIncidents } from './incidents.projection';
import { projectAppointmentsApprovals } from '../approvals/approvals.projection';
import { assignmentStateRank, progressRank, roundAfterReopening, roundOfNth, stateAfter, type AssignmentState } from '../domain/ticket-progress';

const ASSIGNMENT_STATE_AFTER: Partial<Record<DecodedEvent['type'], AssignmentState>> = {
  'ticket.assigned': 'assigned',
  'assignment.accepted': 'accepted',
  'assignment.contacted': 'contacted',
  'assignment.arrived': 'on-site',
  'assignment.completed': 'completed',
  'assignment.withdrawn': 'withdrawn',
};

/** The ticket an event is about, if it is about one. */
export function ticketIdOf(event: DecodedEvent): string | undefined {
  const data = event.data as { ticketId?: unknown };
  return typeof data.ticketId === 'string' ? data.ticketId : undefined;
}

/**
 * The round of the ticket an event belongs to (ticket-progress.ts): acceptance is round 1, a
 * reopening says its own; an assignment's events and a survey's follow the round of their
 * assignment or survey, the n-th of the ticket being round n.
 */
async function roundOf(m: EntityManager, event: DecodedEvent, ticketId: string): Promise<number> {
  const nth = async (table: 'rm_assignments' | 'rm_surveys', key: 'assignment_id' | 'survey_id', id: string): Promise<number> => {
    const [own] = await m.query<{ round: number }[]>(`SELECT round FROM ${table} WHERE ${key} = $1`, [id]);
    if (own) return own.round;
    // A withdrawn assignment (issue 4) is not a round: the one placed after the release is of the same round.
    const [{ n }] = await m.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM ${table} WHERE ticket_id = $1${table === 'rm_assignments' ? ` AND state <> 'withdrawn'` : ''}`, [ticketId]);
    return roundOfNth(n);
  };
  if (event.type === 'ticket.reopened') return roundAfterReopening(event.data.reopenCount);
  if (event.type === 'ticket.unassignable') {
    // Said before its round's assignment exists: the round after the ticket's assignments so far.
    const [{ n }] = await m.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM rm_assignments WHERE ticket_id = $1 AND state <> 'withdrawn'`, [ticketId]);
    return roundOfNth(n);
  }
  if (event.type === 'ticket.assigned' || event.type === 'assignment.accepted' || event.type === 'assignment.contacted' || event.type === 'assignment.arrived' || event.type === 'assignment.completed' || event.type === 'assignment.withdrawn') {
    return nth('rm_assignments', 'assignment_id', event.data.assignmentId);
  }
  if (event.type === 'survey.scheduled' || event.type === 'survey.completed' || event.type === 'callback.queued') return nth('rm_surveys', 'survey_id', event.data.surveyId);
  return 1;
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
    const assignmentState = ASSIGNMENT_STATE_AFTER[event.type];
    const round = next || assignmentState ? await roundOf(m, event, ticketId) : 1;
    if (next) {
      // Forward only, by (round, state): a reopening is the move back, into the next round.
      await m.query('UPDATE rm_tickets SET state = $2, state_rank = $3, round = GREATEST(round, $4), updated_at = now() WHERE id = $1 AND state_rank < $3', [
        ticketId,
        next,
        progressRank(next, round),
        round,
      ]);
    }
    if (assignmentState) {
      const d = event.data as { assignmentId: string; technicianId: string };
      const rank = assignmentStateRank(assignmentState);
      await m.query(
        `INSERT INTO rm_assignments (assignment_id, ticket_id, technician_id, state, state_rank, round) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (assignment_id) DO UPDATE SET state = EXCLUDED.state, state_rank = EXCLUDED.state_rank
         WHERE rm_assignments.state_rank < EXCLUDED.state_rank`,
        [d.assignmentId, ticketId, d.technicianId, assignmentState, rank, round],
      );
      // The ticket shows the assignment of its latest round.
      await m.query(
        `UPDATE rm_tickets t SET assignment_id = a.assignment_id, technician_id = a.technician_id, assignment_state = a.state, updated_at = now()
           FROM rm_assignments a
          WHERE t.id = $1 AND a.assignment_id = $2
            AND NOT EXISTS (SELECT 1 FROM rm_assignments later WHERE later.ticket_id = $1 AND later.round > a.round)`,
        [ticketId, d.assignmentId],
      );
    }
  }

  await projectKnownIssues(m, event);

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
    // A phone callback (issue 7) is the ticket's survey as well; its retries queue it again, unchanged here.
    case 'survey.scheduled':
    case 'callback.queued': {
      const round = await roundOf(m, event, event.data.ticketId);
      await m.query(
        `INSERT INTO rm_surveys (survey_id, ticket_id, state, round) VALUES ($1, $2, 'scheduled', $3) ON CONFLICT (survey_id) DO NOTHING`,
        [event.data.surveyId, event.data.ticketId, round],
      );
      // A new round's survey replaces the answered one of the round before on the ticket.
      await m.query(
        `UPDATE rm_tickets SET survey_verdict = CASE WHEN survey_id IS DISTINCT FROM $2 THEN NULL ELSE survey_verdict END,
                survey_state = CASE WHEN survey_id IS DISTINCT FROM $2 THEN 'scheduled' ELSE coalesce(survey_state, 'scheduled') END,
                survey_id = $2, updated_at = now()
          WHERE id = $1`,
        [event.data.ticketId, event.data.surveyId],
      );
      break;
    }
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
    case 'survey.unreachable':
      // The callback closed unanswered (issue 7): the survey takes no more answers.
      await m.query(
        `INSERT INTO rm_surveys (survey_id, ticket_id, state) VALUES ($1, $2, 'unreachable')
         ON CONFLICT (survey_id) DO UPDATE SET state = 'unreachable'`,
        [event.data.surveyId, event.data.ticketId],
      );
      await m.query(`UPDATE rm_tickets SET survey_state = 'unreachable', updated_at = now() WHERE id = $1 AND survey_id = $2`, [event.data.ticketId, event.data.surveyId]);
      break;
    case 'ticket.reopened':
      await m.query('UPDATE rm_tickets SET reopen_count = GREATEST(reopen_count, $2), updated_at = now() WHERE id = $1', [event.data.ticketId, event.data.reopenCount]);
      break;
    case 'ticket.repeat-fault-detected':
      await m.query('UPDATE rm_tickets SET repeat_fault = true, updated_at = now() WHERE id = $1', [event.data.ticketId]);
      break;
    case 'ticket.triaged':
      await m.query('UPDATE rm_tickets SET "class" = $2, priority = $3, updated_at = now() WHERE id = $1', [event.data.ticketId, event.data.class, event.data.priority]);
      break;
    case 'areas.imported':
    case 'cells.imported':
    case 'incident.opened':
    case 'incident.joined':
    case 'incident.resolved':
      await projectIncidents(m, event);
      break;
    case 'ticket.escalated-to-management':
      await m.query('UPDATE rm_tickets SET escalated_to_management = true, updated_at = now() WHERE id = $1', [event.data.ticketId]);
      break;
    // Handled above (timeline, state, assignment) or not part of the read model: every type is
    // listed so a new event type is a decision, not an oversight. (Issue 4: intake's commands and a
    // caller's update are not read-model events; `ticket.amended` joins the timeline above.)
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
    case 'survey.submit-answers':
    case 'survey.sms-reply':
    case 'survey.email-reply':
    case 'customer.set-contact-preferences': // a command to callback; the customer's contact is not read-model data
    case 'callback.claim': // the phone callback queue: callbacks/callback-queue.projection.ts, its own controller
    case 'callback.record-outcome':
    case 'callback.claimed':
    case 'callback.no-answer':
    case 'callback.closed': // a fact for scoring; the timeline has the steps
    case 'survey.unsatisfied':
    case 'kpi.updated':
    case 'areas.import':
    case 'cells.import':
    case 'incident.resolve':
    case 'kpi.daily-updated':
    case 'complaint.attribute': // scorecards (issue 8, ADR 0026): BI reads them from scoring
    case 'scorecards.close-month':
    case 'scorecard.published':
    case 'kpi.window-updated': // KPI windows: kpis/kpis.projection.ts, its own controller
    case 'kpi.warning':
    case 'known-issue.open': // known issues: known-issues.projection.ts (above); the remote support queue: its own controller
    case 'known-issue.close':
    case 'known-issue.opened':
    case 'known-issue.closed':
    case 'remote-support.resolve':
    case 'remote-support.release':
    case 'ticket.updated':
    case 'ticket.amended':
    case 'rota.set': // the rest rota (issue 5): rota.projection.ts, its own controller
    case 'rota.updated':
    case 'absence.record':
    case 'absence.recorded':
    case 'sla-policy.define': // SLA policies and re-attached clocks: sla-policies/, its own controller
    case 'sla-policy.versioned':
    case 'sla.clock-reattached':
    case 'sla.warned': // the alert ladder (issue 6, ADR 0028): on sla.alerts.v1 for dispatch and the dashboard
    case 'sla.reminder':
    case 'sla.escalated':
    case 'appointment.book': // appointment and approval commands (issue 5): not read-model events
    case 'approval.request':
    case 'approval.decide':
    case 'approval.end':
      break;
    // Appointments and approvals (issue 5, ADR 0027): the timeline (above) and approvals/approvals.projection.ts.
    case 'appointment.offered':
    case 'appointment.booked':
    case 'appointment.rescheduled':
    case 'appointment.kept':
    case 'appointment.missed':
    case 'contact.timed':
    case 'approval.requested':
    case 'approval.decided':
    case 'ticket.suspended':
    case 'ticket.suspension-ended':
      await projectAppointmentsApprovals(m, event);
      break;
    case 'complaint.received-by-department': // departments (ADR 0030): the timeline has them; departments/ keeps the queues
    case 'complaint.transferred':
    case 'complaint.replied':
    case 'complaint.transfer':
    case 'complaint.reply':
    case 'build-plan.load':
    case 'build-plan.loaded':
      break;
    case 'ticket.held':
    case 'ticket.resolved':
    case 'ticket.answered-by-known-issue':
    case 'ticket.dispatch-requested':
    case 'assignment.withdrawn':
    case 'sla.clock-paused':
    case 'sla.clock-resumed':
      await projectInterception(m, event);
      break;
  }
  if (ticketId) await refreshShownState(m, ticketId);
}
