import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { makeEvent, type Envelope } from '@switchboard/contracts';
import { enqueueEvents } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DATA_SOURCE, LOGGER, PolledWorker } from '@switchboard/platform';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake.config';
import { AMEND_SOURCE, applyUpdates, TICKET_COLUMNS, type StoredUpdate, type TicketRow } from './ticket-amender';

const BATCH = 100;

interface ParkedRow extends StoredUpdate {
  source: string;
  external_id: string;
  matched_ticket_id: string | null;
}

/**
 * Settles parked updates nothing else will: one whose ticket was accepted by a transaction that
 * could not see it yet (the two raced) is applied now; one still without a ticket after
 * `PARKED_UPDATE_TTL_HOURS` is refused with `ticket.rejected` (ORPHAN_UPDATE) — never silently
 * dropped. Rows and tickets are claimed with SKIP LOCKED: replicas share the work and the sweeper
 * never waits on the accept path.
 */
@Injectable()
export class ParkedUpdateSweeper extends PolledWorker {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super('parked update sweeper', config.parkedUpdatePollMs, logger);
  }

  /** One pass; true when the batch was full. */
  pass(): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const rows = await m.query<ParkedRow[]>(
        `SELECT u.id, u.arrival, u.updated_at, u.data, u.inbound_event_id, u.correlation_id, u.source, u.external_id, t.ticket_id AS matched_ticket_id
           FROM ticket_updates u LEFT JOIN tickets t ON t.source = u.source AND t.external_id = u.external_id
          WHERE u.state = 'parked' AND (t.ticket_id IS NOT NULL OR u.expires_at <= $1)
          ORDER BY u.expires_at
          LIMIT $2
          FOR UPDATE OF u SKIP LOCKED`,
        [now, BATCH],
      );
      const events: { envelope: Envelope; topic?: string }[] = [];
      const byTicket = new Map<string, ParkedRow[]>();
      for (const r of rows) {
        if (r.matched_ticket_id) byTicket.set(r.matched_ticket_id, [...(byTicket.get(r.matched_ticket_id) ?? []), r]);
      }
      for (const [ticketId, updates] of byTicket) {
        // A ticket being amended elsewhere right now is left for the next pass.
        const [ticket] = await m.query<TicketRow[]>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE ticket_id = $1 FOR UPDATE SKIP LOCKED`, [ticketId]);
        if (!ticket) continue;
        events.push(...(await applyUpdates(m, ticket, updates, { parked: true, now })).events);
      }
      const orphans = rows.filter((r) => !r.matched_ticket_id);
      if (orphans.length > 0) {
        await m.query(`UPDATE ticket_updates SET state = 'rejected', settled_at = $2 WHERE id = ANY($1::uuid[])`, [orphans.map((o) => o.id), now]);
        for (const o of orphans) {
          events.push({
            envelope: makeEvent(
              'ticket.rejected',
              { source: o.source, externalId: o.external_id, inboundEventId: o.inbound_event_id, reasons: [this.config.parkedUpdates.orphanReason(o.external_id)] },
              { source: AMEND_SOURCE, subject: o.external_id, time: now, ...(o.correlation_id ? { correlationId: o.correlation_id } : {}), causationId: o.inbound_event_id },
            ),
          });
        }
      }
      await enqueueEvents(m, events);
      return rows.length === BATCH;
    });
  }
}
