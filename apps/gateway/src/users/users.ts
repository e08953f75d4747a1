import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DATA_SOURCE } from '@switchboard/platform';
import type { Caller } from '../auth/api-keys';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/passwords';
import type { UserRole } from '../auth/roles';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';

/** A person as `GET /v1/users` shows them: never the password digest. */
export interface UserView {
  id: string;
  username: string;
  name: string;
  role: string;
  regions: string[] | null;
  technicianId: string | null;
  createdAt: string;
  createdBy: string | null;
  disabledAt: string | null;
  disabledBy: string | null;
}

export interface NewUser {
  username: string;
  name: string;
  role: UserRole;
  regions?: string[] | undefined;
  technicianId?: string | undefined;
  password: string;
}

interface UserRow {
  id: string;
  username: string;
  name: string;
  role: string;
  regions: string[] | null;
  technician_id: string | null;
  password_hash: string;
  created_at: Date;
  created_by: string | null;
  disabled_at: Date | null;
  disabled_by: string | null;
}

export const presentUser = (r: UserRow): UserView => ({
  id: r.id,
  username: r.username,
  name: r.name,
  role: r.role,
  regions: r.regions,
  technicianId: r.technician_id,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by,
  disabledAt: r.disabled_at?.toISOString() ?? null,
  disabledBy: r.disabled_by,
});

/** How long this process trusts a person it has looked up for a token: a person disabled through another gateway process is refused within this time. */
export const USER_CACHE_MS = 10_000;

export type CreateOutcome = { ok: true; user: UserView } | { ok: false; why: 'username-taken' };
export type DisableOutcome = { ok: true; user: UserView } | { ok: false; why: 'not-found' | 'already-disabled' };

/** People who log in (issue 9, ADR 0029): made, listed and disabled by admins; passwords as scrypt digests. */
@Injectable()
export class Users {
  private readonly cache = new Map<string, { caller: Caller; at: number }>();

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async create(input: NewUser, createdBy: string): Promise<CreateOutcome> {
    const hash = await hashPassword(input.password);
    const rows = (await this.dataSource.query(
      `INSERT INTO users (id, username, name, role, regions, technician_id, password_hash, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (username) DO NOTHING RETURNING *`,
      [randomUUID(), input.username, input.name, input.role, input.regions ?? null, input.technicianId ?? null, hash, this.clock.now(), createdBy],
    )) as UserRow[];
    return rows[0] ? { ok: true, user: presentUser(rows[0]) } : { ok: false, why: 'username-taken' };
  }

  async list(limit: number, offset: number): Promise<{ items: UserView[]; total: number }> {
    const [{ total }] = (await this.dataSource.query('SELECT count(*)::int AS total FROM users')) as [{ total: number }];
    const rows = (await this.dataSource.query('SELECT * FROM users ORDER BY created_at DESC, id LIMIT $1 OFFSET $2', [limit, offset])) as UserRow[];
    return { items: rows.map(presentUser), total };
  }

  /** Disabled people cannot log in, and their tokens are refused at once by this process, by the others within USER_CACHE_MS. */
  async disable(id: string, disabledBy: string): Promise<DisableOutcome> {
    const [updated] = (await this.dataSource.query('UPDATE users SET disabled_at = $2, disabled_by = $3 WHERE id = $1 AND disabled_at IS NULL RETURNING *', [
      id,
      this.clock.now(),
      disabledBy,
    ])) as [UserRow[], number];
    this.cache.delete(id);
    if (updated[0]) return { ok: true, user: presentUser(updated[0]) };
    const exists = (await this.dataSource.query('SELECT 1 FROM users WHERE id = $1', [id])) as unknown[];
    return { ok: false, why: exists.length > 0 ? 'already-disabled' : 'not-found' };
  }

  /**
   * The person with this username and password, or null — the same null, after the same scrypt
   * work, for an unknown username, a wrong password and a disabled person (no user enumeration).
   */
  async checkPassword(username: string, password: string): Promise<UserView | null> {
    const [row] = (await this.dataSource.query('SELECT * FROM users WHERE username = $1', [username])) as UserRow[];
    const matches = await verifyPassword(password, row?.password_hash ?? (await dummyPasswordHash()));
    return row && matches && !row.disabled_at ? presentUser(row) : null;
  }

  /** The caller a valid token's subject stands for; null when the person is unknown or disabled. */
  async caller(userId: string): Promise<Caller | null> {
    const cached = this.cache.get(userId);
    if (cached && Date.now() - cached.at < USER_CACHE_MS) return cached.caller;
    const [row] = (await this.dataSource.query('SELECT * FROM users WHERE id = $1 AND disabled_at IS NULL', [userId])) as UserRow[];
    if (!row) {
      this.cache.delete(userId);
      return null;
    }
    const caller = this.toCaller(presentUser(row));
    if (this.cache.size >= 10_000) this.cache.clear();
    this.cache.set(userId, { caller, at: Date.now() });
    return caller;
  }

  toCaller(user: UserView): Caller {
    return {
      // The person's id stands where a key's would (created_by / revoked_by of what they make); `userId` says it is a person.
      keyId: user.id,
      userId: user.id,
      username: user.username,
      name: user.name,
      source: `user/${user.username}`,
      role: user.role,
      regions: user.regions,
      operations: null,
      technicianId: user.technicianId,
      rateLimitPerMinute: this.config.USER_RATE_LIMIT_PER_MINUTE,
    };
  }
}
