import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { KpiValue } from '@switchboard/contracts';
import { DATA_SOURCE } from '@switchboard/platform';
import { callerOf, type AuthenticatedRequest } from '../auth/api-key.guard';
import { ApiRoutes } from '../http/api-routes';
import { parseOr422 } from '../http/validation';

interface KpiWindowRow {
  region: string;
  scope_type: string;
  scope_id: string;
  period: string;
  window_start: string;
  window_end: string;
  time_zone: string;
  kpis: KpiValue[];
  revision: number;
  updated_at: Date;
}

/** `GET /v1/kpis` (issue 8, ADR 0025): KPI windows from the projection of scoring.kpis.v3, region-scoped like every read. */
@Controller('v1/kpis')
export class KpisHttpController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get()
  async list(@Query() query: unknown, @Req() request: AuthenticatedRequest) {
    const q = parseOr422(ApiRoutes.listKpis.query, query ?? {}, 'query');
    const { regions } = callerOf(request);
    const params: unknown[] = [q.scopeType, q.period];
    const where = ['scope_type = $1', 'period = $2'];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (q.scopeId !== undefined) add((n) => `scope_id = $${n}`, q.scopeId);
    if (q.region !== undefined) add((n) => `region = $${n}`, q.region);
    if (q.from !== undefined) add((n) => `window_start >= $${n}::date`, q.from);
    if (q.to !== undefined) add((n) => `window_start <= $${n}::date`, q.to);
    if (q.kpi !== undefined) add((n) => `kpis @> jsonb_build_array(jsonb_build_object('kpi', $${n}::text))`, q.kpi);
    // A key scoped to regions sees only theirs.
    if (regions) add((n) => `region = ANY($${n})`, regions);
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM rm_kpi_windows WHERE ${where.join(' AND ')}`, params)) as [{ total: number }];
    const rows = (await this.dataSource.query(
      `SELECT region, scope_type, scope_id, period, to_char(window_start, 'YYYY-MM-DD') AS window_start, to_char(window_end, 'YYYY-MM-DD') AS window_end,
              time_zone, kpis, revision, updated_at
         FROM rm_kpi_windows WHERE ${where.join(' AND ')}
        ORDER BY window_start, region, scope_id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    )) as KpiWindowRow[];
    return {
      items: rows.map((r) => ({
        region: r.region,
        scopeType: r.scope_type,
        scopeId: r.scope_id,
        period: r.period,
        windowStart: r.window_start,
        windowEnd: r.window_end,
        timeZone: r.time_zone,
        kpis: q.kpi === undefined ? r.kpis : r.kpis.filter((k) => k.kpi === q.kpi),
        revision: r.revision,
        updatedAt: new Date(r.updated_at).toISOString(),
      })),
      total,
      limit: q.limit,
      offset: q.offset,
    };
  }
}
