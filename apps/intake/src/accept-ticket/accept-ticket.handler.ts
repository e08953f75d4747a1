import { Inject, Injectable } from '@nestjs/common';
import {
  makeEvent,
  ticketIdFor,
  type Envelope,
  type TicketAccepted,
  type TicketDispatchRequested,
  type TicketHeld,
  type TicketReceived,
  type TicketRepeatFaultDetected,
  type TicketTriaged,
} from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { firstContactOwner } from '../domain/first-contact-owner';
import { KnownIssueAnswerer } from '../known-issues/known-issue-answerer';
import { checkLocation } from '../domain/location-check';
import { IncidentGrouping, type Grouping } from '../incidents/incident-grouping';
import { readKnownLocation } from '../reference-data/known-location';
import { rejectUnknownLocation } from '../reject-ticket/reject-unknown-location';
import type { CompletedTicket } from '../domain/repeat-fault-detector';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake.config';
import { TicketAmender } from '../amend-ticket/ticket-amender';
import { RemoteSupportQueue } from '../remote-support/remote-support-queue';

export const INTAKE_SOURCE = 'switchboard/intake';

export type AcceptOutcome = { outcome: 'accepted'; ticketId: string } | { outcome: 'resubmitted'; ticketId: string } | { outcome: 'rejected'; ticketId: string };

/**
 * Accepts a validated `ticket.received`, all in one transaction: a place intake does not know is
 * refused (`ticket.rejected`); one ticket per (source, externalId) — a resubmission is counted on
 * the ticket and emits nothing — persisted with its first-contact owner and announced with
 * `ticket.accepted`; parked updates apply; `ticket.repeat-fault-detected` when it is a repeat
 * fault; `ticket.triaged` (class and priority). Then the first interception that applies: a known
 * issue's answer, a mass-complaint incident (held), remote pre-handling (held) — or else
 * `ticket.dispatch-requested` (dispatch places only the tickets intake hands it).
 */
