import type { knownIssueKinds, services, ticketKinds } from '@switchboard/contracts';

export type KnownIssueKind = (typeof knownIssueKinds)[number];
type Service = (typeof services)[number];
type TicketKind = (typeof ticketKinds)[number];

/** A known issue as the matcher needs it (intake's `known_issues` row). */
export interface KnownIssue {
  knownIssueId: string;
  kind: KnownIssueKind;
  state: 'open' | 'closed';
  area: { region: string; county?: string | undefined; zones: readonly string[]; cells: readonly string[] };
  services: readonly Service[];
  startsAt: Date;
  /** Undefined: open-ended, active until closed. */
  endsAt?: Date | undefined;
  explanation: string;
  expectedFixAt?: Date | undefined;
}

/** Where and what a ticket is about, and when it is looked at. */
export interface TicketForKnownIssue {
  kind: TicketKind;
  service: Service;
  location: { region: string; county: string; zone: string; cellId?: string | undefined };
  at: Date;
}

/** How precisely an issue's area names the ticket's place: a radio cell beats a zone beats a county beats a whole region. */
export type AreaMatch = 'cell' | 'zone' | 'county' | 'region';
const SPECIFICITY: Record<AreaMatch, number> = { cell: 3, zone: 2, county: 1, region: 0 };

/** Only faults are answered by a known problem: an install or a move is new work, not a symptom of one (domain.md §2). */
export const KINDS_ANSWERED_BY_KNOWN_ISSUES: readonly TicketKind[] = ['repair', 'complaint'];

/**
 * Whether an issue is active at `at`: open, started, and not past its window's end (open-ended
 * issues stay active until closed).
 */
export function isActiveAt(issue: KnownIssue, at: Date): boolean {
  return issue.state === 'open' && issue.startsAt.getTime() <= at.getTime() && (issue.endsAt === undefined || at.getTime() < issue.endsAt.getTime());
}

/**
 * How the issue's area covers the location, or undefined when it does not. Region (and county,
 * when the issue names one) must match; then, when the issue lists zones or cells, the ticket's
 * zone or radio cell must be one of them (either list suffices); with neither list the whole
 * region or county is covered.
 */
export function areaMatch(area: KnownIssue['area'], location: TicketForKnownIssue['location']): AreaMatch | undefined {
  if (area.region !== location.region) return undefined;
  if (area.county !== undefined && area.county !== location.county) return undefined;
  if (location.cellId !== undefined && area.cells.includes(location.cellId)) return 'cell';
  if (area.zones.includes(location.zone)) return 'zone';
  if (area.zones.length > 0 || area.cells.length > 0) return undefined;
  return area.county !== undefined ? 'county' : 'region';
}

export interface KnownIssueMatch {
  issue: KnownIssue;
  match: AreaMatch;
}

/**
 * The known issue that answers a ticket ("一次性答复", domain.md §2), or undefined: the ticket is a
 * repair or complaint, its service is affected, its place lies in the issue's area, and the issue
 * is active. When several match, an outage comes first (a repair under it is held until the fix),
 * then the most specific area, then the latest started, then the id, so the choice is stable.
 */
export function findKnownIssue(ticket: TicketForKnownIssue, issues: readonly KnownIssue[]): KnownIssueMatch | undefined {
  if (!KINDS_ANSWERED_BY_KNOWN_ISSUES.includes(ticket.kind)) return undefined;
  const matches: KnownIssueMatch[] = [];
  for (const issue of issues) {
    if (!isActiveAt(issue, ticket.at) || !issue.services.includes(ticket.service)) continue;
    const match = areaMatch(issue.area, ticket.location);
    if (match !== undefined) matches.push({ issue, match });
  }
  matches.sort(
    (a, b) =>
      Number(b.issue.kind === 'outage') - Number(a.issue.kind === 'outage') ||
      SPECIFICITY[b.match] - SPECIFICITY[a.match] ||
      b.issue.startsAt.getTime() - a.issue.startsAt.getTime() ||
      a.issue.knownIssueId.localeCompare(b.issue.knownIssueId),
  );
  return matches[0];
}
