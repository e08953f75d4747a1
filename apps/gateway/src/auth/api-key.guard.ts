import { HttpStatus, Inject, Injectable, RequestMethod, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ApiRoutes } from '../http/api-routes';
import { ApiException } from '../http/validation';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { Users } from '../users/users';
import { ApiKeys, type Caller } from './api-keys';
import { ACCESS_TOKENS, type AccessTokenVerifier, looksLikeJwt } from './jwt';
import { KeyRateLimiter } from './rate-limiter';
import { mayCall } from './roles';

/**
 * Routes anyone may call: the load balancer's health probe, the API reference — a caller
 * needs the documentation to learn how to use a key before it has one, and the document only
 * describes the API (no data); every operation it lists still needs the key — and the login
 * (it checks the password itself, limited per username and address; ADR 0029).
 * Keep in step with `public: true` in http/api-routes.ts (api-routes.spec.ts checks).
 */
export const PUBLIC_PATHS: ReadonlySet<string> = new Set(['/health', '/docs', '/docs/openapi.json', '/v1/auth/login']);

/** The part of Express's request the gateway reads. */
export interface AuthenticatedRequest {
  path: string;
  headers: Record<string, string | string[] | undefined> & { authorization?: string };
  caller?: Caller;
  /** The route table's operationId of the handler the request reached (set by ApiKeyGuard; the audit log reads it). */
  operationId?: string;
  /** The username a login tried (set by the login handler, for the audit log, whether or not it succeeded). */
  loginUsername?: string;
  /** When a person's access token expires (ms since the epoch; set by ApiKeyGuard): a live stream ends then. */
  tokenExpiresAt?: number;
}

interface RetryAfterSetter {
  setHeader(name: string, value: string): void;
}

const join = (...parts: string[]) => `/${parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter((p) => p.length > 0).join('/')}`;
const operationIds = new Map<string, string>(Object.values(ApiRoutes).map((r) => [`${r.method.toUpperCase()} ${r.path}`, r.operationId]));
const resolved = new WeakMap<object, string | null>();

/** The operationId of a Nest handler, from its route metadata (the route table's `METHOD /path/{param}`). */
export function operationIdOf(controller: object, handler: object): string | undefined {
  const known = resolved.get(handler);
  if (known !== undefined) return known ?? undefined;
  const base = [(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined) ?? '/'].flat()[0]!;
  const path = [(Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined) ?? '/'].flat()[0]!;
  const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
  const id = method === undefined ? undefined : operationIds.get(`${RequestMethod[method]} ${join(base, path).replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`);
  resolved.set(handler, id ?? null);
  return id;
}

const TOKEN_REFUSALS = {
  expired: 'the access token has expired: log in again',
  'not-yet-valid': 'the access token is not valid yet',
  malformed: 'the access token is not valid',
  algorithm: 'the access token is not valid',
  signature: 'the access token is not valid',
  issuer: 'the access token is not valid',
} as const;

/**
 * Every HTTP route but the public ones needs `Authorization: Bearer <credential>` (issue #3): an
 * API key (`sb_…`, ADR 0024) or a person's access token (a JWT from `POST /v1/auth/login`, ADR
 * 0029). Then the caller's rate limit and its role's operations (auth/roles.ts) apply. Region
 * scopes, and a technician's own assignments, are the handlers' to check: only they know a ticket's
 * region and technician.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly keys: ApiKeys,
    private readonly limiter: KeyRateLimiter,
    private readonly users: Users,
    @Inject(ACCESS_TOKENS) private readonly tokens: AccessTokenVerifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const operationId = operationIdOf(context.getClass(), context.getHandler());
    if (operationId) request.operationId = operationId;
    if (PUBLIC_PATHS.has(request.path)) return true;
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, { error: 'AUTH.MISSING_KEY', message: 'send Authorization: Bearer <API key or access token>' });
    }
    const caller = looksLikeJwt(match[1]!) ? await this.person(match[1]!, request) : await this.keys.verify(match[1]!);
    if (!caller) throw new ApiException(HttpStatus.UNAUTHORIZED, { error: 'AUTH.INVALID_KEY', message: 'the API key is unknown or revoked' });
    request.caller = caller;
    if (caller.rateLimitPerMinute !== null) {
      const rate = this.limiter.take(caller.userId ? `user:${caller.userId}` : caller.keyId, caller.rateLimitPerMinute);
      if (!rate.allowed) {
        context.switchToHttp().getResponse<RetryAfterSetter>().setHeader('Retry-After', String(rate.retryAfterSeconds));
        throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, {
          error: 'AUTH.RATE_LIMITED',
          message: `this ${caller.userId ? 'person' : 'key'} may make ${caller.rateLimitPerMinute} requests a minute; retry in ${rate.retryAfterSeconds} s`,
        });
      }
    }
    const decision = mayCall(caller, operationId);
    if (!decision.allowed) throw new ApiException(HttpStatus.FORBIDDEN, { error: 'AUTH.FORBIDDEN', message: decision.reason });
    return true;
  }

  /** The person a valid access token stands for; 401 `AUTH.INVALID_TOKEN` for a bad or expired token, or a disabled person. */
  private async person(token: string, request: AuthenticatedRequest): Promise<Caller> {
    const check = this.tokens.verify(token, Math.floor(this.clock.now().getTime() / 1000));
    if (!check.ok) throw new ApiException(HttpStatus.UNAUTHORIZED, { error: 'AUTH.INVALID_TOKEN', message: TOKEN_REFUSALS[check.why] });
    request.tokenExpiresAt = check.claims.exp * 1000;
    const caller = await this.users.caller(check.claims.sub);
    if (!caller) throw new ApiException(HttpStatus.UNAUTHORIZED, { error: 'AUTH.INVALID_TOKEN', message: 'the person is unknown or disabled' });
    return caller;
  }
}

export function callerOf(request: AuthenticatedRequest): Caller {
  if (!request.caller) throw new Error('no authenticated caller on the request');
  return request.caller;
}

/** 403 for a technician acting on another technician's assignment (OWASP API1, object-level authorization). */
export function notYourAssignment(assignmentId: string): ApiException {
  return new ApiException(HttpStatus.FORBIDDEN, { error: 'AUTH.NOT_YOUR_ASSIGNMENT', message: `the assignment ${assignmentId} is another technician's` });
}

/** 403 for a ticket submitted into a region the key is not scoped to. */
export function regionNotAllowed(region: string): ApiException {
  return new ApiException(HttpStatus.FORBIDDEN, { error: 'AUTH.REGION_NOT_ALLOWED', message: `this key may not act on region ${region}` });
}
