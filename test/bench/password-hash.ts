/**
 * What a login costs the gateway (issue 9, ADR 0029): the scrypt digest of a password
 * (auth/passwords.ts, N = 2^15, r = 8, p = 1) — the work each login attempt takes, and a guesser
 * with the digests would too — and, for contrast, checking an access token (HS256) on a request.
 * No infrastructure. `npx swc test/bench -d dist --quiet && node dist/test/bench/password-hash.js`.
 * BENCH_HASHES (20), BENCH_TOKENS (100000). Not a test: asserts nothing.
 */
import { cpus, loadavg } from 'node:os';
import { Hs256Jwt } from '../../apps/gateway/src/auth/jwt';
import { hashPassword, PASSWORD_SCRYPT, verifyPassword } from '../../apps/gateway/src/auth/passwords';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(1)} ms · p95 ${percentile(s, 95).toFixed(1)} ms · max ${s[s.length - 1]!.toFixed(1)} ms`;
};

async function main(): Promise<void> {
  const hashes = Number(process.env.BENCH_HASHES ?? 20);
  const tokens = Number(process.env.BENCH_TOKENS ?? 100_000);
  console.log(`cpus ${cpus().length} · load ${loadavg().map((l) => l.toFixed(2)).join(' ')} · scrypt N=${PASSWORD_SCRYPT.N} r=${PASSWORD_SCRYPT.r} p=${PASSWORD_SCRYPT.p}`);

  const hashMs: number[] = [];
  const verifyMs: number[] = [];
  for (let i = 0; i < hashes; i++) {
    let t = process.hrtime.bigint();
    const stored = await hashPassword(`bench password ${i}`);
    hashMs.push(Number(process.hrtime.bigint() - t) / 1e6);
    t = process.hrtime.bigint();
    if (!(await verifyPassword(`bench password ${i}`, stored))) throw new Error('verify failed');
    verifyMs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`hash   (${hashes}×): ${summary(hashMs)}`);
  console.log(`verify (${hashes}×): ${summary(verifyMs)} — one login attempt; ≈ ${(1000 / percentile([...verifyMs].sort((a, b) => a - b), 50)).toFixed(0)} attempts/s per core`);

  const jwt = Hs256Jwt.withRandomSecret();
  const now = Math.floor(Date.now() / 1000);
  const { token } = jwt.sign('0b9e1f3c-5f0a-4b7e-9a43-3e6f0c1a2b11', now, 900);
  const t = process.hrtime.bigint();
  for (let i = 0; i < tokens; i++) if (!jwt.verify(token, now).ok) throw new Error('token refused');
  const us = Number(process.hrtime.bigint() - t) / 1e3 / tokens;
  console.log(`token verify (${tokens}×): ${us.toFixed(2)} µs each`);
}

void main();
