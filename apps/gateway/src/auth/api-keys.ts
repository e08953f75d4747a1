import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DATA_SOURCE, LOGGER } from '@switchboard/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';

export interface Caller {
  keyId: string;
  name: string;
  /** The envelope `source` of what this caller submits (e.g. `call-centre/hz-01`). */
  source: string;
  role: string;
}

/**
 * API keys are random 256-bit secrets, so a SHA-256 digest is a safe way to store them (a slow
 * password hash buys nothing against a key that cannot be guessed); the plain key is shown once.
 */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

@Injectable()
export class ApiKeys implements OnApplicationBootstrap {
  /** Known keys only, for 10 s: caching misses would let random keys grow the map without bound. */
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
      await this.insert('bootstrap admin', 'api/admin', 'admin', given);
      return;
    }
    const rows = (await this.dataSource.query(`SELECT 1 FROM api_keys WHERE role = 'admin' AND revoked_at IS NULL LIMIT 1`)) as unknown[];
    if (rows.length > 0) return;
    const key = `sb_${randomBytes(32).toString('base64url')}`;
    await this.insert('bootstrap admin', 'api/admin', 'admin', key);
    mkdirSync(dirname(this.config.API_KEY_FILE), { recursive: true });
    writeFileSync(this.config.API_KEY_FILE, `${key}\n`, { mode: 0o600 });
    this.logger.info({ file: this.config.API_KEY_FILE }, 'generated the bootstrap admin API key');
  }

  async verify(key: string): Promise<Caller | null> {
    const digest = hashKey(key);
    const cached = this.cache.get(digest);
    if (cached && Date.now() - cached.at < 10_000) return cached.caller;
    const rows = (await this.dataSource.query(
      'SELECT id, name, source, role FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
      [digest],
    )) as { id: string; name: string; source: string; role: string }[];
    const row = rows[0];
    const caller = row ? { keyId: row.id, name: row.name, source: row.source, role: row.role } : null;
    if (caller) {
      if (this.cache.size >= 10_000) this.cache.clear();
      this.cache.set(digest, { caller, at: Date.now() });
    }
    return caller;
  }

  private async insert(name: string, source: string, role: string, key: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO api_keys (id, name, source, role, key_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key_hash) DO NOTHING`,
      [randomUUID(), name, source, role, hashKey(key), this.clock.now()],
    );
  }
}
