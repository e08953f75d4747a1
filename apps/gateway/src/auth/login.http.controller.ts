import { Body, Controller, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { ApiRoutes } from '../http/api-routes';
import { ApiException, parseOr422 } from '../http/validation';
import { Users } from '../users/users';
import type { AuthenticatedRequest } from './api-key.guard';
import { Hs256Jwt } from './jwt';
import { KeyRateLimiter } from './rate-limiter';

/** The Nest token of the login attempts' limiter (per username and client address). */
export const LOGIN_LIMITER = Symbol('LOGIN_LIMITER');

interface LoginRequest extends AuthenticatedRequest {
  ip?: string;
  socket: { remoteAddress?: string };
}
interface HeaderSetter {
  setHeader(name: string, value: string): void;
}

/**
 * `POST /v1/auth/login` (issue 9, ADR 0029): a username and password for a short-lived access
 * token. Public (ApiKeyGuard lets it through); the audit log records every attempt with the
 * username tried and, on success, the person — never the password.
 */
@Controller('v1/auth')
export class LoginHttpController {
  constructor(
    private readonly users: Users,
    private readonly jwt: Hs256Jwt,
    @Inject(LOGIN_LIMITER) private readonly limiter: KeyRateLimiter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  async login(@Body() body: unknown, @Req() request: LoginRequest, @Res({ passthrough: true }) response: HeaderSetter) {
    const { username, password } = parseOr422(ApiRoutes.login.body, body);
    request.loginUsername = username;
    // Counted before the password is checked: a guesser's wrong attempts use up the budget too. One
    // address trying many usernames (spraying) meets the per-address budget; one username tried
    // from many addresses meets each address's own budget (a lock-out per username would let anyone lock anyone out).
    const address = request.ip ?? request.socket.remoteAddress ?? '';
    const rate = this.limiter.take(`address|${address}`, this.config.LOGIN_ATTEMPTS_PER_MINUTE_PER_ADDRESS);
    const refused = !rate.allowed ? rate : this.limiter.take(`user|${username}|${address}`, this.config.LOGIN_ATTEMPTS_PER_MINUTE);
    if (!refused.allowed) {
      response.setHeader('Retry-After', String(refused.retryAfterSeconds));
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, { error: 'AUTH.RATE_LIMITED', message: `too many login attempts; retry in ${refused.retryAfterSeconds} s` });
    }
    const user = await this.users.checkPassword(username, password);
    if (!user) throw new ApiException(HttpStatus.UNAUTHORIZED, { error: 'AUTH.LOGIN_FAILED', message: 'wrong username or password' });
    request.caller = this.users.toCaller(user);
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const { token, claims } = this.jwt.sign(user.id, now, this.config.JWT_TTL_SECONDS);
    return { accessToken: token, tokenType: 'Bearer' as const, expiresIn: this.config.JWT_TTL_SECONDS, expiresAt: new Date(claims.exp * 1000).toISOString(), user };
  }
}
