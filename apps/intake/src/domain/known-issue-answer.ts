import type { notificationChannels, services, channels, ticketKinds } from '@switchboard/contracts';
import type { KnownIssue } from './known-issue-matcher';

type Service = (typeof services)[number];
type TicketKind = (typeof ticketKinds)[number];
type TicketChannel = (typeof channels)[number];
type NoticeChannel = (typeof notificationChannels)[number];

export type KnownIssueOutcome = 'archived' | 'held-until-fixed';

/**
 * What follows the answer: a repair during an outage waits for the fix (held, closed when the
 * issue closes, and it does not breach); anything else — a complaint, or a repair under
 * maintenance or weak coverage — is archived at once: the explanation is the reply.
 */
export function knownIssueOutcome(ticketKind: TicketKind, issueKind: KnownIssue['kind']): KnownIssueOutcome {
  return ticketKind === 'repair' && issueKind === 'outage' ? 'held-until-fixed' : 'archived';
}

/**
 * The channel a notice goes out on. Intake knows only the customer's phone number, so an answer
 * is an SMS whatever channel the ticket came in on; an email channel needs an address the ticket
 * contract does not carry.
 */
export function noticeChannelFor(ticketChannel: TicketChannel): NoticeChannel {
  void ticketChannel;
  return 'sms';
}

export interface CustomerNotice {
  template: 'intake.known-issue-answer' | 'intake.known-issue-closed';
  text: string;
  data: Record<string, string>;
}

const SERVICE_WORDS: Record<Service, string> = { broadband: 'broadband', fixed: 'fixed-line', mobile: 'mobile', iptv: 'IPTV' };
const KIND_WORDS: Record<TicketKind, string> = { install: 'installation', move: 'move', repair: 'repair', complaint: 'complaint' };

/** The customer's answer: the prepared explanation, when the fix is expected, and what happens to the ticket. */
export function knownIssueAnswerNotice(input: { kind: TicketKind; service: Service; issue: Pick<KnownIssue, 'knownIssueId' | 'explanation' | 'expectedFixAt'>; outcome: KnownIssueOutcome }): CustomerNotice {
  const about = `About your ${SERVICE_WORDS[input.service]} ${KIND_WORDS[input.kind]}: ${input.issue.explanation}`;
  const fix = input.issue.expectedFixAt ? ` Expected fix: ${input.issue.expectedFixAt.toISOString()}.` : '';
  const next = input.outcome === 'held-until-fixed' ? ' We will tell you when it is fixed; no visit is needed.' : ' No visit is needed; your ticket is closed with this answer.';
  return {
    template: 'intake.known-issue-answer',
    text: `${about}${fix}${next}`,
    data: {
      knownIssueId: input.issue.knownIssueId,
      outcome: input.outcome,
      ...(input.issue.expectedFixAt ? { expectedFixAt: input.issue.expectedFixAt.toISOString() } : {}),
    },
  };
}

/** The second notice, when the issue a ticket was held for is closed. */
export function knownIssueClosedNotice(input: { kind: TicketKind; service: Service; knownIssueId: string; note?: string | undefined }): CustomerNotice {
  const note = input.note !== undefined ? ` ${input.note}` : '';
  return {
    template: 'intake.known-issue-closed',
    text: `The ${SERVICE_WORDS[input.service]} problem behind your ${KIND_WORDS[input.kind]} has been fixed and your ticket is closed.${note}`,
    data: { knownIssueId: input.knownIssueId },
  };
}

/** Why intake refuses a known-issue command (`command.rejected`); the codes are stable. */
export const KnownIssueErrors = {
  DuplicateId: 'KNOWN_ISSUE.DUPLICATE_ID',
  NotFound: 'KNOWN_ISSUE.NOT_FOUND',
  AlreadyClosed: 'KNOWN_ISSUE.ALREADY_CLOSED',
} as const;

export type KnownIssueCloseDecision = { close: true } | { close: false; code: (typeof KnownIssueErrors)[keyof typeof KnownIssueErrors]; message: string };

/** Whether a known issue can be closed: it must exist and still be open. */
export function decideClose(knownIssueId: string, issue: Pick<KnownIssue, 'state'> | undefined): KnownIssueCloseDecision {
  if (!issue) return { close: false, code: KnownIssueErrors.NotFound, message: `no known issue ${knownIssueId}` };
  if (issue.state === 'closed') return { close: false, code: KnownIssueErrors.AlreadyClosed, message: `known issue ${knownIssueId} is already closed` };
  return { close: true };
}
