import { appointmentRescheduledNotice, engineerAssignedNotice } from './customer-notice';

describe('engineerAssignedNotice (domain.md §3: engineer, phone, supervision channel)', () => {
  it('names the engineer, the phone number and the supervision channel', () => {
    const n = engineerAssignedNotice({ kind: 'repair', service: 'broadband', engineerName: 'Wang Fang', engineerPhone: '+86 138 0000 0101', supervisionChannel: '10000' });
    expect(n).toEqual({
      template: 'dispatch.engineer-assigned',
      text: 'Your broadband repair is assigned to engineer Wang Fang, +86 138 0000 0101. To supervise this service call 10000.',
      data: { engineerName: 'Wang Fang', engineerPhone: '+86 138 0000 0101', supervisionChannel: '10000' },
    });
  });

  it('words the work after the ticket', () => {
    expect(engineerAssignedNotice({ kind: 'install', service: 'iptv', engineerName: 'A', engineerPhone: '1', supervisionChannel: '12300' }).text).toMatch(
      /^Your IPTV installation is assigned .* call 12300\.$/,
    );
  });
});

describe('appointmentRescheduledNotice', () => {
  it('names the new window in the local time, the engineer, their phone and the supervision channel', () => {
    const n = appointmentRescheduledNotice({
      engineerName: 'Li Wei',
      engineerPhone: '+86 138 0000 0001',
      supervisionChannel: '10000',
      from: new Date('2026-11-26T02:00:00Z'),
      to: new Date('2026-11-26T04:00:00Z'),
      timeZone: 'Asia/Shanghai',
    });
    expect(n.template).toBe('dispatch.appointment-rescheduled');
    expect(n.text).toBe('Your appointment is moved to 2026-11-26 10:00–12:00. Engineer Li Wei, +86 138 0000 0001, will come then. To supervise this service call 10000.');
  });
});
