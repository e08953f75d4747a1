import { HttpStatus } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ApiException } from '../http/validation';

/** The largest CSV import the gateway reads (about 50,000 cells with a few neighbours each). */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;

/**
 * Reads a `text/csv` request body (the platform parses JSON only): 415 for another content type,
 * 413 past `MAX_CSV_BYTES`, 422 for bytes that are not UTF-8.
 */
export async function readCsvBody(request: IncomingMessage, limit = MAX_CSV_BYTES): Promise<string> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'text/csv') {
    throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, { error: 'CSV.CONTENT_TYPE', message: `send the file as text/csv, not "${type || 'nothing'}"` });
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const piece of request as AsyncIterable<Buffer>) {
    size += piece.length;
    if (size > limit) {
      request.resume();
      throw tooLarge(limit);
    }
    chunks.push(piece);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, { error: 'VALIDATION_FAILED', message: 'the CSV is not UTF-8 text', reasons: [{ path: '(body)', code: 'CSV.NOT_UTF8', message: 'not UTF-8' }] });
  }
}

function tooLarge(limit: number): ApiException {
  return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, { error: 'CSV.TOO_LARGE', message: `a CSV import is at most ${limit} bytes; split the file` });
}
