import { services, ticketKinds } from '@switchboard/contracts';
import type { Service, TicketKind } from './ticket-triage';

/**
 * Remote pre-handling ("障碍拦截", "预处理", domain.md §2): before dispatch, tickets of configured
 * kinds (optionally only of one service) wait a short hold in a remote support queue, where an
 * agent may resolve them without a site visit or release them to dispatch; when the hold ends,
 * the ticket goes to dispatch by itself.
 */

/** One configured rule: `repair` (every service), `repair:broadband`, or with its own hold `repair:iptv=15`. */
export interface RemoteSupportRule {
  kind: TicketKind;
  /** Undefined: every service of the kind. */
  service?: Service;
  /** Undefined: the default hold. */
  holdMinutes?: number;
}

/** The default when nothing is configured: off, so no ticket waits (existing flows unchanged). */
export const DEFAULT_REMOTE_SUPPORT_KINDS = '';
/** A short hold: the remote support desk answers within minutes or the ticket goes to a technician. */
export const DEFAULT_REMOTE_SUPPORT_HOLD_MINUTES = 15;

export class RemoteSupportConfigError extends Error {
  constructor(readonly entry: string, reason: string) {
    super(`remote support rule "${entry}": ${reason}`);
  }
}

/** Parses `REMOTE_SUPPORT_KINDS`: comma-separated `kind[:service][=minutes]`; empty means off. */
export function parseRemoteSupportRules(spec: string): RemoteSupportRule[] {
  const rules: RemoteSupportRule[] = [];
  for (const raw of spec.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const [target = '', minutes, ...extra] = entry.split('=');
    if (extra.length > 0) throw new RemoteSupportConfigError(entry, 'more than one "="');
    const [kind = '', service, ...rest] = target.split(':').map((p) => p.trim());
    if (rest.length > 0) throw new RemoteSupportConfigError(entry, 'expected kind[:service][=minutes]');
    if (!(ticketKinds as readonly string[]).includes(kind)) throw new RemoteSupportConfigError(entry, `unknown kind "${kind}" (one of ${ticketKinds.join(', ')})`);
    if (service !== undefined && !(services as readonly string[]).includes(service)) {
      throw new RemoteSupportConfigError(entry, `unknown service "${service}" (one of ${services.join(', ')})`);
    }
    let holdMinutes: number | undefined;
    if (minutes !== undefined) {
      holdMinutes = Number(minutes.trim());
      if (minutes.trim() === '' || !Number.isFinite(holdMinutes) || holdMinutes <= 0) throw new RemoteSupportConfigError(entry, `hold "${minutes}" is not a positive number of minutes`);
    }
    rules.push({ kind: kind as TicketKind, ...(service !== undefined ? { service: service as Service } : {}), ...(holdMinutes !== undefined ? { holdMinutes } : {}) });
  }
  return rules;
}

export type RemoteHoldDecision = { hold: false } | { hold: true; holdUntil: Date };

export class RemoteSupportPolicy {
  constructor(
    readonly rules: readonly RemoteSupportRule[],
    readonly defaultHoldMinutes: number = DEFAULT_REMOTE_SUPPORT_HOLD_MINUTES,
  ) {
    if (!(defaultHoldMinutes > 0)) throw new Error('the remote support hold must be positive');
  }

  get enabled(): boolean {
    return this.rules.length > 0;
  }

  /** Whether a newly accepted ticket waits in the queue, and until when. A service-specific rule beats a kind-wide one. */
  decide(ticket: { kind: TicketKind; service: Service }, acceptedAt: Date): RemoteHoldDecision {
    const rule =
      this.rules.find((r) => r.kind === ticket.kind && r.service === ticket.service) ?? this.rules.find((r) => r.kind === ticket.kind && r.service === undefined);
    if (!rule) return { hold: false };
    const minutes = rule.holdMinutes ?? this.defaultHoldMinutes;
    return { hold: true, holdUntil: new Date(acceptedAt.getTime() + Math.round(minutes * 60_000)) };
  }
}

