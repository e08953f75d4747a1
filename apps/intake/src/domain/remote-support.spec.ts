import { decideRemoteSupportCommand, parseRemoteSupportRules, RemoteSupportErrors, RemoteSupportPolicy, remotelyResolvedNotice } from './remote-support';

const at = new Date('2026-11-24T02:00:00Z');
const minutes = (n: number) => new Date(at.getTime() + n * 60_000);

describe('remote support rules (REMOTE_SUPPORT_KINDS)', () => {
  it('is off when empty, so no ticket is held', () => {
    expect(parseRemoteSupportRules('')).toEqual([]);
    expect(parseRemoteSupportRules(' , ')).toEqual([]);
    const policy = new RemoteSupportPolicy([]);
    expect(policy.enabled).toBe(false);
    expect(policy.decide({ kind: 'repair', service: 'broadband' }, at)).toEqual({ hold: false });
  });

  it('reads kind, optional service and optional own hold in minutes', () => {
    expect(parseRemoteSupportRules('repair:broadband, repair:iptv=2.5,complaint')).toEqual([
      { kind: 'repair', service: 'broadband' },
      { kind: 'repair', service: 'iptv', holdMinutes: 2.5 },
      { kind: 'complaint' },
    ]);
  });

  it.each([
    ['fault:broadband', /unknown kind "fault"/],
    ['repair:telegraph', /unknown service "telegraph"/],
    ['repair:broadband:x', /expected kind\[:service\]\[=minutes\]/],
    ['repair=0', /not a positive number/],
    ['repair=', /not a positive number/],
    ['repair=abc', /not a positive number/],
    ['repair=1=2', /more than one "="/],
  ])('refuses %s with the reason', (spec, reason) => {
    expect(() => parseRemoteSupportRules(spec)).toThrow(reason);
  });
});

describe('RemoteSupportPolicy.decide', () => {
  const policy = new RemoteSupportPolicy(parseRemoteSupportRules('repair:broadband,repair:iptv=2,complaint'), 10);

  it('holds a configured kind and service until the default hold ends', () => {
    expect(policy.decide({ kind: 'repair', service: 'broadband' }, at)).toEqual({ hold: true, holdUntil: minutes(10) });
  });

  it('uses a rule\'s own hold', () => {
    expect(policy.decide({ kind: 'repair', service: 'iptv' }, at)).toEqual({ hold: true, holdUntil: minutes(2) });
  });

  it('holds every service of a kind configured without a service', () => {
    expect(policy.decide({ kind: 'complaint', service: 'mobile' }, at)).toEqual({ hold: true, holdUntil: minutes(10) });
  });

  it('lets other kinds and services go straight to dispatch', () => {
    expect(policy.decide({ kind: 'repair', service: 'mobile' }, at)).toEqual({ hold: false });
    expect(policy.decide({ kind: 'install', service: 'broadband' }, at)).toEqual({ hold: false });
  });

  it('prefers the service-specific rule to the kind-wide one, whatever their order', () => {
    const p = new RemoteSupportPolicy(parseRemoteSupportRules('repair=30,repair:iptv=1'), 10);
    expect(p.decide({ kind: 'repair', service: 'iptv' }, at)).toEqual({ hold: true, holdUntil: minutes(1) });
    expect(p.decide({ kind: 'repair', service: 'fixed' }, at)).toEqual({ hold: true, holdUntil: minutes(30) });
  });

  it('refuses a non-positive default hold', () => {
    expect(() => new RemoteSupportPolicy([], 0)).toThrow(/positive/);
  });
});

describe('decideRemoteSupportCommand', () => {
  const held = { state: 'held' as const, holdUntil: minutes(10) };

  it('lets an agent resolve or release a held ticket before its hold ends', () => {
    expect(decideRemoteSupportCommand(held, 'resolve', minutes(9))).toEqual({ do: 'resolve' });
    expect(decideRemoteSupportCommand(held, 'release', at)).toEqual({ do: 'release' });
  });

  it('refuses a ticket that is not in the queue', () => {
    expect(decideRemoteSupportCommand(undefined, 'resolve', at)).toMatchObject({ do: 'reject', code: RemoteSupportErrors.NotHeld, expire: false });
  });

  it('refuses a ticket already resolved or released, with a code for each', () => {
    expect(decideRemoteSupportCommand({ ...held, state: 'resolved' }, 'release', at)).toMatchObject({ do: 'reject', code: RemoteSupportErrors.AlreadyResolved });
    expect(decideRemoteSupportCommand({ ...held, state: 'released' }, 'resolve', at)).toMatchObject({ do: 'reject', code: RemoteSupportErrors.AlreadyReleased });
    expect(decideRemoteSupportCommand({ ...held, state: 'answered' }, 'resolve', at)).toMatchObject({ do: 'reject', code: RemoteSupportErrors.AnsweredByKnownIssue, expire: false });
    expect(decideRemoteSupportCommand({ ...held, state: 'expired' }, 'resolve', at)).toMatchObject({ do: 'reject', code: RemoteSupportErrors.HoldExpired, expire: false });
  });

  it('at or after the end of the hold, the ticket belongs to dispatch: refused, and released by expiry if still held', () => {
    const verdict = decideRemoteSupportCommand(held, 'resolve', minutes(10));
    expect(verdict).toMatchObject({ do: 'reject', code: RemoteSupportErrors.HoldExpired, expire: true });
    expect(verdict.do === 'reject' && verdict.message).toContain('2026-11-24T02:10:00.000Z');
  });
});

describe('remotelyResolvedNotice', () => {
  it('tells the customer the work was resolved remotely, with the agent\'s note and code', () => {
    const notice = remotelyResolvedNotice({ kind: 'repair', service: 'iptv', code: 'stb-reset', note: 'We restarted your set-top box.' });
    expect(notice).toEqual({
      template: 'intake.resolved-remotely',
      text: 'Your IPTV repair was resolved remotely, no visit is needed: We restarted your set-top box.',
      data: { resolutionCode: 'stb-reset' },
    });
  });

  it('stays within the notification contract\'s 2000 characters', () => {
    expect(remotelyResolvedNotice({ kind: 'complaint', service: 'mobile', code: 'x', note: 'n'.repeat(2000) }).text).toHaveLength(2000);
  });
});
