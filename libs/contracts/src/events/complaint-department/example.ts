import type { BuildPlanLoad, BuildPlanLoaded, ComplaintReceivedByDepartment, ComplaintReplied, ComplaintReply, ComplaintTransfer, ComplaintTransferred } from './schema';

const TICKET = '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11';

export const complaintReceivedByDepartmentExample: ComplaintReceivedByDepartment = {
  ticketId: TICKET,
  region: 'hangzhou',
  department: 'network-optimisation',
  complaintCategory: 'call-drops',
  receivedAt: '2026-11-24T02:15:00.200Z',
};

export const complaintTransferExample: ComplaintTransfer = {
  ticketId: TICKET,
  byDepartment: 'network-optimisation',
  toDepartment: 'maintenance',
  note: 'Cell HZ-C-0042 shows a faulty transceiver; please replace it.',
  requestedBy: 'noc/hz-01',
};

export const complaintTransferredExample: ComplaintTransferred = {
  ticketId: TICKET,
  region: 'hangzhou',
  fromDepartment: 'network-optimisation',
  toDepartment: 'maintenance',
  note: 'Cell HZ-C-0042 shows a faulty transceiver; please replace it.',
  chain: ['network-optimisation', 'maintenance'],
  requestedBy: 'noc/hz-01',
  at: '2026-11-24T02:40:00.000Z',
};

export const complaintReplyExample: ComplaintReply = {
  ticketId: TICKET,
  byDepartment: 'maintenance',
  reply: 'The faulty transceiver on the Xixi site was replaced; calls no longer drop.',
  requestedBy: 'maintenance/hz-03',
};

export const complaintRepliedExample: ComplaintReplied = {
  ticketId: TICKET,
  region: 'hangzhou',
  department: 'maintenance',
  reply: 'The faulty transceiver on the Xixi site was replaced; calls no longer drop.',
  answeredFrom: 'department',
  chain: ['network-optimisation', 'maintenance'],
  at: '2026-11-24T05:10:00.000Z',
};

export const buildPlanLoadExample: BuildPlanLoad = {
  loadId: '0f6c2b1e-8a53-4d0e-9c1f-2a7b3c4d5e6f',
  entries: [
    { list: 'build-plan', target: 'cell', targetId: 'HZ-C-0042', siteId: 'HZ-S-0042', region: 'hangzhou', plannedYear: 2027, plannedQuarter: 2 },
    { list: 'no-investment', target: 'zone', targetId: 'chunan-11', region: 'hangzhou', note: 'Reservoir area, no new sites planned' },
  ],
  requestedBy: 'construction/hz',
};

export const buildPlanLoadedExample: BuildPlanLoaded = {
  loadId: '0f6c2b1e-8a53-4d0e-9c1f-2a7b3c4d5e6f',
  buildPlan: 1,
  noInvestment: 1,
  loadedAt: '2026-11-24T01:00:00.000Z',
};
