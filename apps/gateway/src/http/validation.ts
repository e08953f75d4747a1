import { HttpException, HttpStatus } from '@nestjs/common';
import type { z } from 'zod';
import { validate } from '@switchboard/contracts';

/** The error body of every gateway failure: a stable code, a sentence, and per-field reasons when there are any. */
export interface ApiError {
  error: string;
  message: string;
  reasons?: { path: string; code: string; message: string }[];
}

export class ApiException extends HttpException {
  constructor(status: HttpStatus, body: ApiError) {
    super(body, status);
  }
}

/** Validates a body or query with the same contract schemas Kafka uses; 422 with one reason per field. */
export function parseOr422<S extends z.ZodType>(schema: S, value: unknown, what = 'request body'): z.infer<S> {
  const result = validate(schema, value);
  if (!result.ok) {
    throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, { error: 'VALIDATION_FAILED', message: `the ${what} is not valid`, reasons: result.reasons });
  }
  return result.value;
}

export function notFound(code: string, message: string): ApiException {
  return new ApiException(HttpStatus.NOT_FOUND, { error: code, message });
}

export function conflict(code: string, message: string): ApiException {
  return new ApiException(HttpStatus.CONFLICT, { error: code, message });
}
