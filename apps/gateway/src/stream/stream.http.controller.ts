import { Controller, Query, Req, Sse, type MessageEvent } from '@nestjs/common';
import { filter, map, takeUntil, timer, type Observable } from 'rxjs';
import { callerOf, type AuthenticatedRequest } from '../auth/api-key.guard';
import { mayTouchRegion } from '../auth/roles';
import { ApiRoutes } from '../http/api-routes';
import { parseOr422 } from '../http/validation';
import { StreamHub } from './stream.hub';

/** `GET /v1/stream`: every platform event as a server-sent event (`event: <type>`, `data: <envelope>`). */
@Controller('v1/stream')
export class StreamHttpController {
  constructor(private readonly hub: StreamHub) {}

  @Sse()
  stream(@Query() query: Record<string, unknown>, @Req() request: AuthenticatedRequest): Observable<MessageEvent> {
    const q = parseOr422(ApiRoutes.stream.query, query, 'query');
    // A key scoped to regions sees only their events; an event without a region (a technician's, a rota's) only unscoped keys see.
    const caller = callerOf(request);
    const types = q.types ? new Set(q.types.split(',')) : undefined;
    const events = this.hub.events.pipe(
      filter((e) => (!q.region || e.region === q.region) && mayTouchRegion(caller, e.region) && (!types || types.has(e.envelope.type))),
      map((e) => ({ id: e.envelope.id, type: e.envelope.type, data: e.envelope })),
    );
    // A person's stream ends when their access token does (ADR 0029): the client reconnects with a new one, and the guard looks at the person again.
    return request.tokenExpiresAt === undefined ? events : events.pipe(takeUntil(timer(new Date(request.tokenExpiresAt))));
  }
}
