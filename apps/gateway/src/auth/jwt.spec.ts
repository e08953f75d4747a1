import { createHmac } from 'node:crypto';
import { Hs256Jwt, JWT_ISSUER, looksLikeJwt } from './jwt';

const SECRET = 'a-test-secret-of-at-least-32-bytes!!';
const jwt = new Hs256Jwt(SECRET);
const NOW = 1_764_000_000;
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const sign = (header: unknown, claims: unknown, secret = SECRET) => {
  const body = `${b64(header)}.${b64(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
};
const claims = (over: Record<string, unknown> = {}) => ({ sub: 'u-1', iat: NOW, exp: NOW + 900, iss: JWT_ISSUER, jti: 'j1', ...over });

describe('HS256 access tokens', () => {
  it('signs a token its verifier accepts, with sub, iat, exp = iat + ttl and the issuer', () => {
    const { token, claims: made } = jwt.sign('user-42', NOW, 900);
    expect(made).toMatchObject({ sub: 'user-42', iat: NOW, exp: NOW + 900, iss: JWT_ISSUER });
    expect(jwt.verify(token, NOW)).toEqual({ ok: true, claims: made });
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
  });

  it('expires exactly at exp: valid one second before, refused at and after', () => {
    const { token } = jwt.sign('u', NOW, 900);
    expect(jwt.verify(token, NOW + 899).ok).toBe(true);
    expect(jwt.verify(token, NOW + 900)).toEqual({ ok: false, why: 'expired' });
    expect(jwt.verify(token, NOW + 5000)).toEqual({ ok: false, why: 'expired' });
  });

  it('refuses a token issued more than 30 s in the future (clock skew allowed up to 30 s)', () => {
    expect(jwt.verify(jwt.sign('u', NOW + 30, 900).token, NOW).ok).toBe(true);
    expect(jwt.verify(jwt.sign('u', NOW + 31, 900).token, NOW)).toEqual({ ok: false, why: 'not-yet-valid' });
  });

  it('refuses a token signed with another secret, and a changed payload with the old signature', () => {
    expect(new Hs256Jwt('another-secret-of-at-least-32-bytes!').verify(jwt.sign('u', NOW, 900).token, NOW)).toEqual({ ok: false, why: 'signature' });
    const [h, , s] = jwt.sign('u', NOW, 900).token.split('.');
    expect(jwt.verify(`${h}.${b64(claims({ sub: 'admin' }))}.${s}`, NOW)).toEqual({ ok: false, why: 'signature' });
    expect(jwt.verify(`${h}.${b64(claims())}.`, NOW)).toEqual({ ok: false, why: 'signature' });
  });

  it('refuses alg none (with or without a signature), other algorithms, and crit headers', () => {
    const payload = b64(claims());
    expect(jwt.verify(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`, NOW)).toEqual({ ok: false, why: 'algorithm' });
    expect(jwt.verify(`${b64({ alg: 'None' })}.${payload}.`, NOW)).toEqual({ ok: false, why: 'algorithm' });
    expect(jwt.verify(sign({ alg: 'HS512', typ: 'JWT' }, claims()), NOW)).toEqual({ ok: false, why: 'algorithm' });
    expect(jwt.verify(sign({ alg: 'RS256', typ: 'JWT' }, claims()), NOW)).toEqual({ ok: false, why: 'algorithm' });
    expect(jwt.verify(sign({ alg: 'HS256', crit: ['exp'] }, claims()), NOW)).toEqual({ ok: false, why: 'algorithm' });
    expect(jwt.verify(sign({ alg: 'HS256' }, claims()), NOW).ok).toBe(true);
  });

  it('refuses another issuer and missing claims, even correctly signed', () => {
    expect(jwt.verify(sign({ alg: 'HS256' }, claims({ iss: 'someone-else' })), NOW)).toEqual({ ok: false, why: 'issuer' });
    const noExp: Record<string, unknown> = claims();
    delete noExp.exp;
    expect(jwt.verify(sign({ alg: 'HS256' }, noExp), NOW)).toEqual({ ok: false, why: 'malformed' });
    expect(jwt.verify(sign({ alg: 'HS256' }, claims({ sub: 7 })), NOW)).toEqual({ ok: false, why: 'malformed' });
  });

  it('refuses garbage', () => {
    for (const bad of ['', 'a.b', 'a.b.c.d', 'not json.at all.x', `${b64('str')}.${b64(claims())}.x`, 'a+b.c.d']) expect(jwt.verify(bad, NOW).ok).toBe(false);
  });

  it('wants a secret of at least 32 bytes', () => {
    expect(() => new Hs256Jwt('short')).toThrow(/32 bytes/);
    expect(Hs256Jwt.withRandomSecret().verify(jwt.sign('u', NOW, 60).token, NOW)).toEqual({ ok: false, why: 'signature' });
  });

  it('tells a JWT from an API key', () => {
    expect(looksLikeJwt(jwt.sign('u', NOW, 60).token)).toBe(true);
    expect(looksLikeJwt('sb_abcdefghijklmnopqrstuvwxyz0123456789')).toBe(false);
    expect(looksLikeJwt('a.b')).toBe(false);
  });
});
