import { z } from 'zod';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { callerOf, type AuthenticatedRequest } from '../auth/api-key.guard';
import { ApiRoutes } from '../http/api-routes';
import { conflict, notFound, parseOr422 } from '../http/validation';
import { Users } from './users';

const noBody = z.strictObject({});

/** People management for admins (issue 9, ADR 0029); ApiKeyGuard refuses every other role (auth/roles.ts lists none of these). */
@Controller('v1/users')
export class UsersHttpController {
  constructor(private readonly users: Users) {}

  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const input = parseOr422(ApiRoutes.createUser.body, body);
    const outcome = await this.users.create(input, callerOf(request).keyId);
    if (!outcome.ok) throw conflict('USER.USERNAME_TAKEN', `the username ${input.username} is taken`);
    return outcome.user;
  }

  @Get()
  async list(@Query() query: Record<string, unknown>) {
    const q = parseOr422(ApiRoutes.listUsers.query, query, 'query');
    return { ...(await this.users.list(q.limit, q.offset)), limit: q.limit, offset: q.offset };
  }

  @Post(':id/disable')
  @HttpCode(200)
  async disable(@Param('id') id: string, @Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const userId = parseOr422(ApiRoutes.disableUser.params.shape.id, id, 'user id');
    // No body is needed; one with fields is refused rather than ignored (unknown fields are rejected everywhere).
    parseOr422(noBody, body ?? {});
    const outcome = await this.users.disable(userId, callerOf(request).keyId);
    if (outcome.ok) return outcome.user;
    if (outcome.why === 'not-found') throw notFound('USER.NOT_FOUND', `no user ${userId}`);
    throw conflict('USER.ALREADY_DISABLED', `the user ${userId} is disabled already`);
  }
}
