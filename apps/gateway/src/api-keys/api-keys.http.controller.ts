import { z } from 'zod';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req } from '@nestjs/common';
import { callerOf, type AuthenticatedRequest } from '../auth/api-key.guard';
import { ApiKeys } from '../auth/api-keys';
import { ApiRoutes } from '../http/api-routes';
import { ApiException, conflict, notFound, parseOr422 } from '../http/validation';

/** Key management for admins (issue 9, ADR 0024); ApiKeyGuard refuses every other role (auth/roles.ts lists none of these). */
@Controller('v1/api-keys')
export class ApiKeysHttpController {
  constructor(private readonly keys: ApiKeys) {}

  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const input = parseOr422(ApiRoutes.createApiKey.body, body);
    const { key, view } = await this.keys.create(input, callerOf(request).keyId);
    return { key, apiKey: view };
  }

  @Get()
  async list(@Query() query: Record<string, unknown>) {
    const q = parseOr422(ApiRoutes.listApiKeys.query, query, 'query');
    return { ...(await this.keys.list(q.limit, q.offset)), limit: q.limit, offset: q.offset };
  }

  @Post(':id/revoke')
  @HttpCode(200)
  async revoke(@Param('id') id: string, @Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const keyId = parseOr422(ApiRoutes.revokeApiKey.params.shape.id, id, 'API key id');
    // No body is needed; one with fields is refused rather than ignored (unknown fields are rejected everywhere).
    parseOr422(z.strictObject({}), body ?? {});
    const outcome = await this.keys.revoke(keyId, callerOf(request).keyId);
    if (outcome.ok) return outcome.key;
    switch (outcome.why) {
      case 'not-found':
        throw notFound('API_KEY.NOT_FOUND', `no API key ${keyId}`);
      case 'already-revoked':
        throw conflict('API_KEY.ALREADY_REVOKED', `the API key ${keyId} is revoked already`);
      case 'last-admin':
        throw new ApiException(HttpStatus.CONFLICT, { error: 'API_KEY.LAST_ADMIN', message: 'this is the last working admin key: create another admin key first' });
    }
  }
}
