import { makeEvent } from './factory';
import { ticketReceivedExample, ticketReceivedSchema } from './events/ticket-received';
import { EVENT_TYPES, EventRegistry } from './registry';
import { decodeEvent, validate } from './validation';

const bytes = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v));
const received = () => makeEvent('ticket.received', ticketReceivedExample, { source: 'call-centre/hz-01', subject: 'HZ-2026-000123', time: new Date('2026-11-24T01:00:00Z') });

describe('event validation shared by Kafka and HTTP', () => {
  it('every registered event has an example its own schema accepts', () => {
    for (const type of EVENT_TYPES) {
      const def = EventRegistry[type];
      expect(validate(def.schema, def.example)).toEqual({ ok: true, value: def.example });
    }
  });

  it('decodes a well-formed ticket.received', () => {
    const decoded = decodeEvent(bytes(received()));
    expect(decoded.ok).toBe(true);
  });

  it.each([
    ['empty value', null, '(root)', 'empty'],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), '(root)', 'invalid_utf8'],
    ['malformed JSON', bytes('{"id": '), '(root)', 'invalid_json'],
    ['a JSON array', bytes([1, 2]), '(root)', 'invalid_type'],
  ])('rejects %s with a specific reason', (_label, value, path, code) => {
    const decoded = decodeEvent(value);
    expect(decoded).toMatchObject({ ok: false, reasons: [{ path, code }] });
  });

  it('names each bad envelope field', () => {
    const decoded = decodeEvent(bytes({ ...received(), id: 'nope', time: '24/11/2026', extra: 1 }));
    expect(decoded.ok).toBe(false);
    const paths = decoded.ok === false ? decoded.reasons.map((r) => r.path).sort() : [];
    expect(paths).toEqual(['(root)', 'id', 'time']);
  });

  it('names each bad data field with its path inside data', () => {
    const e = received();
    const decoded = decodeEvent(bytes({ ...e, data: { ...e.data, service: 'telegraph', customer: { ...e.data.customer, tier: 'gold' }, location: { ...e.data.location, lat: 123 } } }));
    expect(decoded.ok).toBe(false);
    const paths = decoded.ok === false ? decoded.reasons.map((r) => r.path).sort() : [];
    expect(paths).toEqual(['data.customer.tier', 'data.location.lat', 'data.service']);
  });

  it('refuses a schema version it does not serve', () => {
    const decoded = decodeEvent(bytes({ ...received(), schemaVersion: 2 }));
    expect(decoded).toMatchObject({ ok: false, reasons: [{ path: 'schemaVersion', code: 'unsupported_version' }] });
  });

  it('passes a well-formed envelope of an unknown type through as unknown, for forward compatibility', () => {
    const decoded = decodeEvent(bytes({ ...received(), type: 'ticket.teleported' }));
    expect(decoded.ok).toBe('unknown-type');
  });

  it('rejects unknown fields and wrong dates in the HTTP body', () => {
    const result = validate(ticketReceivedSchema, { ...ticketReceivedExample, reportedAt: '2026-11-24 09:12', priority: 'high' });
    expect(result.ok).toBe(false);
    const reasons = result.ok ? [] : result.reasons;
    expect(reasons.map((r) => [r.path, r.code]).sort()).toEqual([
      ['(root)', 'unrecognized_keys'],
      ['reportedAt', 'invalid_format'],
    ]);
  });
});
