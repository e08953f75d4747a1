import { HttpStatus, Injectable, RequestMethod, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ApiRoutes } from '../http/api-routes';
import { ApiException } from '../http/validation';
import { ApiKeys, type Caller } from './api-keys';
import { KeyRateLimiter } from './rate-limiter';
import { mayCall } from './roles';

/**
 * Routes anyone may call: the load balancer's health probe, and the API reference — a caller
 * needs the documentation to learn how to use a key before it has one, and the document only
 * describes the API (no data); every operation it lists still needs the key.
 * Keep in step with `public: true` in http/api-routes.ts (api-routes.spec.ts checks).
 */
export const PUBLIC_PATHS: ReadonlySet<string> = new Set(['/health', '/docs', '/docs/openapi.json']);

/** The part of Express's request the gateway reads. */
export interface AuthenticatedRequest {
  path: string;
  headers: Record<string, string | string[] | undefined> & { authorization?: string };
  caller?: Caller;
  /** The route table's operationId of the handler the request reached (set by ApiKeyGuard; the audit log reads it). */
  operationId?: string;
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

/**
 * Every HTTP route but the public ones needs `Authorization: Bearer <key>` (issue #3); then the
 * key's rate limit and its role's operations (auth/roles.ts) apply (issue 9, ADR 0024). Region
 * scopes are the handlers' to check: only they know a ticket's region.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly keys: ApiKeys,
    private readonly limiter: KeyRateLimiter,
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
      throw new ApiException(HttpStatus.UNAUTHORIZED, { error: 'AUTH.MISSING_KEY', message: 'send Authorization: Bearer <API key>' });
    }
    const caller = await this.keys.verify(match[1]!);
    if (!caller) throw new ApiException(HttpStatus.UNAUTHORIZED, { error: 'AUTH.INVALID_KEY', message: 'the API key is unknown or revoked' });
    request.caller = caller;
    if (caller.rateLimitPerMinute !== null) {
      const rate = this.limiter.take(caller.keyId, caller.rateLimitPerMinute);
      if (!rate.allowed) {
        context.switchToHttp().getResponse<RetryAfterSetter>().setHeader('Retry-After', String(rate.retryAfterSeconds));
        throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, {
          error: 'AUTH.RATE_LIMITED',
          message: `this key may make ${caller.rateLimitPerMinute} requests a minute; retry in ${rate.retryAfterSeconds} s`,
        });
      }
    }
    const decision = mayCall(caller, operationId);
    if (!decision.allowed) throw new ApiException(HttpStatus.FORBIDDEN, { error: 'AUTH.FORBIDDEN', message: decision.reason });
    return true;
  }
}

export function callerOf(request: AuthenticatedRequest): Caller {
  if (!request.caller) throw new Error('no authenticated caller on the request');
  return request.caller;
}

/** 403 for a ticket submitted into a region the key is not scoped to. */
export function regionNotAllowed(region: string): ApiException {
  return new ApiException(HttpStatus.FORBIDDEN, { error: 'AUTH.REGION_NOT_ALLOWED', message: `this key may not act on region ${region}` });
}
