import { createHash } from 'node:crypto';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { ManualClock } from '@switchboard/persistence';
import { createTestSchema } from '@switchboard/testing';
import { loadGatewayConfig } from '../gateway.config';
import { gatewayMigrations } from '../persistence/migrations';
import { ApiKeys } from './api-keys';

/** API keys on real PostgreSQL (issue 9, ADR 0024): stored as a digest only, revoked at once in this process, never the last admin. */
describe('ApiKeys (PostgreSQL)', () => {
  const bootstrapKey = 'sb_int_bootstrap_0123456789abcdefghij';
  const clock = new ManualClock('2026-11-25T01:00:00Z');
  const config = loadGatewayConfig({ SWITCHBOARD_BOOTSTRAP_API_KEY: bootstrapKey, API_KEY_RATE_LIMIT_PER_MINUTE: '90' });
  let db: { dataSource: DataSource; close: () => Promise<void> };
  let keys: ApiKeys;

  beforeAll(async () => {
    db = await createTestSchema('gw_keys', gatewayMigrations.slice(1));
    keys = new ApiKeys(db.dataSource, clock, config, pino({ level: 'silent' }));
    await keys.onApplicationBootstrap();
  });
  afterAll(() => db.close());

  it('makes the bootstrap key an admin without a rate limit', async () => {
    expect(await keys.verify(bootstrapKey)).toMatchObject({ role: 'admin', regions: null, operations: null, rateLimitPerMinute: null });
  });

  it('stores a new key as its SHA-256 digest only, with the default limit, and verifies it with its scope', async () => {
    const admin = (await keys.verify(bootstrapKey))!;
    const { key, view } = await keys.create({ name: 'Ningbo SMS', source: 'sms/nb', role: 'channel', regions: ['ningbo'] }, admin.keyId);
    expect(view).toMatchObject({ role: 'channel', regions: ['ningbo'], operations: null, rateLimitPerMinute: 90, createdBy: admin.keyId, revokedAt: null });
    const [row] = (await db.dataSource.query('SELECT k::text AS text, key_hash FROM api_keys k WHERE id = $1', [view.id])) as { text: string; key_hash: string }[];
    expect(row!.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(row!.text).not.toContain(key);
    expect(await keys.verify(key)).toMatchObject({ keyId: view.id, source: 'sms/nb', role: 'channel', regions: ['ningbo'], rateLimitPerMinute: 90 });
  });

  it('refuses a revoked key at once even though it was just verified (and cached), and says why a revoke cannot be done', async () => {
    const admin = (await keys.verify(bootstrapKey))!;
    const { key, view } = await keys.create({ name: 'BI', source: 'bi/1', role: 'bi', rateLimitPerMinute: 5 }, admin.keyId);
    expect(await keys.verify(key)).not.toBeNull();
    const revoked = await keys.revoke(view.id, admin.keyId);
    expect(revoked).toMatchObject({ ok: true, key: { id: view.id, revokedAt: '2026-11-25T01:00:00.000Z', revokedBy: admin.keyId } });
    expect(await keys.verify(key)).toBeNull();
    expect(await keys.revoke(view.id, admin.keyId)).toEqual({ ok: false, why: 'already-revoked' });
    expect(await keys.revoke('00000000-0000-4000-8000-000000000000', admin.keyId)).toEqual({ ok: false, why: 'not-found' });
  });

  it('never revokes the last working admin key', async () => {
    const admin = (await keys.verify(bootstrapKey))!;
    const second = await keys.create({ name: 'second admin', source: 'api/admin2', role: 'admin' }, admin.keyId);
    expect(await keys.revoke(second.view.id, admin.keyId)).toMatchObject({ ok: true });
    expect(await keys.revoke(admin.keyId, admin.keyId)).toEqual({ ok: false, why: 'last-admin' });
    expect(await keys.verify(bootstrapKey)).not.toBeNull();
  });

  it('lists every key, revoked ones too, newest first, never with a key or a digest, a page at a time', async () => {
    const { items: list, total } = await keys.list(100, 0);
    expect(total).toBe(list.length);
    const [first, second] = [await keys.list(1, 0), await keys.list(1, 1)];
    expect([first.items[0]!.id, second.items[0]!.id]).toEqual([list[0]!.id, list[1]!.id]);
    expect(first.total).toBe(total);
    expect(list.map((k) => k.name)).toEqual(expect.arrayContaining(['bootstrap admin', 'Ningbo SMS', 'BI', 'second admin']));
    expect(JSON.stringify(list)).not.toMatch(/[0-9a-f]{64}/);
    expect(list.find((k) => k.name === 'BI')!.revokedAt).not.toBeNull();
  });
});