/** Where a queue entry stands: held, or out of the queue by one of three ways. */
/** `answered`: a known issue that opened while the ticket waited answered it (the sweep). */
export type RemoteSupportState = 'held' | 'resolved' | 'released' | 'expired' | 'answered';

/** Stable codes of a refused remote support command (`command.rejected`). */
export const RemoteSupportErrors = {
  NotHeld: 'REMOTE_SUPPORT.NOT_HELD',
  AlreadyResolved: 'REMOTE_SUPPORT.ALREADY_RESOLVED',
  AlreadyReleased: 'REMOTE_SUPPORT.ALREADY_RELEASED',
  HoldExpired: 'REMOTE_SUPPORT.HOLD_EXPIRED',
  AnsweredByKnownIssue: 'REMOTE_SUPPORT.ANSWERED_BY_KNOWN_ISSUE',
} as const;

export type RemoteSupportCommand = 'resolve' | 'release';

export type RemoteSupportVerdict =
  | { do: 'resolve' | 'release' }
  /** `expire`: the hold has run out but the poller has not released it yet — release it now (remote-hold-expired), then refuse. */
  | { do: 'reject'; code: (typeof RemoteSupportErrors)[keyof typeof RemoteSupportErrors]; message: string; expire: boolean };

/**
 * What an agent's command may do: only a held ticket whose hold has not ended may be resolved or
 * released; once the hold ends the ticket belongs to dispatch, whichever comes first decides.
 */
export function decideRemoteSupportCommand(entry: { state: RemoteSupportState; holdUntil: Date } | undefined, command: RemoteSupportCommand, now: Date): RemoteSupportVerdict {
  if (!entry) return { do: 'reject', code: RemoteSupportErrors.NotHeld, message: `cannot ${command}: the ticket is not in the remote support queue`, expire: false };
  switch (entry.state) {
    case 'held':
      if (now.getTime() >= entry.holdUntil.getTime()) {
        return { do: 'reject', code: RemoteSupportErrors.HoldExpired, message: `cannot ${command}: the hold ended at ${entry.holdUntil.toISOString()} and the ticket went to dispatch`, expire: true };
      }
      return { do: command };
    case 'resolved':
      return { do: 'reject', code: RemoteSupportErrors.AlreadyResolved, message: `cannot ${command}: the ticket was already resolved remotely`, expire: false };
    case 'released':
      return { do: 'reject', code: RemoteSupportErrors.AlreadyReleased, message: `cannot ${command}: the ticket was already released to dispatch`, expire: false };
    case 'expired':
      return { do: 'reject', code: RemoteSupportErrors.HoldExpired, message: `cannot ${command}: the hold ended at ${entry.holdUntil.toISOString()} and the ticket went to dispatch`, expire: false };
    case 'answered':
      return { do: 'reject', code: RemoteSupportErrors.AnsweredByKnownIssue, message: `cannot ${command}: a known issue that opened meanwhile answered the ticket`, expire: false };
  }
}

const SERVICE_WORDS: Record<Service, string> = { broadband: 'broadband', fixed: 'fixed-line', mobile: 'mobile', iptv: 'IPTV' };
const KIND_WORDS: Record<TicketKind, string> = { install: 'installation', move: 'move', repair: 'repair', complaint: 'complaint' };

export const REMOTELY_RESOLVED_TEMPLATE = 'intake.resolved-remotely';

/** The customer's notice when remote support resolved the ticket: what was done, no visit needed. */
export function remotelyResolvedNotice(input: { kind: TicketKind; service: Service; code: string; note: string }): { template: string; text: string; data: Record<string, string> } {
  const work = `${SERVICE_WORDS[input.service]} ${KIND_WORDS[input.kind]}`;
  return {
    template: REMOTELY_RESOLVED_TEMPLATE,
    text: `Your ${work} was resolved remotely, no visit is needed: ${input.note}`.slice(0, 2000),
    data: { resolutionCode: input.code },
  };
}
