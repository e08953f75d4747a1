import { HttpStatus, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ApiException } from '../http/validation';
import { ApiKeys, type Caller } from './api-keys';

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
}

/** Every HTTP route but /health needs `Authorization: Bearer <key>` (issue #3, "Authentication from the start"). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly keys: ApiKeys) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (PUBLIC_PATHS.has(request.path)) return true;
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, { error: 'AUTH.MISSING_KEY', message: 'send Authorization: Bearer <API key>' });
    }
    const caller = await this.keys.verify(match[1]!);
    if (!caller) throw new ApiException(HttpStatus.UNAUTHORIZED, { error: 'AUTH.INVALID_KEY', message: 'the API key is unknown or revoked' });
    request.caller = caller;
    return true;
  }
}

export function callerOf(request: AuthenticatedRequest): Caller {
  if (!request.caller) throw new Error('no authenticated caller on the request');
  return request.caller;
}
