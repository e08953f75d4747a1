import { dummyPasswordHash, hashPassword, PASSWORD_SCRYPT, verifyPassword } from './passwords';

// Cheap parameters where the cost does not matter to the rule under test; the stored defaults are checked once.
const fast = { N: 1024, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('stores the documented parameters with a 16-byte salt and a 32-byte digest, never the password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    const [scheme, N, r, p, salt, digest] = stored.split('$');
    expect({ scheme, N: Number(N), r: Number(r), p: Number(p) }).toEqual({ scheme: 'scrypt', ...PASSWORD_SCRYPT });
    expect(PASSWORD_SCRYPT).toEqual({ N: 32768, r: 8, p: 1 });
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(digest!, 'base64url')).toHaveLength(32);
    expect(stored).not.toContain('horse');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
  });

  it('salts each digest: the same password twice gives two digests, both verifying', async () => {
    const [a, b] = await Promise.all([hashPassword('same password here', fast), hashPassword('same password here', fast)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password here', a)).toBe(true);
    expect(await verifyPassword('same password here', b)).toBe(true);
  });

  it('refuses a wrong password, one character off, a different case, and the empty password', async () => {
    const stored = await hashPassword('Tr0ub4dor&3-long', fast);
    for (const wrong of ['Tr0ub4dor&3-lonG', 'Tr0ub4dor&3-lon', 'tr0ub4dor&3-long', 'Tr0ub4dor&3-long ', '']) expect(await verifyPassword(wrong, stored)).toBe(false);
  });

  it('verifies with the parameters stored in the digest (so the defaults can be raised later)', async () => {
    const old = await hashPassword('an older password', { N: 2048, r: 4, p: 1 });
    expect(old.startsWith('scrypt$2048$4$1$')).toBe(true);
    expect(await verifyPassword('an older password', old)).toBe(true);
  });

  it('matches nothing against a malformed or tampered digest, and never runs a huge cost from a row', async () => {
    const good = await hashPassword('pw-for-tampering', fast);
    const parts = good.split('$');
    const withCost = (n: string) => [parts[0], n, ...parts.slice(2)].join('$');
    for (const bad of ['', 'plain', 'bcrypt$10$x', withCost('1000'), withCost(String(2 ** 21)), withCost('0'), `${good}$extra`, parts.slice(0, 5).join('$') + '$']) {
      expect(await verifyPassword('pw-for-tampering', bad)).toBe(false);
    }
  });

  it('has a dummy digest for unknown usernames that no password matches, made once', async () => {
    const dummy = await dummyPasswordHash();
    expect(await dummyPasswordHash()).toBe(dummy);
    expect(dummy.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword('', dummy)).toBe(false);
  });
});
