import { ApprovalWorkflow, type TicketForRequest } from './approval-workflow';

const open = { assignmentId: 'a-1', technicianId: 'T-1' };
const ticket = (over: Partial<TicketForRequest> = {}): TicketForRequest => ({ open, booked: true, pendingKinds: [], suspended: false, ...over });
const tech = (id: string, kind: 'reschedule' | 'suspension' = 'suspension') => ({ kind, requesterKind: 'technician' as const, requestedBy: id });
const customer = (kind: 'reschedule' | 'suspension') => ({ kind, requesterKind: 'customer' as const, requestedBy: 'customer' });

describe('ApprovalWorkflow.request: who may ask for what', () => {
  it('files a technician’s request on their own assignment, and the customer’s', () => {
    expect(ApprovalWorkflow.request(ticket(), tech('T-1'))).toEqual({ ok: true, assignmentId: 'a-1' });
    expect(ApprovalWorkflow.request(ticket(), customer('reschedule'))).toEqual({ ok: true, assignmentId: 'a-1' });
  });

  it("refuses a technician asking on another technician's assignment", () => {
    expect(ApprovalWorkflow.request(ticket(), tech('T-2'))).toMatchObject({ ok: false, code: 'APPROVAL.NOT_YOUR_ASSIGNMENT' });
  });

  it('refuses without an open assignment, a reschedule before a booking, a second pending request of the kind, a second suspension', () => {
    expect(ApprovalWorkflow.request(ticket({ open: undefined }), customer('suspension'))).toMatchObject({ code: 'APPROVAL.NO_OPEN_ASSIGNMENT' });
    expect(ApprovalWorkflow.request(ticket({ booked: false }), customer('reschedule'))).toMatchObject({ code: 'APPROVAL.NOTHING_TO_RESCHEDULE' });
    expect(ApprovalWorkflow.request(ticket({ booked: false }), customer('suspension'))).toMatchObject({ ok: true });
    expect(ApprovalWorkflow.request(ticket({ pendingKinds: ['reschedule'] }), customer('reschedule'))).toMatchObject({ code: 'APPROVAL.ALREADY_PENDING' });
    expect(ApprovalWorkflow.request(ticket({ pendingKinds: ['reschedule'] }), customer('suspension'))).toMatchObject({ ok: true });
    expect(ApprovalWorkflow.request(ticket({ suspended: true }), customer('suspension'))).toMatchObject({ code: 'APPROVAL.ALREADY_SUSPENDED' });
  });
});

describe('ApprovalWorkflow.decide: pending → approved | rejected, once', () => {
  it('approves or rejects a pending request', () => {
    expect(ApprovalWorkflow.decide({ kind: 'suspension', state: 'pending' }, 'approved')).toEqual({ ok: true, to: 'approved' });
    expect(ApprovalWorkflow.decide({ kind: 'reschedule', state: 'pending' }, 'rejected')).toEqual({ ok: true, to: 'rejected' });
  });

  it('refuses a second decision, either way, and an unknown request', () => {
    for (const state of ['approved', 'rejected', 'ended'] as const) {
      for (const d of ['approved', 'rejected'] as const) {
        expect(ApprovalWorkflow.decide({ kind: 'suspension', state }, d)).toMatchObject({ ok: false, code: 'APPROVAL.ALREADY_DECIDED' });
      }
    }
    expect(ApprovalWorkflow.decide(undefined, 'approved')).toMatchObject({ code: 'APPROVAL.NOT_FOUND' });
  });
});

describe('ApprovalWorkflow.end: only an approved suspension ends', () => {
  it('ends an approved suspension once', () => {
    expect(ApprovalWorkflow.end({ kind: 'suspension', state: 'approved' })).toEqual({ ok: true, to: 'ended' });
    expect(ApprovalWorkflow.end({ kind: 'suspension', state: 'ended' })).toMatchObject({ code: 'APPROVAL.ALREADY_ENDED' });
  });

  it('refuses a pending or rejected suspension, a reschedule, an unknown request', () => {
    expect(ApprovalWorkflow.end({ kind: 'suspension', state: 'pending' })).toMatchObject({ code: 'APPROVAL.NOT_APPROVED' });
    expect(ApprovalWorkflow.end({ kind: 'suspension', state: 'rejected' })).toMatchObject({ code: 'APPROVAL.NOT_APPROVED' });
    expect(ApprovalWorkflow.end({ kind: 'reschedule', state: 'approved' })).toMatchObject({ code: 'APPROVAL.NOT_A_SUSPENSION' });
    expect(ApprovalWorkflow.end(undefined)).toMatchObject({ code: 'APPROVAL.NOT_FOUND' });
  });
});
