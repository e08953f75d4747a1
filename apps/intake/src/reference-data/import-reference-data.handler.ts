import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, type AreasImport, type CellsImport, type Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { INTAKE_SOURCE } from '../accept-ticket/accept-ticket.handler';

/**
 * Loads the operator's reference data from the gateway's import commands (a chunk of ≤ 1,000
 * rows each): upserts, so a chunk sent twice changes nothing, then `areas.imported` /
 * `cells.imported` with the rows for the gateway's listing.
 */
@Injectable()
export class ImportReferenceDataHandler {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async importAreas(event: Envelope<'areas.import', AreasImport>, ctx: HandlerContext): Promise<void> {
    // One row per key (the last one wins), or Postgres refuses to update a row twice in one statement.
    const rows = [...new Map(event.data.rows.map((r) => [`${r.region}\u0000${r.zone}`, r])).values()];
    const now = this.clock.now();
    await ctx.manager.query(
      `INSERT INTO areas (region, county, zone, updated_at)
       SELECT r, c, z, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS u(r, c, z)
       ON CONFLICT (region, zone) DO UPDATE SET county = EXCLUDED.county, updated_at = EXCLUDED.updated_at
       WHERE areas.county IS DISTINCT FROM EXCLUDED.county`,
      [rows.map((r) => r.region), rows.map((r) => r.county), rows.map((r) => r.zone), now],
    );
    await ctx.emit({
      envelope: makeEvent('areas.imported', { ...event.data, importedAt: now.toISOString() }, this.meta(event, now)),
    });
  }

  async importCells(event: Envelope<'cells.import', CellsImport>, ctx: HandlerContext): Promise<void> {
    const rows = [...new Map(event.data.rows.map((r) => [r.cellId, r])).values()];
    const now = this.clock.now();
    await ctx.manager.query(
      `INSERT INTO cells (cell_id, region, lat, lon, neighbours, updated_at)
       SELECT id, r, la, lo, ARRAY(SELECT jsonb_array_elements_text(n)), $6
         FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::jsonb[]) AS u(id, r, la, lo, n)
       ON CONFLICT (cell_id) DO UPDATE SET region = EXCLUDED.region, lat = EXCLUDED.lat, lon = EXCLUDED.lon,
         neighbours = EXCLUDED.neighbours, updated_at = EXCLUDED.updated_at`,
      [rows.map((r) => r.cellId), rows.map((r) => r.region), rows.map((r) => r.lat), rows.map((r) => r.lon), rows.map((r) => JSON.stringify(r.neighbours)), now],
    );
    await ctx.emit({
      envelope: makeEvent('cells.imported', { ...event.data, importedAt: now.toISOString() }, this.meta(event, now)),
    });
  }

  private meta(event: Envelope, now: Date) {
    return { source: INTAKE_SOURCE, subject: event.subject, time: now, correlationId: event.correlationId ?? event.id, causationId: event.id };
  }
}
