import type { ApprovalDecide, ApprovalDecided, ApprovalEnd, ApprovalRequest, ApprovalRequested } from './schema';

const approvalId = '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6';
const ticketId = '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11';

export const approvalRequestExample: ApprovalRequest = {
  approvalId,
  ticketId,
  kind: 'suspension',
  requestedBy: 'T-XH-01',
  requesterKind: 'technician',
  reason: 'customer-absent',
  expectedEndAt: '2026-11-28T01:00:00Z',
  note: 'Customer abroad until Friday.',
};
export const approvalDecideExample: ApprovalDecide = { approvalId, ticketId, decision: 'approved', decidedBy: 'sup-hz-01', comment: 'Agreed with the customer by phone.' };
export const approvalEndExample: ApprovalEnd = { approvalId, ticketId, endedBy: 'sup-hz-01' };
export const approvalRequestedExample: ApprovalRequested = {
  ...approvalRequestExample,
  region: 'hangzhou',
  assignmentId: '8d7e0a4c-6a1b-4f7e-9c2d-1b3a5c7e9f01',
  at: '2026-11-24T03:00:00Z',
};
export const approvalDecidedExample: ApprovalDecided = {
  approvalId,
  ticketId,
  region: 'hangzhou',
  kind: 'suspension',
  decision: 'approved',
  decidedBy: 'sup-hz-01',
  comment: 'Agreed with the customer by phone.',
  at: '2026-11-24T03:10:00Z',
};
