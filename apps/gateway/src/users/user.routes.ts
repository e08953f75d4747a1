import { z } from 'zod';
import { id as codeId } from '@switchboard/contracts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/passwords';
import { UserRoles } from '../auth/roles';
import type { ApiRoute } from '../http/api-routes';

/**
 * `/v1/users` and `/v1/auth/login` (issue 9, ADR 0029): people made by admins log in for a
 * short-lived access token (JWT) and call the API with it as they would with a key. Spread into `ApiRoutes`.
 */

const errorBody = z.object({ error: z.string(), message: z.string(), reasons: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional() });

export const userView = z
  .object({
    id: z.uuid(),
    username: z.string(),
    name: z.string(),
    role: z.enum(UserRoles),
    regions: z.array(z.string()).nullable().describe('The regions the person may see and act on; null: every region.'),
    technicianId: z.string().nullable().describe("A technician's own id in dispatch: they see and act on their own assignments only."),
    createdAt: z.string(),
    createdBy: z.uuid().nullable(),
    disabledAt: z.string().nullable(),
    disabledBy: z.uuid().nullable(),
  })
  .meta({ id: 'User' });

const username = z
  .string()
  .min(3)
  .max(48)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits and . _ - only, starting with a letter or digit');
const password = z.string().max(PASSWORD_MAX_LENGTH);
const uniqueList = (items: string[]) => new Set(items).size === items.length;

/** Who needs what: regional roles name their regions; a technician their technician id; an admin neither. */
function checkUser(user: { role: (typeof UserRoles)[number]; regions?: string[] | undefined; technicianId?: string | undefined }, ctx: z.RefinementCtx): void {
  if (user.role === 'admin' && user.regions) ctx.addIssue({ code: 'custom', path: ['regions'], message: 'an admin acts on every region: leave regions out' });
  if (['ops', 'supervisor', 'technician', 'callback-agent'].includes(user.role) && !user.regions) {
    ctx.addIssue({ code: 'custom', path: ['regions'], message: `a ${user.role} works in named regions: give at least one` });
  }
  if (user.role === 'technician' && !user.technicianId) ctx.addIssue({ code: 'custom', path: ['technicianId'], message: "a technician needs their technician id (dispatch's)" });
  if (user.role !== 'technician' && user.technicianId) ctx.addIssue({ code: 'custom', path: ['technicianId'], message: 'only a technician has a technician id' });
}

export const createUserSchema = z
  .strictObject({
    username: username.describe('The login name.'),
    name: z.string().trim().min(1).max(200),
    role: z
      .enum(UserRoles)
      .describe('admin: everything; ops: regional operations; supervisor: ops and approving; technician: their own assignments; callback-agent: the phone callback queue; bi: read-only.'),
    regions: z.array(codeId).min(1).max(100).refine(uniqueList, 'each region once').optional().describe('Required but for admin and bi; leave out for every region.'),
    technicianId: codeId.optional().describe('Technicians only (required for them).'),
    password: password.min(PASSWORD_MIN_LENGTH).describe(`${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters; stored as an scrypt digest only.`),
  })
  .superRefine(checkUser);

export const loginSchema = z.strictObject({ username: z.string().min(1).max(48), password: password.min(1) });

export const userRoutes = {
  login: {
    operationId: 'login',
    method: 'post',
    path: '/v1/auth/login',
    tag: 'access',
    summary: 'Log in: a short-lived access token (JWT) for a person',
    description:
      'Send the token as `Authorization: Bearer <accessToken>` like an API key. It is an HS256 JWT valid for `expiresIn` seconds (JWT_TTL_SECONDS, default 900); log in again after. ' +
      'A wrong username, a wrong password and a disabled person get the same 401 `AUTH.LOGIN_FAILED`. Attempts are limited per username and client address (LOGIN_ATTEMPTS_PER_MINUTE, default 10) and per client address (LOGIN_ATTEMPTS_PER_MINUTE_PER_ADDRESS, default 60); 429 `AUTH.RATE_LIMITED` with `Retry-After` beyond. ' +
      'Every attempt is in the audit log (never the password).',
    public: true,
    body: loginSchema,
    bodyExample: { username: 'hz.ops.li', password: 'correct horse battery staple' },
    responses: {
      200: {
        description: 'Logged in.',
        schema: z.object({ accessToken: z.string(), tokenType: z.literal('Bearer'), expiresIn: z.number().int(), expiresAt: z.string(), user: userView }),
      },
      401: { description: 'Wrong username or password, or the person is disabled (`AUTH.LOGIN_FAILED`).', schema: errorBody },
      429: { description: 'Too many attempts for this username from this address, or from this address (`AUTH.RATE_LIMITED`).', schema: errorBody, headers: { 'Retry-After': 'Seconds to wait.' } },
    },
  },
  createUser: {
    operationId: 'createUser',
    method: 'post',
    path: '/v1/users',
    tag: 'access',
    summary: 'Create a person who logs in (admin)',
    description: 'The password is stored as an scrypt digest, never shown again. The person may call their role\'s operations (auth/roles.ts) on their regions only.',
    body: createUserSchema,
    bodyExample: { username: 'hz.ops.li', name: 'Li Na', role: 'ops', regions: ['hangzhou'], password: 'correct horse battery staple' },
    responses: {
      201: { description: 'The person.', schema: userView },
      403: { description: 'The caller is not an admin (`AUTH.FORBIDDEN`).', schema: errorBody },
      409: { description: 'The username is taken (`USER.USERNAME_TAKEN`).', schema: errorBody },
    },
  },
  listUsers: {
    operationId: 'listUsers',
    method: 'get',
    path: '/v1/users',
    tag: 'access',
    summary: 'People, the newest first (admin)',
    query: z.strictObject({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
    responses: {
      200: { description: 'One page; never a password or its digest.', schema: z.object({ items: z.array(userView), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }) },
      403: { description: 'The caller is not an admin (`AUTH.FORBIDDEN`).', schema: errorBody },
    },
  },
  disableUser: {
    operationId: 'disableUser',
    method: 'post',
    path: '/v1/users/{id}/disable',
    tag: 'access',
    summary: 'Disable a person (admin)',
    description: 'They cannot log in any more; their tokens get 401 at once from this gateway process, from the others within 10 s.',
    params: z.strictObject({ id: z.uuid() }),
    responses: {
      200: { description: 'Disabled.', schema: userView },
      403: { description: 'The caller is not an admin (`AUTH.FORBIDDEN`).', schema: errorBody },
      404: { description: 'No such person (`USER.NOT_FOUND`).', schema: errorBody },
      409: { description: 'Disabled already (`USER.ALREADY_DISABLED`).', schema: errorBody },
    },
  },
} as const satisfies Record<string, ApiRoute>;
