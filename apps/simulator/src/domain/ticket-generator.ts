import type { TicketReceived } from '@switchboard/contracts';
import type { DemoRegion } from './demo-region';
import type { SeededRandom } from './random';

type Service = TicketReceived['service'];
type Kind = TicketReceived['kind'];
type Channel = TicketReceived['channel'];

/** Share of each service among the tickets a call centre raises. */
const SERVICE_MIX: readonly (readonly [Service, number])[] = [
  ['broadband', 45],
  ['mobile', 20],
  ['fixed', 15],
  ['iptv', 20],
];

/** Kinds per service: mobile has no field install or move (a SIM card is not a site visit). */
const KIND_MIX: Record<Service, readonly (readonly [Kind, number])[]> = {
  broadband: [
    ['repair', 50],
    ['install', 22],
    ['move', 10],
    ['complaint', 18],
  ],
  mobile: [
    ['complaint', 65],
    ['repair', 35],
  ],
  fixed: [
    ['repair', 55],
    ['install', 15],
    ['move', 15],
    ['complaint', 15],
  ],
  iptv: [
    ['repair', 45],
    ['install', 30],
    ['move', 5],
    ['complaint', 20],
  ],
};

/** Channels (domain.md §1): mostly the 7x24 hotline. */
const CHANNEL_MIX: readonly (readonly [Channel, number])[] = [
  ['phone', 70],
  ['web', 10],
  ['sms', 5],
  ['email', 5],
  ['letter', 1],
  ['inspection', 4],
  ['revisit', 5],
];

const VIP_SHARE = 0.1;

const COMPLAINT_CATEGORIES: Record<Service, readonly string[]> = {
  broadband: ['slow-speed', 'frequent-drops', 'billing-dispute', 'service-attitude'],
  mobile: ['weak-coverage', 'call-drops', 'data-speed', 'service-attitude'],
  fixed: ['noise-on-line', 'no-dial-tone', 'billing-dispute'],
  iptv: ['picture-freezing', 'channel-missing', 'service-attitude'],
};

const SUMMARIES: Record<Kind, Record<Service, readonly string[]>> = {
  install: {
    broadband: ['New 500M broadband line for a flat', 'Fibre broadband for a new shop'],
    mobile: ['Home signal booster installation'],
    fixed: ['New landline for an office'],
    iptv: ['IPTV set-top box installation', 'Second IPTV box for the bedroom'],
  },
  move: {
    broadband: ['Broadband to move to the new address', 'Relocate fibre terminal to the study'],
    mobile: ['Move signal booster to the new flat'],
    fixed: ['Landline to move with the customer'],
    iptv: ['Move IPTV service to the new address'],
  },
  repair: {
    broadband: ['Broadband drops every evening', 'No internet since this morning, optical light red', 'Wi-Fi very slow after storm'],
    mobile: ['No mobile data at home since yesterday', 'Calls fail in the building basement'],
    fixed: ['Landline has no dial tone', 'Crackling noise on the landline'],
    iptv: ['IPTV picture freezes every few minutes', 'Set-top box shows error 1302'],
  },
  complaint: {
    broadband: ['Speed far below the contract', 'Engineer missed the appointment twice'],
    mobile: ['Weak coverage in the residential compound', 'Calls drop on the way to work'],
    fixed: ['Billed for calls never made', 'Line faults keep coming back'],
    iptv: ['Sports channels missing from the package', 'Picture quality poor in the evenings'],
  },
};

/** Customers per zone: a small pool, so the same line sometimes reports again (repeat faults, domain.md §2). */
const CUSTOMERS_PER_ZONE = 2000;

export interface TicketDraft {
  /** Position of the ticket in this run (1, 2, …); part of the external id. */
  seq: number;
  /** Distinguishes one run's external ids from another's, so a rerun never lands on old tickets. */
  runId: string;
  now: Date;
}

/** The call centre's external id of the seq-th ticket of a run. */
export function simulatedExternalId(runId: string, seq: number): string {
  return `SIM-${runId}-${String(seq).padStart(6, '0')}`;
}

/** The prefix all external ids of a run share. */
export function simulatedExternalIdPrefix(runId: string): string {
  return `SIM-${runId}-`;
}

/**
 * A `ticket.received` a call centre could raise in the region: the body of `POST /v1/tickets`
 * and the data of the Kafka ingress event. Customers are fake and say so.
 */
export function generateTicket(rng: SeededRandom, region: DemoRegion, draft: TicketDraft): TicketReceived {
  const service = rng.weighted(SERVICE_MIX);
  const kind = rng.weighted(KIND_MIX[service]);
  const channel = rng.weighted(CHANNEL_MIX);
  const zoneIndex = rng.int(0, region.zones.length - 1);
  const zone = region.zones[zoneIndex]!;
  const customerNo = zoneIndex * CUSTOMERS_PER_ZONE + rng.int(1, CUSTOMERS_PER_ZONE);
  const ticket: TicketReceived = {
    externalId: simulatedExternalId(draft.runId, draft.seq),
    channel,
    kind,
    service,
    customer: {
      id: `SIM-C-${String(customerNo).padStart(6, '0')}`,
      name: `Sim Customer ${customerNo}`,
      phone: `+86 555 ${String(1000 + Math.floor(customerNo / 10000)).slice(-4)} ${String(customerNo % 10000).padStart(4, '0')}`,
      tier: rng.chance(VIP_SHARE) ? 'vip' : 'standard',
    },
    location: {
      region: region.region,
      county: zone.county,
      zone: zone.code,
      lat: round(zone.centre.lat + rng.between(-0.008, 0.008)),
      lon: round(zone.centre.lon + rng.between(-0.008, 0.008)),
    },
    summary: rng.pick(SUMMARIES[kind][service]),
    reportedAt: draft.now.toISOString(),
    receivedBy: receivedBy(rng, channel),
  };
  if (service === 'mobile') ticket.location.cellId = `HZ-${zone.code}-C${rng.int(1, 12)}`;
  if (kind === 'complaint') ticket.complaintCategory = rng.pick(COMPLAINT_CATEGORIES[service]);
  return ticket;
}

function receivedBy(rng: SeededRandom, channel: Channel): string {
  switch (channel) {
    case 'phone':
      return `agent/sim/${String(rng.int(1, 40)).padStart(4, '0')}`;
    case 'inspection':
      return 'engineer/field-inspection';
    case 'revisit':
      return 'agent/revisit-desk';
    case 'web':
    case 'sms':
    case 'email':
    case 'letter':
      return `${channel}-desk`;
  }
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;
