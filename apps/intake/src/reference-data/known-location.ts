import type { EntityManager } from 'typeorm';
import type { KnownLocation, TicketLocation } from '../domain/location-check';

/** What the loaded reference data says about a ticket's location, in one round trip. */
export async function readKnownLocation(m: EntityManager, location: TicketLocation): Promise<KnownLocation> {
  const [row] = await m.query<
    { areas_loaded: boolean; region_known: boolean; county_known: boolean; zone_county: string | null; cells_loaded: boolean; cell_region: string | null }[]
  >(
    `SELECT EXISTS (SELECT 1 FROM areas) AS areas_loaded,
            EXISTS (SELECT 1 FROM areas WHERE region = $1) AS region_known,
            EXISTS (SELECT 1 FROM areas WHERE region = $1 AND county = $2) AS county_known,
            (SELECT county FROM areas WHERE region = $1 AND zone = $3) AS zone_county,
            EXISTS (SELECT 1 FROM cells) AS cells_loaded,
            (SELECT region FROM cells WHERE cell_id = $4) AS cell_region`,
    [location.region, location.county, location.zone, location.cellId ?? null],
  );
  return {
    areasLoaded: row!.areas_loaded,
    regionKnown: row!.region_known,
    countyKnown: row!.county_known,
    zoneCounty: row!.zone_county ?? undefined,
    cellsLoaded: row!.cells_loaded,
    cellRegion: row!.cell_region ?? undefined,
  };
}
