import { validate } from '@switchboard/contracts';
import { createUserSchema, loginSchema } from './user.routes';

const base = { username: 'hz.ops.li', name: 'Li Na', role: 'ops', regions: ['hangzhou'], password: 'correct horse battery' };
const reasons = (value: unknown) => {
  const result = validate(createUserSchema, value);
  return result.ok ? [] : result.reasons.map((r) => `${r.path}: ${r.message}`);
};

describe('a new person (POST /v1/users)', () => {
  it('accepts each role with what it needs', () => {
    expect(reasons(base)).toEqual([]);
    expect(reasons({ ...base, role: 'supervisor' })).toEqual([]);
    expect(reasons({ ...base, role: 'callback-agent' })).toEqual([]);
    expect(reasons({ ...base, role: 'technician', technicianId: 'T-XH-01' })).toEqual([]);
    expect(reasons({ ...base, role: 'bi', regions: undefined })).toEqual([]);
    expect(reasons({ ...base, role: 'bi' })).toEqual([]);
    expect(reasons({ ...base, role: 'admin', regions: undefined })).toEqual([]);
  });

  it('wants regions of regional roles, none of admins, a technician id of technicians only', () => {
    for (const role of ['ops', 'supervisor', 'callback-agent']) expect(reasons({ ...base, role, regions: undefined })).toEqual([`regions: a ${role} works in named regions: give at least one`]);
    expect(reasons({ ...base, role: 'technician' })).toEqual(["technicianId: a technician needs their technician id (dispatch's)"]);
    expect(reasons({ ...base, role: 'admin' })).toEqual(['regions: an admin acts on every region: leave regions out']);
    expect(reasons({ ...base, technicianId: 'T-1' })).toEqual(['technicianId: only a technician has a technician id']);
  });

  it('refuses the system role and unknown roles', () => {
    expect(reasons({ ...base, role: 'channel' })).toHaveLength(1);
    expect(reasons({ ...base, role: 'root' })).toHaveLength(1);
  });

  it('takes passwords of 12 to 256 characters', () => {
    expect(reasons({ ...base, password: 'x'.repeat(11) })).toHaveLength(1);
    expect(reasons({ ...base, password: 'x'.repeat(12) })).toEqual([]);
    expect(reasons({ ...base, password: 'x'.repeat(256) })).toEqual([]);
    expect(reasons({ ...base, password: 'x'.repeat(257) })).toHaveLength(1);
  });

  it('takes usernames of 3 to 48 lower-case letters, digits and . _ -', () => {
    expect(reasons({ ...base, username: 'ab' })).toHaveLength(1);
    expect(reasons({ ...base, username: 'abc' })).toEqual([]);
    expect(reasons({ ...base, username: 'a'.repeat(48) })).toEqual([]);
    expect(reasons({ ...base, username: 'a'.repeat(49) })).toHaveLength(1);
    for (const bad of ['Li.Na', 'li na', '.lina', 'li@na']) expect(reasons({ ...base, username: bad })).toHaveLength(1);
  });

  it('refuses server-owned and unknown fields (mass assignment)', () => {
    for (const field of ['id', 'disabledAt', 'createdBy', 'passwordHash']) expect(reasons({ ...base, [field]: null }).join()).toContain(field);
  });
});

describe('a login body', () => {
  it('is a username and a password, nothing else, the password at most 256 characters', () => {
    expect(validate(loginSchema, { username: 'a', password: 'b' }).ok).toBe(true);
    expect(validate(loginSchema, { username: 'a', password: 'b', role: 'admin' }).ok).toBe(false);
    expect(validate(loginSchema, { username: 'a', password: 'x'.repeat(257) }).ok).toBe(false);
    expect(validate(loginSchema, { username: 'a', password: '' }).ok).toBe(false);
  });
});
