import { decideClose, knownIssueAnswerNotice, knownIssueClosedNotice, knownIssueOutcome, KnownIssueErrors, noticeChannelFor } from './known-issue-answer';

describe('known-issue answer (domain.md §2 一次性答复)', () => {
  it('holds a repair during an outage until the fix', () => {
    expect(knownIssueOutcome('repair', 'outage')).toBe('held-until-fixed');
  });

  it('archives everything else at once: complaints, and repairs under maintenance or weak coverage', () => {
    expect(knownIssueOutcome('complaint', 'outage')).toBe('archived');
    expect(knownIssueOutcome('complaint', 'weak-coverage-unplanned')).toBe('archived');
    expect(knownIssueOutcome('repair', 'planned-maintenance')).toBe('archived');
    expect(knownIssueOutcome('repair', 'weak-coverage-planned')).toBe('archived');
  });

  it('tells the customer the prepared explanation, the expected fix and what happens next', () => {
    const issue = { knownIssueId: 'ki-1', explanation: 'A fibre cut near Xixi is being repaired.', expectedFixAt: new Date('2026-11-24T10:00:00Z') };
    const held = knownIssueAnswerNotice({ kind: 'repair', service: 'broadband', issue, outcome: 'held-until-fixed' });
    expect(held.template).toBe('intake.known-issue-answer');
    expect(held.text).toContain('A fibre cut near Xixi is being repaired.');
    expect(held.text).toContain('2026-11-24T10:00:00.000Z');
    expect(held.text).toContain('We will tell you when it is fixed');
    expect(held.data).toEqual({ knownIssueId: 'ki-1', outcome: 'held-until-fixed', expectedFixAt: '2026-11-24T10:00:00.000Z' });

    const archived = knownIssueAnswerNotice({ kind: 'complaint', service: 'mobile', issue: { knownIssueId: 'ki-2', explanation: 'No coverage build is planned here.' }, outcome: 'archived' });
    expect(archived.text).toMatch(/^About your mobile complaint: No coverage build is planned here\. No visit is needed/);
    expect(archived.data).toEqual({ knownIssueId: 'ki-2', outcome: 'archived' });
  });

  it('notifies again when the issue closes, with the operator note', () => {
    const n = knownIssueClosedNotice({ kind: 'repair', service: 'iptv', knownIssueId: 'ki-1', note: 'Restart your set-top box.' });
    expect(n).toEqual({
      template: 'intake.known-issue-closed',
      text: 'The IPTV problem behind your repair has been fixed and your ticket is closed. Restart your set-top box.',
      data: { knownIssueId: 'ki-1' },
    });
  });

  it('sends the answer by SMS, the only contact a ticket carries', () => {
    expect(noticeChannelFor('email')).toBe('sms');
    expect(noticeChannelFor('phone')).toBe('sms');
  });

  it('closes only an existing, open issue, with a stable code otherwise', () => {
    expect(decideClose('ki-1', { state: 'open' })).toEqual({ close: true });
    expect(decideClose('ki-1', { state: 'closed' })).toMatchObject({ close: false, code: KnownIssueErrors.AlreadyClosed });
    expect(decideClose('ki-1', undefined)).toMatchObject({ close: false, code: 'KNOWN_ISSUE.NOT_FOUND' });
  });
});
