import { knownIssueOpenSchema, ticketReceivedSchema } from '@switchboard/contracts';
import { DEMO_REGION } from './demo-region';
import { outageKnownIssue, ticketsInsideOutage } from './outage-plan';
import { SeededRandom } from './random';

const now = new Date('2026-11-24T02:00:00Z');

describe('the outage scenario (domain.md §2 一次性答复)', () => {
  it('opens a broadband and IPTV outage over the first zone, expected fixed when it ends', () => {
    const body = outageKnownIssue(DEMO_REGION, now, 10 * 60_000);
    expect(body).toMatchObject({
      kind: 'outage',
      area: { region: 'hangzhou', county: 'xihu', zones: ['xihu-01'], cells: [] },
      services: ['broadband', 'iptv'],
      startsAt: '2026-11-24T02:00:00.000Z',
      expectedFixAt: '2026-11-24T02:10:00.000Z',
    });
    expect(body.explanation).toContain('xihu-01');
    expect(knownIssueOpenSchema.safeParse({ ...body, knownIssueId: 'ki-1', openedBy: 'simulator' }).success).toBe(true);
  });

  it('raises valid repairs and complaints of the affected services inside the zone, with ids of their own', () => {
    const tickets = ticketsInsideOutage(new SeededRandom('t'), DEMO_REGION, { runId: 'r1', count: 6, now });
    expect(tickets.map((t) => t.kind)).toEqual(['repair', 'repair', 'complaint', 'repair', 'repair', 'complaint']);
    for (const t of tickets) {
      expect(ticketReceivedSchema.safeParse(t).success).toBe(true);
      expect(t.location).toMatchObject({ region: 'hangzhou', county: 'xihu', zone: 'xihu-01' });
      expect(['broadband', 'iptv']).toContain(t.service);
      expect(t.externalId.startsWith('SIM-r1O-')).toBe(true);
    }
    expect(new Set(tickets.map((t) => t.externalId)).size).toBe(6);
  });
});
