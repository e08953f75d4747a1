import { Controller, Get, Header } from '@nestjs/common';
import { buildOpenApi } from '../http/openapi';
import { DOCS_PAGE } from './docs-page';

/** `GET /docs/openapi.json` (OpenAPI 3.1, built from the route table) and `GET /docs` (a page that renders it). Public: see ApiKeyGuard. */
@Controller('docs')
export class DocsHttpController {
  private readonly document = buildOpenApi();

  @Get('openapi.json')
  openApi(): Record<string, unknown> {
    return this.document;
  }

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'")
  page(): string {
    return DOCS_PAGE;
  }
}
