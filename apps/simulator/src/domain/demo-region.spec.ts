import { services, technicianRegisterSchema, ticketKinds } from '@switchboard/contracts';
import { DEMO_REGION } from './demo-region';

describe('the demo region', () => {
  it('registers technicians that the contract accepts as they are', () => {
    for (const t of DEMO_REGION.technicians) {
      const parsed = technicianRegisterSchema.safeParse(t);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data).toEqual(t);
    }
  });

  it('has two area groups of 4–6 in hangzhou, each in its own county, with unique ids and phones', () => {
    const groups = new Map<string, (typeof DEMO_REGION.technicians)[number][]>();
    for (const t of DEMO_REGION.technicians) groups.set(t.group, [...(groups.get(t.group) ?? []), t]);
    expect([...groups.keys()].sort()).toEqual(['gongshu-a', 'xihu-a']);
    for (const members of groups.values()) {
      expect(members.length).toBeGreaterThanOrEqual(4);
      expect(members.length).toBeLessThanOrEqual(6);
      expect(new Set(members.map((m) => m.county)).size).toBe(1);
    }
    expect(DEMO_REGION.technicians.every((t) => t.region === DEMO_REGION.region)).toBe(true);
    expect(new Set(DEMO_REGION.technicians.map((t) => t.technicianId)).size).toBe(DEMO_REGION.technicians.length);
    expect(new Set(DEMO_REGION.technicians.map((t) => t.phone)).size).toBe(DEMO_REGION.technicians.length);
  });

  it('covers every service and kind in every group', () => {
    for (const groupCode of ['xihu-a', 'gongshu-a']) {
      const members = DEMO_REGION.technicians.filter((t) => t.group === groupCode);
      for (const service of services) {
        for (const kind of ticketKinds) {
          const skilled = members.filter((t) => t.skills.some((s) => s.service === service && s.kinds.includes(kind)));
          expect({ groupCode, service, kind, skilled: skilled.length > 0 }).toEqual({ groupCode, service, kind, skilled: true });
        }
      }
    }
  });

  it('gives each technician a home zone of the region, near where they start', () => {
    const zones = new Map(DEMO_REGION.zones.map((z) => [z.code, z]));
    for (const t of DEMO_REGION.technicians) {
      const home = zones.get(t.zone);
      expect(home?.county).toBe(t.county);
      expect(Math.abs(t.position!.lat - home!.centre.lat)).toBeLessThan(0.01);
      expect(Math.abs(t.position!.lon - home!.centre.lon)).toBeLessThan(0.01);
    }
    expect(new Set(DEMO_REGION.zones.map((z) => z.county))).toEqual(new Set(DEMO_REGION.counties));
  });

  it('uses names and numbers that are obviously fake', () => {
    for (const t of DEMO_REGION.technicians) {
      expect(t.name).toMatch(/\(demo\)$/);
      expect(t.phone).toMatch(/^\+86 555 /);
    }
  });
});
