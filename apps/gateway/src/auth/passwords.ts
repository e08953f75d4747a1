import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are stored as scrypt digests (RFC 7914, node:crypto; ADR 0029):
 * `scrypt$<N>$<r>$<p>$<salt base64url>$<digest base64url>` — the parameters travel with each
 * digest, so raising them later leaves old digests verifiable. N = 2^15, r = 8, p = 1 (OWASP's
 * password storage cheat sheet minimum for scrypt), a 16-byte random salt, a 32-byte digest:
 * 32 MiB of memory per hash, run on libuv's thread pool (the event loop stays free). Measured by
 * test/bench/password-hash.ts: p50 ≈ 0.4 s per hash on the shared 2-core dev machine at load 10.
 */
export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

export const PASSWORD_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const DIGEST_BYTES = 32;
/** Longest password accepted: bounds the work a single login can cost. */
export const PASSWORD_MAX_LENGTH = 256;
export const PASSWORD_MIN_LENGTH = 12;

function derive(password: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; Node's default maxmem (32 MiB) is just too small for N = 2^15, r = 8.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, length, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string, params: ScryptParams = PASSWORD_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const digest = await derive(password, salt, params, DIGEST_BYTES);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), digest.toString('base64url')].join('$');
}

/** Parameters a stored digest may carry: never more than 2^20 / 16 / 4 (a tampered row must not make a login cost gigabytes). */
function parse(stored: string): { params: ScryptParams; salt: Buffer; digest: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (!Number.isInteger(N) || N < 2 || N > 2 ** 20 || (N & (N - 1)) !== 0) return null;
  if (!Number.isInteger(r) || r < 1 || r > 16 || !Number.isInteger(p) || p < 1 || p > 4) return null;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const digest = Buffer.from(parts[5]!, 'base64url');
  if (salt.length < 8 || digest.length < 16) return null;
  return { params: { N, r, p }, salt, digest };
}

/** Does `password` match the stored digest? Compared in constant time; a malformed digest matches nothing. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.params, parsed.digest.length);
  return timingSafeEqual(candidate, parsed.digest);
}

/**
 * A digest of a random password, made once per process: a login for an unknown username is
 * verified against it, so it costs the same scrypt time as a wrong password for a real one (no
 * user enumeration by timing).
 */
let dummy: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(24).toString('base64url'));
  return dummy;
}
