import { channels, services, ticketKinds, ticketReceivedSchema } from '@switchboard/contracts';
import { DEMO_REGION } from './demo-region';
import { SeededRandom } from './random';
import { generateTicket, simulatedExternalId, simulatedExternalIdPrefix } from './ticket-generator';

const now = new Date('2026-11-24T02:00:00Z');
const batch = (seed: string, n: number) => {
  const rng = new SeededRandom(seed);
  return Array.from({ length: n }, (_, i) => generateTicket(rng, DEMO_REGION, { seq: i + 1, runId: 'abc123', now }));
};

describe('the simulated call centre', () => {
  const tickets = batch('generator', 2000);

  it('raises tickets the contract accepts as they are', () => {
    for (const t of tickets) {
      const parsed = ticketReceivedSchema.safeParse(t);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data).toEqual(t);
    }
  });

  it('numbers external ids by run and sequence, unique within a run', () => {
    expect(tickets[0]!.externalId).toBe('SIM-abc123-000001');
    expect(new Set(tickets.map((t) => t.externalId)).size).toBe(tickets.length);
    expect(tickets.every((t) => t.externalId.startsWith(simulatedExternalIdPrefix('abc123')))).toBe(true);
    expect(simulatedExternalId('r1', 1234567)).toBe('SIM-r1-1234567');
  });

  it('places every ticket in a zone of the region', () => {
    const zones = new Map(DEMO_REGION.zones.map((z) => [z.code, z]));
    for (const t of tickets) {
      expect(t.location.region).toBe('hangzhou');
      expect(zones.get(t.location.zone)?.county).toBe(t.location.county);
    }
    expect(new Set(tickets.map((t) => t.location.zone)).size).toBe(DEMO_REGION.zones.length);
  });

  it('mixes kinds, services, channels and tiers', () => {
    expect(new Set(tickets.map((t) => t.kind))).toEqual(new Set(ticketKinds));
    expect(new Set(tickets.map((t) => t.service))).toEqual(new Set(services));
    expect(new Set(tickets.map((t) => t.channel))).toEqual(new Set(channels));
    const vip = tickets.filter((t) => t.customer.tier === 'vip').length / tickets.length;
    expect(vip).toBeGreaterThan(0.06);
    expect(vip).toBeLessThan(0.14);
    const phone = tickets.filter((t) => t.channel === 'phone').length / tickets.length;
    expect(phone).toBeGreaterThan(0.6);
    expect(tickets.filter((t) => t.service === 'mobile').every((t) => t.kind === 'repair' || t.kind === 'complaint')).toBe(true);
  });

  it('gives complaints a category and mobile tickets a cell', () => {
    for (const t of tickets) {
      expect(t.complaintCategory !== undefined).toBe(t.kind === 'complaint');
      expect(t.location.cellId !== undefined).toBe(t.service === 'mobile');
    }
  });

  it('uses customers that are obviously fake, the same name and phone for the same customer', () => {
    const byId = new Map<string, string>();
    for (const t of tickets) {
      expect(t.customer.name).toMatch(/^Sim Customer \d+$/);
      expect(t.customer.phone).toMatch(/^\+86 555 /);
      const seen = byId.get(t.customer.id);
      if (seen) expect(`${t.customer.name}|${t.customer.phone}`).toBe(seen);
      byId.set(t.customer.id, `${t.customer.name}|${t.customer.phone}`);
    }
    expect(new Set(tickets.map((t) => t.customer.phone)).size).toBe(byId.size);
  });

  it('repeats for the same seed and differs for another', () => {
    expect(batch('generator', 50)).toEqual(tickets.slice(0, 50));
    expect(batch('other', 50)).not.toEqual(tickets.slice(0, 50));
  });
});
