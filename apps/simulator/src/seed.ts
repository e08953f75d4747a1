import { demoAreasCsv, demoCellsCsv } from './domain/demo-geography';
import { DEMO_REGION, type DemoRegion } from './domain/demo-region';
import { GatewayError, type GatewayClient } from './gateway/gateway-client';

export interface SeedResult {
  region: string;
  /** With `geography`: zones and radio cells sent to `/v1/areas` and `/v1/cells` (intake rejects tickets elsewhere once they are loaded). */
  zones?: number;
  cells?: number;
  /** Technicians the gateway took (`{ accepted }` of POST /v1/technicians). */
  accepted: number;
  /** Of ours, how many `GET /v1/technicians?region=` lists once registration has gone through; undefined if it could not be read. */
  listed?: number;
}

/**
 * With `geography` (the `seed` command, `make up`'s demo), loads the demo region's zones and
 * radio cells — from then on intake rejects tickets in other places (docs/adr/0013) — then
 * registers its technicians through the gateway (upserts and register-or-update, so seeding
 * twice is harmless), and waits up to `waitMs` until the gateway lists them.
 */
export async function seedDemo(api: GatewayClient, options: { region?: DemoRegion; geography?: boolean; waitMs?: number; pollMs?: number } = {}): Promise<SeedResult> {
  const region = options.region ?? DEMO_REGION;
  const loaded = options.geography
    ? { zones: (await api.importAreas(demoAreasCsv(region))).rows, cells: (await api.importCells(demoCellsCsv(region))).rows }
    : {};
  const { accepted } = await api.registerTechnicians(region.technicians);
  const ours = new Set(region.technicians.map((t) => t.technicianId));
  const deadline = Date.now() + (options.waitMs ?? 15_000);
  let listed: number | undefined;
  for (;;) {
    try {
      const { items } = await api.listTechnicians(region.region);
      listed = items.filter((t) => ours.has(t.technicianId)).length;
    } catch (e) {
      // A listing the gateway refuses (not there yet, not allowed) will not change by waiting.
      if (e instanceof GatewayError && e.status !== undefined && e.status < 500) return { region: region.region, ...loaded, accepted };
      listed = undefined;
    }
    if (listed === ours.size || Date.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, options.pollMs ?? 250));
  }
  return { region: region.region, ...loaded, accepted, ...(listed !== undefined ? { listed } : {}) };
}
