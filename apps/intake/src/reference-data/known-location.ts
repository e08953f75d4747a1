import type { EntityManager } from 'typeorm';
import type { KnownLocation, TicketLocation } from '../domain/location-check';

const key = (l: TicketLocation) => JSON.stringify([l.region, l.county, l.zone, l.cellId ?? null]);

/**
 * What the loaded reference data says about each of a run's ticket locations, in one round trip
 * (the run's distinct places are asked once each). Answers in the order of `locations`.
 */
export async function readKnownLocations(m: EntityManager, locations: readonly TicketLocation[]): Promise<KnownLocation[]> {
  if (locations.length === 0) return [];
  const distinct = new Map<string, TicketLocation>();
  for (const l of locations) distinct.set(key(l), l);
  const places = [...distinct.values()];
  const rows = await m.query<
    { i: string; areas_loaded: boolean; region_known: boolean; county_known: boolean; zone_county: string | null; cells_loaded: boolean; cell_region: string | null }[]
  >(
    `WITH loaded AS (SELECT EXISTS (SELECT 1 FROM areas) AS areas_loaded, EXISTS (SELECT 1 FROM cells) AS cells_loaded)
     SELECT q.i, loaded.areas_loaded, loaded.cells_loaded,
            loaded.areas_loaded AND EXISTS (SELECT 1 FROM areas a WHERE a.region = q.region) AS region_known,
            loaded.areas_loaded AND EXISTS (SELECT 1 FROM areas a WHERE a.region = q.region AND a.county = q.county) AS county_known,
            CASE WHEN loaded.areas_loaded THEN (SELECT a.county FROM areas a WHERE a.region = q.region AND a.zone = q.zone) END AS zone_county,
            CASE WHEN loaded.cells_loaded THEN (SELECT c.region FROM cells c WHERE c.cell_id = q.cell_id) END AS cell_region
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS q(region, county, zone, cell_id, i)
      CROSS JOIN loaded`,
    [places.map((p) => p.region), places.map((p) => p.county), places.map((p) => p.zone), places.map((p) => p.cellId ?? null)],
  );
  const known = new Map<string, KnownLocation>();
  for (const r of rows) {
    known.set(key(places[Number(r.i) - 1]!), {
      areasLoaded: r.areas_loaded,
      regionKnown: r.region_known,
      countyKnown: r.county_known,
      zoneCounty: r.zone_county ?? undefined,
      cellsLoaded: r.cells_loaded,
      cellRegion: r.cell_region ?? undefined,
    });
  }
  return locations.map((l) => known.get(key(l))!);
}
