import type { ValidationReason } from '@switchboard/contracts';

/**
 * What intake knows of a ticket's location, read from the reference data the operator loaded
 * (`/v1/areas`, `/v1/cells`). Each check applies once its kind of reference data exists at all
 * (docs/adr/0013-unknown-areas.md): a fresh install without geography still takes tickets.
 */
export interface KnownLocation {
  /** Some region / county / zone has been loaded. */
  areasLoaded: boolean;
  regionKnown: boolean;
  /** The county is one of the region's. */
  countyKnown: boolean;
  /** The county the zone belongs to inside the region; undefined: no such zone in the region. */
  zoneCounty: string | undefined;
  /** Some radio cell has been loaded. */
  cellsLoaded: boolean;
  /** The region of the ticket's cell; undefined: no such cell (or no cell given). */
  cellRegion: string | undefined;
}

export interface TicketLocation {
  region: string;
  county: string;
  zone: string;
  cellId?: string;
}

/** Stable codes of a location intake refuses (domain.md §2 "unknown regions, zones or cells are rejected, not guessed"). */
export const LocationRejections = {
  unknownRegion: 'LOCATION.UNKNOWN_REGION',
  unknownCounty: 'LOCATION.UNKNOWN_COUNTY',
  unknownZone: 'LOCATION.UNKNOWN_ZONE',
  zoneNotInCounty: 'LOCATION.ZONE_NOT_IN_COUNTY',
  unknownCell: 'LOCATION.UNKNOWN_CELL',
  cellNotInRegion: 'LOCATION.CELL_NOT_IN_REGION',
} as const;

/** One reason per field that names a place intake does not know; empty when the location is acceptable. */
export function checkLocation(location: TicketLocation, known: KnownLocation): ValidationReason[] {
  const reasons: ValidationReason[] = [];
  const C = LocationRejections;
  if (known.areasLoaded) {
    if (!known.regionKnown) {
      // County and zone cannot be placed in a region nobody loaded: the region is the reason.
      reasons.push({ path: 'location.region', code: C.unknownRegion, message: `no region "${location.region}" has been loaded (GET /v1/areas lists the known ones)` });
    } else {
      if (!known.countyKnown) {
        reasons.push({ path: 'location.county', code: C.unknownCounty, message: `region "${location.region}" has no county "${location.county}"` });
      }
      if (known.zoneCounty === undefined) {
        reasons.push({ path: 'location.zone', code: C.unknownZone, message: `region "${location.region}" has no zone "${location.zone}"` });
      } else if (known.countyKnown && known.zoneCounty !== location.county) {
        reasons.push({ path: 'location.zone', code: C.zoneNotInCounty, message: `zone "${location.zone}" is in county "${known.zoneCounty}", not "${location.county}"` });
      }
    }
  }
  if (known.cellsLoaded && location.cellId !== undefined) {
    if (known.cellRegion === undefined) {
      reasons.push({ path: 'location.cellId', code: C.unknownCell, message: `no radio cell "${location.cellId}" has been loaded (GET /v1/cells lists the known ones)` });
    } else if (known.cellRegion !== location.region) {
      reasons.push({ path: 'location.cellId', code: C.cellNotInRegion, message: `cell "${location.cellId}" is in region "${known.cellRegion}", not "${location.region}"` });
    }
  }
  return reasons;
}
