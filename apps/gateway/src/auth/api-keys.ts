import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DATA_SOURCE, LOGGER } from '@switchboard/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import type { KeyRole, KeyScope } from './roles';

export interface Caller extends KeyScope {
  keyId: string;
  name: string;
  /** The envelope `source` of what this caller submits (e.g. `call-centre/hz-01`). */
  source: string;
  role: string;
  /** Requests a minute; null: not limited (the bootstrap admin key). */
  rateLimitPerMinute: number | null;
  /** A person's username (callers with `userId`, ADR 0029). */
  username?: string;
}

/** An API key as `GET /v1/api-keys` shows it: never its hash, never the key. */
export interface ApiKeyView {
  id: string;
  name: string;
  source: string;
  role: string;
  regions: string[] | null;
  operations: string[] | null;
  rateLimitPerMinute: number | null;
  createdAt: string;
  createdBy: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

export interface NewApiKey {
  name: string;
  source: string;
  role: KeyRole;
  regions?: string[] | undefined;
  operations?: string[] | undefined;
  rateLimitPerMinute?: number | undefined;
}

export type RevokeOutcome = { ok: true; key: ApiKeyView } | { ok: false; why: 'not-found' | 'already-revoked' | 'last-admin' };

interface KeyRow {
  id: string;
  name: string;
  source: string;
  role: string;
  regions: string[] | null;
  operations: string[] | null;
  rate_limit_per_minute: number | null;
  created_at: Date;
  created_by: string | null;
  revoked_at: Date | null;
  revoked_by: string | null;
}

const present = (r: KeyRow): ApiKeyView => ({
  id: r.id,
  name: r.name,
  source: r.source,
  role: r.role,
  regions: r.regions,
  operations: r.operations,
  rateLimitPerMinute: r.rate_limit_per_minute,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by,
  revokedAt: r.revoked_at?.toISOString() ?? null,
  revokedBy: r.revoked_by,
});

/**
 * API keys are random 256-bit secrets, so a SHA-256 digest is a safe way to store them (a slow
 * password hash buys nothing against a key that cannot be guessed); the plain key is shown once.
 */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** How long this process trusts a key it has verified: a key revoked through another gateway process stops working within this time. */
export const KEY_CACHE_MS = 10_000;

@Injectable()
export class ApiKeys implements OnApplicationBootstrap {
  /** Known keys only: caching misses would let random keys grow the map without bound. */
  private readonly cache = new Map<string, { caller: Caller; at: number }>();

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** First start: an admin key from SWITCHBOARD_BOOTSTRAP_API_KEY, or a generated one written to API_KEY_FILE. */
  async onApplicationBootstrap(): Promise<void> {
    const given = this.config.SWITCHBOARD_BOOTSTRAP_API_KEY;
    if (given) {
      await this.insertBootstrap(given);
      return;
    }
    const rows = (await this.dataSource.query(`SELECT 1 FROM api_keys WHERE role = 'admin' AND revoked_at IS NULL LIMIT 1`)) as unknown[];
    if (rows.length > 0) return;
    const key = `sb_${randomBytes(32).toString('base64url')}`;
    await this.insertBootstrap(key);
    mkdirSync(dirname(this.config.API_KEY_FILE), { recursive: true });
    writeFileSync(this.config.API_KEY_FILE, `${key}\n`, { mode: 0o600 });
    this.logger.info({ file: this.config.API_KEY_FILE }, 'generated the bootstrap admin API key');
  }

  async verify(key: string): Promise<Caller | null> {
    const digest = hashKey(key);
    const cached = this.cache.get(digest);
    if (cached && Date.now() - cached.at < KEY_CACHE_MS) return cached.caller;
    const rows = (await this.dataSource.query('SELECT * FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL', [digest])) as KeyRow[];
    const row = rows[0];
    const caller: Caller | null = row
      ? {
          keyId: row.id,
          name: row.name,
          source: row.source,
          role: row.role,
          regions: row.regions,
          operations: row.operations,
          rateLimitPerMinute: row.rate_limit_per_minute,
        }
      : null;
    if (caller) {
      if (this.cache.size >= 10_000) this.cache.clear();
      this.cache.set(digest, { caller, at: Date.now() });
    }
    if (!caller) this.cache.delete(digest);
    return caller;
  }

  /** A new key; the plain key is returned here once and stored only as its digest. */
  async create(input: NewApiKey, createdBy: string): Promise<{ key: string; view: ApiKeyView }> {
    const key = `sb_${randomBytes(32).toString('base64url')}`;
    const rows = (await this.dataSource.query(
      `INSERT INTO api_keys (id, name, source, role, key_hash, created_at, regions, operations, rate_limit_per_minute, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
      [
        randomUUID(),
        input.name,
        input.source,
        input.role,
        hashKey(key),
        this.clock.now(),
        input.regions ?? null,
        input.operations ?? null,
        input.rateLimitPerMinute ?? this.config.API_KEY_RATE_LIMIT_PER_MINUTE,
        createdBy,
      ],
    )) as KeyRow[];
    return { key, view: present(rows[0]!) };
  }

  async list(limit: number, offset: number): Promise<{ items: ApiKeyView[]; total: number }> {
    const [{ total }] = (await this.dataSource.query('SELECT count(*)::int AS total FROM api_keys')) as [{ total: number }];
    const rows = (await this.dataSource.query('SELECT * FROM api_keys ORDER BY created_at DESC, id LIMIT $1 OFFSET $2', [limit, offset])) as KeyRow[];
    return { items: rows.map(present), total };
  }

  /**
   * Revokes a key: refused at once by this process (its cache is emptied), by other gateway
   * processes within KEY_CACHE_MS. The last working admin key cannot be revoked: nobody could make another.
   */
  async revoke(id: string, revokedBy: string): Promise<RevokeOutcome> {
    const outcome = await this.dataSource.transaction(async (tx): Promise<RevokeOutcome> => {
      const [row] = (await tx.query('SELECT * FROM api_keys WHERE id = $1 FOR UPDATE', [id])) as KeyRow[];
      if (!row) return { ok: false, why: 'not-found' };
      if (row.revoked_at) return { ok: false, why: 'already-revoked' };
      if (row.role === 'admin') {
        // Lock every live admin key so two admins cannot revoke each other's at once.
        const admins = (await tx.query(`SELECT id FROM api_keys WHERE role = 'admin' AND revoked_at IS NULL FOR UPDATE`)) as unknown[];
        if (admins.length <= 1) return { ok: false, why: 'last-admin' };
      }
      const [updated] = (await tx.query('UPDATE api_keys SET revoked_at = $2, revoked_by = $3 WHERE id = $1 RETURNING *', [id, this.clock.now(), revokedBy])) as [KeyRow[], number];
      return { ok: true, key: present(updated[0]!) };
    });
    // After the commit: a request verified in between must not put the key back for KEY_CACHE_MS.
    if (outcome.ok) this.cache.clear();
    return outcome;
  }

  private async insertBootstrap(key: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO api_keys (id, name, source, role, key_hash, created_at) VALUES ($1, 'bootstrap admin', 'api/admin', 'admin', $2, $3) ON CONFLICT (key_hash) DO NOTHING`,
      [randomUUID(), hashKey(key), this.clock.now()],
    );
  }
}
