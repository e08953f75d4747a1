import { DEFAULT_DEPARTMENTS, DEFAULT_ROUTING, decideReply, decideTransfer, goesToDepartments, isCoverageComplaint, type DepartmentHolding } from './department-routing';

const held = (...chain: string[]): DepartmentHolding => ({ state: 'held', holder: chain[chain.length - 1]!, chain });

describe('goesToDepartments (which complaints the network optimisation centre receives)', () => {
  it('takes mobile network-quality complaints of the configured categories', () => {
    expect(goesToDepartments({ kind: 'complaint', service: 'mobile', complaintCategory: 'call-drops' }, DEFAULT_ROUTING)).toBe(true);
    expect(goesToDepartments({ kind: 'complaint', service: 'mobile', complaintCategory: 'weak-coverage' }, DEFAULT_ROUTING)).toBe(true);
  });

  it('leaves other categories, other services, complaints without a category and other kinds to the technician selector', () => {
    expect(goesToDepartments({ kind: 'complaint', service: 'mobile', complaintCategory: 'service-attitude' }, DEFAULT_ROUTING)).toBe(false);
    expect(goesToDepartments({ kind: 'complaint', service: 'broadband', complaintCategory: 'weak-coverage' }, DEFAULT_ROUTING)).toBe(false);
    expect(goesToDepartments({ kind: 'complaint', service: 'mobile' }, DEFAULT_ROUTING)).toBe(false);
    expect(goesToDepartments({ kind: 'complaint', service: 'mobile', complaintCategory: null }, DEFAULT_ROUTING)).toBe(false);
    expect(goesToDepartments({ kind: 'repair', service: 'mobile', complaintCategory: 'weak-coverage' }, DEFAULT_ROUTING)).toBe(false);
  });

  it('follows the configuration, not a built-in list', () => {
    const routing = { services: ['broadband'], categories: ['slow-speed'], coverageCategories: [] };
    expect(goesToDepartments({ kind: 'complaint', service: 'broadband', complaintCategory: 'slow-speed' }, routing)).toBe(true);
    expect(goesToDepartments({ kind: 'complaint', service: 'mobile', complaintCategory: 'weak-coverage' }, routing)).toBe(false);
  });

  it('checks only routed coverage categories against the build-plan lists', () => {
    expect(isCoverageComplaint({ kind: 'complaint', service: 'mobile', complaintCategory: 'weak-coverage' }, DEFAULT_ROUTING)).toBe(true);
    expect(isCoverageComplaint({ kind: 'complaint', service: 'mobile', complaintCategory: 'call-drops' }, DEFAULT_ROUTING)).toBe(false);
    expect(isCoverageComplaint({ kind: 'complaint', service: 'broadband', complaintCategory: 'weak-coverage' }, DEFAULT_ROUTING)).toBe(false);
  });
});

describe('decideTransfer (no bounce-back)', () => {
  const d = DEFAULT_DEPARTMENTS;

  it('lets the centre transfer to maintenance, with the chain growing', () => {
    expect(decideTransfer(held('network-optimisation'), 'network-optimisation', 'maintenance', d)).toEqual({ ok: true, chain: ['network-optimisation', 'maintenance'] });
  });

  it('refuses maintenance sending it back to the centre it came from', () => {
    expect(decideTransfer(held('network-optimisation', 'maintenance'), 'maintenance', 'network-optimisation', d)).toMatchObject({ ok: false, code: 'DEPARTMENT.BOUNCE_BACK' });
  });

  it('refuses a return to any earlier holder, not only the sender (A → B → C → A)', () => {
    const h = held('network-optimisation', 'maintenance', 'network-management');
    expect(decideTransfer(h, 'network-management', 'network-optimisation', d)).toMatchObject({ ok: false, code: 'DEPARTMENT.BOUNCE_BACK' });
    expect(decideTransfer(h, 'network-management', 'maintenance', d)).toMatchObject({ ok: false, code: 'DEPARTMENT.BOUNCE_BACK' });
    expect(decideTransfer(h, 'network-management', 'expert-seat', d)).toEqual({ ok: true, chain: ['network-optimisation', 'maintenance', 'network-management', 'expert-seat'] });
  });

  it('ends every chain: after all five departments nobody can transfer any more', () => {
    const full = held(...d.departments);
    for (const to of d.departments) expect(decideTransfer(full, 'expert-seat', to, d)).toMatchObject({ ok: false });
  });

  it('lets only the holder transfer', () => {
    expect(decideTransfer(held('network-optimisation', 'maintenance'), 'network-optimisation', 'construction', d)).toMatchObject({ ok: false, code: 'DEPARTMENT.NOT_HOLDER' });
  });

  it('refuses unknown departments, itself, replied tickets and tickets not with the departments', () => {
    expect(decideTransfer(held('network-optimisation'), 'network-optimisation', 'marketing', d)).toMatchObject({ ok: false, code: 'DEPARTMENT.UNKNOWN' });
    expect(decideTransfer(held('network-optimisation'), 'network-optimisation', 'network-optimisation', d)).toMatchObject({ ok: false, code: 'DEPARTMENT.SAME_DEPARTMENT' });
    expect(decideTransfer({ state: 'replied', holder: 'maintenance', chain: ['network-optimisation', 'maintenance'] }, 'maintenance', 'construction', d)).toMatchObject({
      ok: false,
      code: 'DEPARTMENT.ALREADY_REPLIED',
    });
    expect(decideTransfer(undefined, 'network-optimisation', 'maintenance', d)).toMatchObject({ ok: false, code: 'DEPARTMENT.TICKET_NOT_HELD' });
  });
});

describe('decideReply (the receiving department replies)', () => {
  it('lets the holder reply, and nobody else', () => {
    const h = held('network-optimisation', 'maintenance');
    expect(decideReply(h, 'maintenance')).toEqual({ ok: true });
    expect(decideReply(h, 'network-optimisation')).toMatchObject({ ok: false, code: 'DEPARTMENT.NOT_HOLDER' });
  });

  it('lets the centre reply itself while it still holds the complaint', () => {
    expect(decideReply(held('network-optimisation'), 'network-optimisation')).toEqual({ ok: true });
  });

  it('refuses a second reply', () => {
    expect(decideReply({ state: 'replied', holder: 'maintenance', chain: ['network-optimisation', 'maintenance'] }, 'maintenance')).toMatchObject({ ok: false, code: 'DEPARTMENT.ALREADY_REPLIED' });
  });
});
