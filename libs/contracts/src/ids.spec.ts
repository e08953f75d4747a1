import { ticketIdFor, uuidV5 } from './ids';

describe('deterministic ids', () => {
  it('computes RFC 4122 version-5 UUIDs (the DNS example of RFC 9562)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('gives a resubmitted ticket the same id, and another source or reference another id', () => {
    const id = ticketIdFor('call-centre/hz-01', 'HZ-1');
    expect(ticketIdFor('call-centre/hz-01', 'HZ-1')).toBe(id);
    expect(ticketIdFor('call-centre/hz-02', 'HZ-1')).not.toBe(id);
    expect(ticketIdFor('call-centre/hz-01', 'HZ-2')).not.toBe(id);
    // The separator keeps ("a", "b/c") and ("a/b", "c") apart.
    expect(ticketIdFor('a', 'b/c')).not.toBe(ticketIdFor('a/b', 'c'));
  });
});