@Injectable()
export class AcceptTicketHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
    private readonly knownIssues: KnownIssueAnswerer,
    private readonly amender: TicketAmender,
    private readonly remoteSupport: RemoteSupportQueue,
    private readonly incidents: IncidentGrouping,
  ) {}

  async execute(event: Envelope<'ticket.received', TicketReceived>, ctx: HandlerContext): Promise<AcceptOutcome> {
    const t = event.data;
    const source = event.source;
    const ticketId = ticketIdFor(source, t.externalId);
    const now = this.clock.now();
    const owner = firstContactOwner(t.receivedBy, source);

    // Unknown region, county, zone or cell: refused before any ticket exists. A resubmission of a
    // ticket accepted earlier (before the reference data said otherwise) stays that ticket; whether
    // it exists is asked only for a refused place, off the common path.
    const reasons = checkLocation(t.location, await readKnownLocation(ctx.manager, t.location));
    if (reasons.length > 0) {
      const [existing] = await ctx.manager.query<unknown[]>(`SELECT 1 FROM tickets WHERE source = $1 AND external_id = $2`, [source, t.externalId]);
      if (!existing) {
        await rejectUnknownLocation(event, reasons, ctx, now);
        return { outcome: 'rejected', ticketId };
      }
    }

    const inserted = await ctx.manager.query<{ ticket_id: string }[]>(
      `INSERT INTO tickets (ticket_id, source, external_id, inbound_event_id, channel, kind, service,
         customer_id, customer_tier, customer_name, customer_phone, region, county, zone, cell_id, lat, lon,
         summary, complaint_category, reported_at, received_by, owner, state, accepted_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, 'accepted', $23, $23)
       ON CONFLICT (source, external_id) DO NOTHING
       RETURNING ticket_id`,
      [
        ticketId,
        source,
        t.externalId,
        event.id,
        t.channel,
        t.kind,
        t.service,
        t.customer.id,
        t.customer.tier,
        t.customer.name,
        t.customer.phone,
        t.location.region,
        t.location.county,
        t.location.zone,
        t.location.cellId ?? null,
        t.location.lat ?? null,
        t.location.lon ?? null,
        t.summary,
        t.complaintCategory ?? null,
        t.reportedAt,
        t.receivedBy ?? null,
        owner,
        now,
      ],
    );

    if (inserted.length === 0) {
      // Same (source, externalId): the same ticket. Noted for later reporting, nothing emitted.
      await ctx.manager.query(
        `UPDATE tickets SET resubmissions = resubmissions + 1, last_resubmitted_at = $3, last_resubmission_event_id = $4
         WHERE source = $1 AND external_id = $2`,
        [source, t.externalId, now, event.id],
      );
      return { outcome: 'resubmitted', ticketId };
    }

    const accepted: TicketAccepted = {
      ticketId,
      source,
      externalId: t.externalId,
      channel: t.channel,
      kind: t.kind,
      service: t.service,
      customerId: t.customer.id,
      customerTier: t.customer.tier,
      contact: { name: t.customer.name, phone: t.customer.phone },
      location: {
        region: t.location.region,
        county: t.location.county,
        zone: t.location.zone,
        ...(t.location.cellId !== undefined ? { cellId: t.location.cellId } : {}),
        ...(t.location.lat !== undefined ? { lat: t.location.lat } : {}),
        ...(t.location.lon !== undefined ? { lon: t.location.lon } : {}),
      },
      ...(t.complaintCategory !== undefined ? { complaintCategory: t.complaintCategory } : {}),
      reportedAt: t.reportedAt,
      acceptedAt: now.toISOString(),
      owner,
    };
    const meta = { source: INTAKE_SOURCE, subject: ticketId, time: now, correlationId: event.correlationId ?? event.id, causationId: event.id };
    await ctx.emit({ envelope: makeEvent('ticket.accepted', accepted, meta) });
    // Updates that arrived before their ticket (parked) apply now, in this same transaction.
    await this.amender.applyParked(ctx, { ticketId, source, externalId: t.externalId });

    // Decided once, at acceptance, from the completions intake knows by then: a completion that
    // arrives after this ticket was accepted (events out of order) never makes it a repeat retroactively.
    const completedRows = await ctx.manager.query<{ ticket_id: string; customer_id: string; service: CompletedTicket['service']; kind: CompletedTicket['kind']; completed_at: Date }[]>(
      `SELECT ticket_id, customer_id, service, kind, completed_at FROM tickets
        WHERE customer_id = $1 AND service = $2 AND completed_at IS NOT NULL AND ticket_id <> $3
        ORDER BY completed_at DESC LIMIT 20`,
      [t.customer.id, t.service, ticketId],
    );
    const repeat = this.config.repeatFaults.detect(
      { ticketId, customerId: t.customer.id, service: t.service, kind: t.kind, acceptedAt: now },
      completedRows.map((r) => ({ ticketId: r.ticket_id, customerId: r.customer_id, service: r.service, kind: r.kind, completedAt: new Date(r.completed_at) })),
    );
    // Interception, first: a ticket an active known issue covers is answered with it (below) and
    // is neither grouped under an incident nor dispatched.
    const answerable = { ticketId, kind: t.kind, service: t.service, channel: t.channel, phone: t.customer.phone, ...t.location };
    const knownIssue = await this.knownIssues.findFor(ctx, answerable, now);
    // Important (mass) complaint: the complaint may open or join an incident, and is then held instead of dispatched.
    const grouping: Grouping =
      knownIssue === undefined && t.kind === 'complaint' && t.complaintCategory !== undefined && t.location.cellId !== undefined
        ? await this.incidents.group(
            { ticketId, region: t.location.region, complaintCategory: t.complaintCategory, cellId: t.location.cellId, reportedAt: new Date(t.reportedAt) },
            ctx,
            { source: meta.source, time: meta.time, correlationId: meta.correlationId, causationId: meta.causationId },
            now,
          )
        : { grouped: false };
    const triage = this.config.triage.triage({
      tier: t.customer.tier,
      kind: t.kind,
      service: t.service,
      repeatFault: repeat.repeat,
      incident: grouping.grouped,
      reportedAt: new Date(t.reportedAt),
      acceptedAt: now,
    });
    await ctx.manager.query(
      `UPDATE tickets SET repeat_fault = $2, repeat_of_ticket_id = $3, triage_class = $4, triage_priority = $5 WHERE ticket_id = $1`,
      [ticketId, repeat.repeat, repeat.repeat ? repeat.previousTicketId : null, triage.class, triage.priority],
    );
    if (repeat.repeat) {
      const detected: TicketRepeatFaultDetected = {
        ticketId,
        previousTicketId: repeat.previousTicketId,
        customerTier: t.customer.tier,
        service: t.service,
        region: t.location.region,
        daysSinceCompletion: repeat.daysSinceCompletion,
        detectedAt: now.toISOString(),
      };
      await ctx.emit({ envelope: makeEvent('ticket.repeat-fault-detected', detected, meta) });
    }
    const triaged: TicketTriaged = { ticketId, class: triage.class, priority: triage.priority, reasons: triage.reasons, region: t.location.region };
    await ctx.emit({ envelope: makeEvent('ticket.triaged', triaged, meta) });
    if (knownIssue !== undefined) {
      // Answered at once with the known issue's explanation: archived, or held until the fix.
      await this.knownIssues.answerNewTicket(ctx, answerable, knownIssue, now, meta);
      return { outcome: 'accepted', ticketId };
    }
    if (grouping.grouped) {
      const held: TicketHeld = { ticketId, region: t.location.region, reason: 'incident', incidentId: grouping.incidentId, heldAt: now.toISOString() };
      await ctx.manager.query(`UPDATE tickets SET state = 'held', updated_at = $2 WHERE ticket_id = $1`, [ticketId, now]);
      await ctx.emit({ envelope: makeEvent('ticket.held', held, meta) });
      return { outcome: 'accepted', ticketId };
    }
    // Remote pre-handling: a configured kind waits in the remote support queue instead of going to dispatch.
    const remote = { ticketId, kind: t.kind, service: t.service, region: t.location.region, class: triage.class, priority: triage.priority };
    if (await this.remoteSupport.holdIfConfigured(ctx, remote, { correlationId: meta.correlationId, causationId: meta.causationId })) return { outcome: 'accepted', ticketId };
    const dispatchRequested: TicketDispatchRequested = {
      ticketId,
      region: t.location.region,
      class: triage.class,
      priority: triage.priority,
      reason: 'accepted',
      requestedAt: now.toISOString(),
    };
    await ctx.emit({ envelope: makeEvent('ticket.dispatch-requested', dispatchRequested, meta) });
    return { outcome: 'accepted', ticketId };
  }
}
