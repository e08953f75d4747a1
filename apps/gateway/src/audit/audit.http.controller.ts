import { Controller, Get, Query } from '@nestjs/common';
import { ApiRoutes } from '../http/api-routes';
import { parseOr422 } from '../http/validation';
import { AuditLog } from './audit-log';

/** `GET /v1/audit`: the audit log for admins (ApiKeyGuard refuses every other role). */
@Controller('v1/audit')
export class AuditHttpController {
  constructor(private readonly log: AuditLog) {}

  @Get()
  async list(@Query() query: Record<string, unknown>) {
    const q = parseOr422(ApiRoutes.listAudit.query, query, 'query');
    return { items: await this.log.newest(q.limit, q.keyId, q.userId) };
  }
}
