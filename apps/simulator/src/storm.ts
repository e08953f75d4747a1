import { demoCellsCsv, stormComplaints } from './domain/demo-geography';
import { DEMO_REGION, type DemoRegion } from './domain/demo-region';
import type { GatewayClient } from './gateway/gateway-client';

export interface StormResult {
  sent: number;
  cells: string[];
  /** The open incident of the storm's cells once intake grouped them; undefined if none showed within the wait. */
  incident?: { incidentId: string; children: number };
}

/**
 * The `storm` scenario (domain.md §2 important complaint): loads the demo cells with their
 * neighbours, then raises more than five complaints of one category from three adjacent cells
 * at once, and waits up to `waitMs` for the incident intake opens.
 */
export async function raiseStorm(api: GatewayClient, options: { region?: DemoRegion; runId?: string; waitMs?: number; pollMs?: number } = {}): Promise<StormResult> {
  const region = options.region ?? DEMO_REGION;
  await api.importCells(demoCellsCsv(region));
  const complaints = stormComplaints(region, options.runId ?? Date.now().toString(36), new Date());
  // The cells must be loaded before the complaints are checked against them.
  const deadline = Date.now() + (options.waitMs ?? 30_000);
  while ((await api.listCells(region.region)).total === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, options.pollMs ?? 250));
  for (const complaint of complaints) await api.submitTicket(complaint);
  const cells = [...new Set(complaints.map((c) => c.location.cellId!))].sort();
  for (;;) {
    const { items } = await api.listIncidents(region.region);
    const ours = items.find((i) => i.cells.some((c) => cells.includes(c)) && i.children >= complaints.length);
    if (ours) return { sent: complaints.length, cells, incident: { incidentId: ours.incidentId, children: ours.children } };
    if (Date.now() >= deadline) return { sent: complaints.length, cells };
    await new Promise((r) => setTimeout(r, options.pollMs ?? 250));
  }
}
