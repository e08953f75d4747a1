import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DATA_SOURCE, LOGGER } from '@switchboard/platform';
import type { AuthenticatedRequest } from '../auth/api-key.guard';

/** One command as the audit log keeps it: who, what, when, from where — never the body (it may hold customer data). */
export interface AuditEntry {
  at: Date;
  /** The API key; null for a person (then `userId`) or a request without a valid credential. */
  keyId: string | null;
  /** The key's or the person's name. */
  keyName: string | null;
  /** The person who logged in (ADR 0029): a caller with an access token, or a successful login. */
  userId: string | null;
  /** The person's username, or for a login the username tried (a failed one too; never the password). */
  username: string | null;
  role: string | null;
  method: string;
  path: string;
  operationId: string | null;
  status: number;
  remoteAddress: string | null;
  userAgent: string | null;
}

/** Reads are not audited: the log is of commands (issue 9, "Every command is written to an audit log"). */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

@Injectable()
export class AuditLog {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async record(e: AuditEntry): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_log (at, key_id, key_name, role, method, path, operation_id, status, remote_address, user_agent, user_id, username)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [e.at, e.keyId, e.keyName, e.role, e.method, e.path, e.operationId, e.status, e.remoteAddress, e.userAgent, e.userId, e.username],
    );
  }

  /** Newest first by arrival: rows are written as answers finish, so their ids need not follow the order requests came in. */
  async newest(limit: number, keyId?: string, userId?: string): Promise<(Omit<AuditEntry, 'at'> & { id: string; at: string })[]> {
    const rows = (await this.dataSource.query(
      `SELECT id::text AS id, at, key_id AS "keyId", key_name AS "keyName", user_id AS "userId", username, role, method, path, operation_id AS "operationId", status,
              remote_address AS "remoteAddress", user_agent AS "userAgent"
         FROM audit_log WHERE ($1::uuid IS NULL OR key_id = $1) AND ($3::uuid IS NULL OR user_id = $3) ORDER BY at DESC, id DESC LIMIT $2`,
      [keyId ?? null, limit, userId ?? null],
    )) as (Omit<AuditEntry, 'at'> & { id: string; at: Date })[];
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  }
}

interface AuditedRequest extends AuthenticatedRequest {
  method: string;
  ip?: string;
  socket: { remoteAddress?: string };
}

interface FinishingResponse {
  statusCode: number;
  once(event: 'finish', listener: () => void): void;
}

/**
 * Writes every command to the audit log once its answer is sent, whatever the answer: accepted,
 * refused by the guard (401/403/429), invalid (422), or failed. The guard has by then put the
 * caller and the operationId on the request. A failed write is logged, never the caller's problem.
 * Not seen: requests Express refuses before Nest's middleware (a body over HTTP_BODY_LIMIT, 413).
 */
@Injectable()
export class AuditTrailMiddleware implements NestMiddleware<AuditedRequest, FinishingResponse> {
  constructor(
    private readonly log: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  use(request: AuditedRequest, response: FinishingResponse, next: () => void): void {
    if (READS.has(request.method)) return next();
    const at = this.clock.now();
    response.once('finish', () => {
      const caller = request.caller;
      const userAgent = request.headers['user-agent'];
      const entry: AuditEntry = {
        at,
        keyId: caller && !caller.userId ? caller.keyId : null,
        keyName: caller?.name ?? null,
        userId: caller?.userId ?? null,
        username: (caller?.username ?? request.loginUsername)?.slice(0, 200) ?? null,
        role: caller?.role ?? null,
        method: request.method,
        // The path only: a query string could carry customer data.
        path: request.path.slice(0, 2000),
        operationId: request.operationId ?? null,
        status: response.statusCode,
        remoteAddress: request.ip ?? request.socket.remoteAddress ?? null,
        userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 500) : null,
      };
      this.log.record(entry).catch((e: unknown) => this.logger.error({ err: e as Error, entry }, 'could not write the audit log'));
    });
    next();
  }
}
