import { amend, inApplyOrder, ORPHAN_UPDATE, ParkedUpdatePolicy, type AmendableTicket } from './ticket-amendment';

const t = (iso: string) => new Date(iso);
const ticket: AmendableTicket = { summary: 'No broadband', customerName: 'Li Wei', customerPhone: '+86 571 5550 1234', stamps: {} };

describe('amend (a caller\'s update of a ticket)', () => {
  it('changes the fields the update names and stamps them with its updatedAt', () => {
    const a = amend(ticket, { updatedAt: t('2026-11-24T01:00:00Z'), summary: 'No broadband since Monday', customerPhone: '+86 138 0000 7788' });
    expect(a).toEqual({
      changes: { summary: 'No broadband since Monday', customerPhone: '+86 138 0000 7788' },
      stamps: { summary: '2026-11-24T01:00:00.000Z', customerPhone: '2026-11-24T01:00:00.000Z' },
      changed: true,
    });
  });

  it('keeps a later value: an older update never overwrites a field a newer one set', () => {
    const after = { ...ticket, summary: 'newer', stamps: { summary: '2026-11-24T02:00:00.000Z' } };
    const a = amend(after, { updatedAt: t('2026-11-24T01:00:00Z'), summary: 'older', customerName: 'Li Wei Jr' });
    expect(a.changes).toEqual({ customerName: 'Li Wei Jr' });
    expect(a.stamps).toEqual({ summary: '2026-11-24T02:00:00.000Z', customerName: '2026-11-24T01:00:00.000Z' });
  });

  it('changes nothing when applied again (a duplicate) or when the value is already there', () => {
    const update = { updatedAt: t('2026-11-24T01:00:00Z'), summary: 'No broadband since Monday' };
    const first = amend(ticket, update);
    const again = amend({ ...ticket, summary: 'No broadband since Monday', stamps: first.stamps }, update);
    expect(again).toEqual({ changes: {}, stamps: first.stamps, changed: false });
    expect(amend(ticket, { updatedAt: t('2026-11-24T01:00:00Z'), summary: 'No broadband' }).changed).toBe(false);
  });

  it('carries a note as a change of its own (notes add up; they replace nothing)', () => {
    expect(amend(ticket, { updatedAt: t('2026-11-24T01:00:00Z'), note: 'Call after 18:00' })).toEqual({ changes: {}, stamps: {}, note: 'Call after 18:00', changed: true });
  });

  it('ends the same whichever order two updates are applied in', () => {
    const u1 = { updatedAt: t('2026-11-24T01:00:00Z'), summary: 'first', customerName: 'A' };
    const u2 = { updatedAt: t('2026-11-24T02:00:00Z'), summary: 'second' };
    const apply = (start: AmendableTicket, u: typeof u1 | typeof u2) => {
      const a = amend(start, u);
      return { ...start, summary: a.changes.summary ?? start.summary, customerName: a.changes.customerName ?? start.customerName, stamps: a.stamps };
    };
    expect(apply(apply(ticket, u1), u2)).toEqual(apply(apply(ticket, u2), u1));
    expect(apply(apply(ticket, u2), u1)).toMatchObject({ summary: 'second', customerName: 'A' });
  });
});

describe('inApplyOrder (parked updates)', () => {
  it('applies in the caller\'s order of change, then in order of arrival', () => {
    const updates = [
      { id: 'c', updatedAt: t('2026-11-24T03:00:00Z'), arrival: 1 },
      { id: 'a2', updatedAt: t('2026-11-24T01:00:00Z'), arrival: 3 },
      { id: 'a1', updatedAt: t('2026-11-24T01:00:00Z'), arrival: 2 },
      { id: 'b', updatedAt: t('2026-11-24T02:00:00Z'), arrival: 4 },
    ];
    expect(inApplyOrder(updates).map((u) => u.id)).toEqual(['a1', 'a2', 'b', 'c']);
    expect(updates[0]!.id).toBe('c');
  });
});

describe('ParkedUpdatePolicy (PARKED_UPDATE_TTL_HOURS)', () => {
  it('waits 24 hours by default for the ticket, then the update is an orphan', () => {
    const policy = new ParkedUpdatePolicy();
    const expires = policy.expiresAt(t('2026-11-24T00:00:00Z'));
    expect(expires).toEqual(t('2026-11-25T00:00:00Z'));
    expect(policy.isOrphan(expires, t('2026-11-24T23:59:59Z'))).toBe(false);
    expect(policy.isOrphan(expires, expires)).toBe(true);
  });

  it('takes fractions of an hour and refuses a non-positive TTL', () => {
    expect(new ParkedUpdatePolicy(0.5).expiresAt(t('2026-11-24T00:00:00Z'))).toEqual(t('2026-11-24T00:30:00Z'));
    expect(() => new ParkedUpdatePolicy(0)).toThrow(/positive/);
  });

  it('gives the sender a reason with a stable code', () => {
    expect(new ParkedUpdatePolicy(24).orphanReason('HZ-1')).toEqual({
      path: 'data.externalId',
      code: ORPHAN_UPDATE,
      message: 'no ticket with externalId HZ-1 arrived from this source within 24 h of its update; the update was not applied',
    });
  });
});
