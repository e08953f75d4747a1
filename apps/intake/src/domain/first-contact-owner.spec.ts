import { firstContactOwner } from './first-contact-owner';

describe('firstContactOwner (首问负责制, domain.md §1)', () => {
  it('is the agent who received the ticket when the channel names one', () => {
    expect(firstContactOwner('agent/hz-01/0042', 'call-centre/hz-01')).toBe('agent/hz-01/0042');
  });

  it('is the channel system when no agent is named', () => {
    expect(firstContactOwner(undefined, 'call-centre/hz-01')).toBe('call-centre/hz-01');
  });

  it('treats a blank agent as no agent', () => {
    expect(firstContactOwner('   ', 'web/self-service')).toBe('web/self-service');
  });

  it('keeps the agent as given, without surrounding blanks', () => {
    expect(firstContactOwner(' agent/7 ', 'call-centre/hz-01')).toBe('agent/7');
  });
});
