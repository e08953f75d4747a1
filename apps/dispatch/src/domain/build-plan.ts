/**
 * The construction department's two lists (domain.md §3, seed 003 "弱覆盖清单"): the year's
 * build-plan list (a cell or zone with its planned year and quarter) and the no-investment list.
 * A coverage complaint from a listed cell or zone is answered straight from the list, without
 * any transfer.
 */

export type ListName = 'build-plan' | 'no-investment';

export interface ListEntry {
  list: ListName;
  target: 'cell' | 'zone';
  targetId: string;
  region: string;
  siteId?: string;
  plannedYear?: number;
  plannedQuarter?: number;
  note?: string;
}

export interface ComplaintPlace {
  region: string;
  zone: string;
  cellId?: string | null;
}

/**
 * The entry that answers a complaint from `place`, if any: the complaint's own cell before its
 * zone (the more precise entry wins); for the same target a build-plan entry before a
 * no-investment one (a plan is the better news and the newer decision). Only entries of the
 * complaint's region count.
 */
export function matchListEntry(entries: readonly ListEntry[], place: ComplaintPlace): ListEntry | undefined {
  const inRegion = entries.filter((e) => e.region === place.region);
  const pick = (target: 'cell' | 'zone', id: string | null | undefined) => {
    if (!id) return undefined;
    const hits = inRegion.filter((e) => e.target === target && e.targetId === id);
    return hits.find((e) => e.list === 'build-plan') ?? hits[0];
  };
  return pick('cell', place.cellId) ?? pick('zone', place.zone);
}

/** The customer's reply from a list entry (sent as the final reply and the SMS). */
export function listReply(entry: ListEntry): string {
  const where = entry.target === 'cell' ? 'the cell serving you' : 'your area';
  if (entry.list === 'build-plan') {
    const when = entry.plannedQuarter ? `Q${entry.plannedQuarter} ${entry.plannedYear}` : `${entry.plannedYear}`;
    return `Coverage for ${where} is in our network build plan for ${when}; the new equipment will improve your signal then.`;
  }
  return `We are sorry: no network investment is planned for ${where} at present${entry.note ? ` (${entry.note})` : ''}. We have recorded your complaint for future planning.`;
}
