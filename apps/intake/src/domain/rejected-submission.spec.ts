import { readRejectedSubmission } from './rejected-submission';

describe('readRejectedSubmission', () => {
  const envelope = {
    id: '0d7c1a52-4f8e-4b7e-8a55-7b3f2f5c9e01',
    type: 'ticket.received',
    source: 'call-centre/hz-01',
    subject: 'HZ-1',
    correlationId: 'corr-1',
    data: { externalId: 'HZ-1', service: 'telegraph', location: { region: 'hangzhou' } },
  };

  it('reads source, externalId, event id, region and correlation from a well-formed envelope with bad data', () => {
    expect(readRejectedSubmission(JSON.stringify(envelope), envelope)).toEqual({
      source: 'call-centre/hz-01',
      externalId: 'HZ-1',
      inboundEventId: envelope.id,
      region: 'hangzhou',
      correlationId: 'corr-1',
      subject: 'HZ-1',
    });
  });

  it('falls back to the raw JSON when the envelope check read nothing', () => {
    const r = readRejectedSubmission(JSON.stringify({ ...envelope, time: 'yesterday' }), undefined);
    expect(r).toMatchObject({ source: 'call-centre/hz-01', externalId: 'HZ-1', inboundEventId: envelope.id, subject: 'HZ-1' });
  });

  it('keys the rejection by the inbound event id when no externalId is readable', () => {
    const r = readRejectedSubmission(JSON.stringify({ ...envelope, data: { externalId: 42 } }), envelope);
    expect(r.externalId).toBeUndefined();
    expect(r.subject).toBe(envelope.id);
  });

  it('says unknown for malformed JSON', () => {
    expect(readRejectedSubmission('{"id": "x", oops', undefined)).toEqual({ source: 'unknown', subject: 'unknown' });
  });

  it('says unknown for undecodable bytes and for JSON that is not an object', () => {
    expect(readRejectedSubmission(undefined, undefined)).toEqual({ source: 'unknown', subject: 'unknown' });
    expect(readRejectedSubmission('[1,2]', undefined)).toEqual({ source: 'unknown', subject: 'unknown' });
  });

  it('leaves out a region that is not a string or longer than a region code', () => {
    expect(readRejectedSubmission(JSON.stringify({ data: { location: { region: 7 } } }), undefined).region).toBeUndefined();
    expect(readRejectedSubmission(JSON.stringify({ data: { location: { region: 'r'.repeat(65) } } }), undefined).region).toBeUndefined();
  });

  it('cuts identifiers to the contract limits and ignores blank ones', () => {
    const r = readRejectedSubmission(JSON.stringify({ source: ' ', data: { externalId: 'e'.repeat(500) } }), { source: 's'.repeat(300) });
    expect(r.source).toHaveLength(200);
    expect(r.externalId).toHaveLength(200);
    expect(readRejectedSubmission(JSON.stringify({ source: '  ' }), undefined).source).toBe('unknown');
  });
});
