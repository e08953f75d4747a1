import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Access tokens for people (ADR 0029): compact JWS, HS256 only, made and checked with node:crypto.
 * Only what the guard needs is in the token (`sub` = user id, `iat`, `exp`, `iss`, `jti`); the
 * person's role, regions and technician id are read from the users table on each request (cached
 * briefly), so a disabled person or a changed role takes effect without waiting for `exp`.
 */
export interface AccessTokenClaims {
  sub: string;
  iat: number;
  exp: number;
  iss: string;
  jti: string;
}

export const JWT_ISSUER = 'switchboard-gateway';

export type TokenCheck = { ok: true; claims: AccessTokenClaims } | { ok: false; why: 'malformed' | 'algorithm' | 'signature' | 'expired' | 'not-yet-valid' | 'issuer' };

/** The Nest token of the AccessTokenVerifier the guard uses. */
export const ACCESS_TOKENS = Symbol('ACCESS_TOKENS');

/** What the guard asks of a token: a later OIDC provider's verifier (RS256 with the provider's JWKS) replaces this one behind the same port. */
export interface AccessTokenVerifier {
  verify(token: string, nowSeconds: number): TokenCheck;
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const HEADER = b64({ alg: 'HS256', typ: 'JWT' });
/** Clock skew tolerated on `iat` between gateway processes. */
const LEEWAY_SECONDS = 30;

export class Hs256Jwt implements AccessTokenVerifier {
  private readonly key: Buffer;

  constructor(secret: string | Buffer) {
    this.key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
    if (this.key.length < 32) throw new Error('the JWT secret must be at least 32 bytes');
  }

  /** A per-process random secret (development and tests): tokens die with the process and do not work on another gateway process. */
  static withRandomSecret(): Hs256Jwt {
    return new Hs256Jwt(randomBytes(32));
  }

  sign(subject: string, nowSeconds: number, ttlSeconds: number): { token: string; claims: AccessTokenClaims } {
    const claims: AccessTokenClaims = { sub: subject, iat: nowSeconds, exp: nowSeconds + ttlSeconds, iss: JWT_ISSUER, jti: randomBytes(12).toString('base64url') };
    const body = `${HEADER}.${b64(claims)}`;
    return { token: `${body}.${this.mac(body).toString('base64url')}`, claims };
  }

  verify(token: string, nowSeconds: number): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) return { ok: false, why: 'malformed' };
    const [header, payload, signature] = parts as [string, string, string];
    const parsedHeader = parseJson(header);
    // Only HS256: `alg: none`, RS256-with-the-secret-as-public-key and the like are refused before any signature check.
    if (!parsedHeader || parsedHeader.alg !== 'HS256' || (parsedHeader.typ !== undefined && parsedHeader.typ !== 'JWT') || 'crit' in parsedHeader) return { ok: false, why: 'algorithm' };
    const expected = this.mac(`${header}.${payload}`);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, why: 'signature' };
    const claims = parseJson(payload);
    if (!claims || typeof claims.sub !== 'string' || typeof claims.exp !== 'number' || typeof claims.iat !== 'number' || typeof claims.jti !== 'string') return { ok: false, why: 'malformed' };
    if (claims.iss !== JWT_ISSUER) return { ok: false, why: 'issuer' };
    if (nowSeconds >= claims.exp) return { ok: false, why: 'expired' };
    if (claims.iat > nowSeconds + LEEWAY_SECONDS) return { ok: false, why: 'not-yet-valid' };
    return { ok: true, claims: claims as unknown as AccessTokenClaims };
  }

  private mac(input: string): Buffer {
    return createHmac('sha256', this.key).update(input, 'utf8').digest();
  }
}

function parseJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Does a bearer credential look like a JWT (three base64url parts) rather than an `sb_` API key? */
export function looksLikeJwt(credential: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(credential);
}
