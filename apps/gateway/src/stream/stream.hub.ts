import { Injectable } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import type { Envelope } from '@switchboard/contracts';

export interface StreamedEvent {
  envelope: Envelope;
  region?: string;
}

/**
 * Fans committed platform events out to live subscribers (`GET /v1/stream`). Each gateway
 * instance pushes what its own read-model consumer applied; see docs/ARCHITECTURE.md for the
 * multi-instance note.
 */
@Injectable()
export class StreamHub {
  private readonly subject = new Subject<StreamedEvent>();

  publish(event: StreamedEvent): void {
    this.subject.next(event);
  }

  get events(): Observable<StreamedEvent> {
    return this.subject.asObservable();
  }
}
