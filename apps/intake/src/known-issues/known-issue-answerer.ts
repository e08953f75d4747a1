import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { makeEvent, type EventMeta } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { knownIssueAnswerNotice, knownIssueClosedNotice, knownIssueOutcome, noticeChannelFor } from '../domain/known-issue-answer';
import { findKnownIssue, KINDS_ANSWERED_BY_KNOWN_ISSUES, type KnownIssue } from '../domain/known-issue-matcher';
import { KnownIssueStore, type AnswerableTicket } from '../persistence/known-issue-store';

/** The envelope fields the events about one ticket share, minus the subject (the ticket id). */
export type CausedBy = Omit<EventMeta, 'subject' | 'id'>;

/**
 * Answers tickets with a known issue ("一次性答复", domain.md §2): links the ticket, emits
 * `ticket.answered-by-known-issue`, the customer's notice and then `ticket.held` (a repair during
 * an outage, until the fix) or `ticket.resolved` (archived, intercepted) — all in the caller's
 * transaction, so the answer and the ticket's new state commit together.
 */
@Injectable()
export class KnownIssueAnswerer {
  /**
   * The active known issue that covers each new ticket of a run, if any (none for installs and
   * moves). Holds the regions' known-issue locks (shared) until the transaction ends, so an issue
   * opening at the same time either sees these tickets in its sweep or is seen here. The locks and
   * the open issues are read once for the run. Answers in the order of `tickets`.
   */
  async findForMany(ctx: HandlerContext, tickets: readonly AnswerableTicket[], at: Date): Promise<(KnownIssue | undefined)[]> {
    const answerable = tickets.filter((t) => KINDS_ANSWERED_BY_KNOWN_ISSUES.includes(t.kind));
    const regions = [...new Set(answerable.map((t) => t.region))];
    if (regions.length === 0) return tickets.map(() => undefined);
    await KnownIssueStore.lockRegionsShared(ctx.manager, regions);
    const issues = await KnownIssueStore.openInRegions(ctx.manager, regions);
    if (issues.length === 0) return tickets.map(() => undefined);
    return tickets.map((t) => {
      if (!KINDS_ANSWERED_BY_KNOWN_ISSUES.includes(t.kind)) return undefined;
      const inRegion = issues.filter((i) => i.area.region === t.region);
      return inRegion.length === 0 ? undefined : findKnownIssue(this.place(t, at), inRegion)?.issue;
    });
  }

  /** Answers a new ticket with the issue `findForMany` found: no dispatch follows. */
  async answerNewTicket(ctx: HandlerContext, ticket: AnswerableTicket, issue: KnownIssue, at: Date, causedBy: CausedBy): Promise<void> {
    await this.answer(ctx, ticket, issue, { swept: false, at, causedBy });
  }

  /** The open tickets a newly opened issue covers, answered with `swept: true`; returns how many. */
  async sweep(ctx: HandlerContext, issue: KnownIssue, at: Date, causedBy: CausedBy): Promise<number> {
    const candidates = await KnownIssueStore.openTicketsIn(ctx.manager, issue.area.region, KINDS_ANSWERED_BY_KNOWN_ISSUES, issue.services);
    // Only this issue decides here: a ticket already answered by another one is not a candidate.
    const covered = candidates.filter((ticket) => findKnownIssue(this.place(ticket, at), [issue]));
    // A ticket waiting for remote support leaves the queue, answered — unless an agent or the end
    // of its hold took it first (then it is not answered here).
    const remote = covered.filter((t) => t.remoteHeld).map((t) => t.ticketId);
    const closed = await KnownIssueStore.closeRemoteHolds(ctx.manager, remote, issue.knownIssueId, at);
    let swept = 0;
    for (const { remoteHeld, ...ticket } of covered) {
      if (remoteHeld && !closed.has(ticket.ticketId)) continue;
      await this.answer(ctx, ticket, issue, { swept: true, at, causedBy });
      swept += 1;
    }
    return swept;
  }

  /** Closes the tickets held for the issue: `ticket.resolved` (known-issue-closed) and a second notice each; returns how many. */
  async closeHeld(ctx: HandlerContext, knownIssueId: string, note: string | undefined, at: Date, causedBy: CausedBy): Promise<number> {
    const held = await KnownIssueStore.heldFor(ctx.manager, knownIssueId);
    for (const ticket of held) {
      await KnownIssueStore.markResolved(ctx.manager, ticket.ticketId, at);
      const notice = knownIssueClosedNotice({ kind: ticket.kind, service: ticket.service, knownIssueId, note });
      const meta = { ...causedBy, subject: ticket.ticketId };
      await ctx.emit(
        {
          envelope: makeEvent(
            'ticket.resolved',
            { ticketId: ticket.ticketId, region: ticket.region, resolution: 'known-issue-closed', reply: notice.text, knownIssueId, intercepted: true, resolvedAt: at.toISOString() },
            meta,
          ),
        },
        { envelope: makeEvent('notification.requested', this.notification(ticket, notice), meta) },
      );
    }
    return held.length;
  }

  private place(ticket: AnswerableTicket, at: Date) {
    return { kind: ticket.kind, service: ticket.service, location: { region: ticket.region, county: ticket.county, zone: ticket.zone, cellId: ticket.cellId }, at };
  }

  private notification(ticket: AnswerableTicket, notice: { template: string; text: string; data: Record<string, string> }) {
    return { notificationId: randomUUID(), ticketId: ticket.ticketId, channel: noticeChannelFor(ticket.channel), to: ticket.phone, ...notice };
  }

  private async answer(ctx: HandlerContext, ticket: AnswerableTicket, issue: KnownIssue, how: { swept: boolean; at: Date; causedBy: CausedBy }): Promise<void> {
    const outcome = knownIssueOutcome(ticket.kind, issue.kind);
    const at = how.at.toISOString();
    await KnownIssueStore.markAnswered(ctx.manager, ticket.ticketId, issue.knownIssueId, outcome, how.at);
    const meta = { ...how.causedBy, subject: ticket.ticketId };
    const notice = knownIssueAnswerNotice({ kind: ticket.kind, service: ticket.service, issue, outcome });
    const expectedFixAt = issue.expectedFixAt ? { expectedFixAt: issue.expectedFixAt.toISOString() } : {};
    await ctx.emit(
      {
        envelope: makeEvent(
          'ticket.answered-by-known-issue',
          {
            ticketId: ticket.ticketId,
            region: ticket.region,
            knownIssueId: issue.knownIssueId,
            knownIssueKind: issue.kind,
            explanation: issue.explanation,
            ...expectedFixAt,
            outcome,
            swept: how.swept,
            answeredAt: at,
          },
          meta,
        ),
      },
      { envelope: makeEvent('notification.requested', this.notification(ticket, notice), meta) },
      outcome === 'held-until-fixed'
        ? { envelope: makeEvent('ticket.held', { ticketId: ticket.ticketId, region: ticket.region, reason: 'known-issue', knownIssueId: issue.knownIssueId, heldAt: at }, meta) }
        : {
            envelope: makeEvent(
              'ticket.resolved',
              {
                ticketId: ticket.ticketId,
                region: ticket.region,
                resolution: 'answered-by-known-issue',
                reply: issue.explanation,
                knownIssueId: issue.knownIssueId,
                intercepted: true,
                resolvedAt: at,
              },
              meta,
            ),
          },
    );
  }
}
