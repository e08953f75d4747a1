import { z } from 'zod';
import { kpiNames, kpiPeriods, kpiScopeTypes, kpiWindowUpdatedSchema } from '@switchboard/contracts';
import type { ApiRoute } from '../http/api-routes';

/**
 * `GET /v1/kpis` (issue 8, ADR 0025): the KPI windows by scope and period, read from the gateway's
 * projection of `kpi.window-updated` (scoring.kpis.v3). Spread into `ApiRoutes`.
 */

const day = z.iso.date();

export const kpiWindowView = kpiWindowUpdatedSchema.extend({ updatedAt: z.string().describe('When the gateway stored this revision.') }).meta({ id: 'KpiWindow' });

export const kpiRoutes = {
  listKpis: {
    operationId: 'listKpis',
    method: 'get',
    path: '/v1/kpis',
    tag: 'kpis',
    summary: 'KPI windows by scope and period',
    description:
      'Each item is the latest record of one window: the KPIs of one scope (region, county, service, tier, technician, group, contractor) in one region over a day, ISO week or month of the ' +
      'reporting time zone, each with numerator and denominator (sum them to re-aggregate; docs/bi-kpis.md). A key scoped to regions sees only its regions. Ordered by window start, region, scope.',
    query: z.strictObject({
      scopeType: z.enum(kpiScopeTypes).default('region'),
      scopeId: z.string().min(1).max(64).optional(),
      region: z.string().min(1).max(64).optional(),
      period: z.enum(kpiPeriods).default('day'),
      from: day.optional().describe('Windows starting on or after this day.'),
      to: day.optional().describe('Windows starting on or before this day.'),
      kpi: z.enum(kpiNames).optional().describe('Only this KPI (and only windows that have it).'),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
    responses: {
      200: {
        description: 'One page of KPI windows.',
        schema: z.object({ items: z.array(kpiWindowView), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
      },
    },
  },
} satisfies Record<string, ApiRoute>;
