import { Controller, Query, Sse, type MessageEvent } from '@nestjs/common';
import { filter, map, type Observable } from 'rxjs';
import { ApiRoutes } from '../http/api-routes';
import { parseOr422 } from '../http/validation';
import { StreamHub } from './stream.hub';

/** `GET /v1/stream`: every platform event as a server-sent event (`event: <type>`, `data: <envelope>`). */
@Controller('v1/stream')
export class StreamHttpController {
  constructor(private readonly hub: StreamHub) {}

  @Sse()
  stream(@Query() query: Record<string, unknown>): Observable<MessageEvent> {
    const q = parseOr422(ApiRoutes.stream.query, query, 'query');
    const types = q.types ? new Set(q.types.split(',')) : undefined;
    return this.hub.events.pipe(
      filter((e) => (!q.region || e.region === q.region) && (!types || types.has(e.envelope.type))),
      map((e) => ({ id: e.envelope.id, type: e.envelope.type, data: e.envelope })),
    );
  }
}
