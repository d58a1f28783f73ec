/**
 * Errors that leave the server: a stable `code` from the API contract (src/api/errors.ts), its HTTP
 * status, and one sentence a person can read. Use cases throw them; the error handler writes the body.
 */

import { ERROR_STATUS, type ErrorCode } from "../api/errors.ts";

export class RequestError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  /** Extra fields of the body (the current note of a 412, the admin-consent URL of a 403). */
  readonly details: Readonly<Record<string, unknown>>;
  /** Sent as headers with the response (Retry-After, ETag). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    code: ErrorCode,
    message: string,
    extra: {
      readonly details?: Readonly<Record<string, unknown>>;
      readonly headers?: Readonly<Record<string, string>>;
      readonly cause?: unknown;
    } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = "RequestError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = extra.details ?? {};
    this.headers = extra.headers ?? {};
  }
}

export function forbidden(message: string): RequestError {
  return new RequestError("forbidden", message);
}

export function notFound(message: string): RequestError {
  return new RequestError("not_found", message);
}

export function conflict(message: string): RequestError {
  return new RequestError("conflict", message);
}

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
  readonly [detail: string]: unknown;
}

export function errorBody(error: RequestError): ErrorBody {
  return { ...error.details, code: error.code, message: error.message };
}
