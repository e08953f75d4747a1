import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Controller, Get, HttpCode, HttpStatus, Inject, Post, Query, Req } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { MAX_REFERENCE_ROWS_PER_COMMAND } from '@switchboard/contracts';
import { DATA_SOURCE } from '@switchboard/platform';
import { callerOf, type AuthenticatedRequest } from '../auth/api-key.guard';
import { CommandSender } from '../commands/command-sender';
import { chunk, parseAreasCsv, parseCellsCsv, type CsvResult } from '../domain/reference-csv';
import { ApiRoutes } from '../http/api-routes';
import { ApiException, parseOr422 } from '../http/validation';
import { readCsvBody } from './csv-body';

function rowsOr422<R>(result: CsvResult<R>): R[] {
  if (!result.ok) {
    throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, { error: 'VALIDATION_FAILED', message: `the CSV has ${result.reasons.length} problem(s); nothing was imported`, reasons: result.reasons });
  }
  return result.rows;
}

/**
 * The operator's reference data for intake: radio cells (with neighbours) and the geography of
 * regions, counties and zones, imported from CSV. A file is checked whole (nothing is imported
 * when a row is bad), then sent to intake as `cells.import` / `areas.import` commands of at most
 * 1,000 rows; the listings show what intake has loaded (`cells.imported` / `areas.imported`).
 */
@Controller('v1')
export class ReferenceDataHttpController {
  constructor(
    private readonly commands: CommandSender,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  @Post('cells')
  @HttpCode(202)
  async importCells(@Req() request: AuthenticatedRequest & IncomingMessage) {
    const rows = rowsOr422(parseCellsCsv(await readCsvBody(request)));
    const batchId = `cells-${randomUUID()}`;
    const parts = chunk(rows, MAX_REFERENCE_ROWS_PER_COMMAND);
    await this.commands.send(
      callerOf(request).source,
      parts.map((part, i) => ({ type: 'cells.import' as const, data: { batchId, part: i + 1, parts: parts.length, rows: part }, subject: batchId })),
    );
    return { batchId, rows: rows.length, commands: parts.length };
  }

  @Post('areas')
  @HttpCode(202)
  async importAreas(@Req() request: AuthenticatedRequest & IncomingMessage) {
    const rows = rowsOr422(parseAreasCsv(await readCsvBody(request)));
    const batchId = `areas-${randomUUID()}`;
    const parts = chunk(rows, MAX_REFERENCE_ROWS_PER_COMMAND);
    await this.commands.send(
      callerOf(request).source,
      parts.map((part, i) => ({ type: 'areas.import' as const, data: { batchId, part: i + 1, parts: parts.length, rows: part }, subject: batchId })),
    );
    return { batchId, rows: rows.length, commands: parts.length };
  }

  @Get('cells')
  async listCells(@Query() query: Record<string, unknown>) {
    const q = parseOr422(ApiRoutes.listCells.query, query, 'query');
    const [{ total }] = (await this.dataSource.query('SELECT count(*)::int AS total FROM rm_cells WHERE ($1::text IS NULL OR region = $1)', [q.region ?? null])) as [{ total: number }];
    const items = (await this.dataSource.query(
      `SELECT cell_id AS "cellId", region, lat, lon, neighbours FROM rm_cells WHERE ($1::text IS NULL OR region = $1) ORDER BY cell_id LIMIT $2 OFFSET $3`,
      [q.region ?? null, q.limit, q.offset],
    )) as unknown[];
    return { items, total, limit: q.limit, offset: q.offset };
  }

  @Get('areas')
  async listAreas(@Query() query: Record<string, unknown>) {
    const q = parseOr422(ApiRoutes.listAreas.query, query, 'query');
    const items = (await this.dataSource.query('SELECT region, county, zone FROM rm_areas WHERE ($1::text IS NULL OR region = $1) ORDER BY region, county, zone', [
      q.region ?? null,
    ])) as unknown[];
    return { items };
  }
}
