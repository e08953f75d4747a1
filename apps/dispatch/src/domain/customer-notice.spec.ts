import { engineerAssignedNotice } from './customer-notice';

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
