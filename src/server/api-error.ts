/**
 * Errors that leave the server: a stable `code` the pages switch on, an HTTP status, and one sentence
 * a person can read. Use cases throw them; the error handler turns them into the JSON body.
 */

export type ApiErrorCode =
  | "bad_request"
  | "unauthenticated"
  | "forbidden"
  | "consent_required"
  | "not_found"
  | "conflict"
  | "version_conflict"
  | "precondition_required"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "graph_unavailable"
  | "graph_permission"
  | "not_synced"
  | "internal";

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  /** Extra fields for the body (the current note of a 412, the admin-consent URL of a 403). */
  readonly details: Readonly<Record<string, unknown>>;
  /** Sent as headers with the response (Retry-After, ETag). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    extra: {
      readonly details?: Readonly<Record<string, unknown>>;
      readonly headers?: Readonly<Record<string, string>>;
      readonly cause?: unknown;
    } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = extra.details ?? {};
    this.headers = extra.headers ?? {};
  }
}

export function badRequest(message: string, details?: Readonly<Record<string, unknown>>): ApiError {
  return new ApiError(400, "bad_request", message, details === undefined ? {} : { details });
}

export function forbidden(message: string): ApiError {
  return new ApiError(403, "forbidden", message);
}

export function notFound(message: string): ApiError {
  return new ApiError(404, "not_found", message);
}

export function conflict(message: string, details?: Readonly<Record<string, unknown>>): ApiError {
  return new ApiError(409, "conflict", message, details === undefined ? {} : { details });
}

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly [detail: string]: unknown;
}

export function errorBody(error: ApiError): ErrorBody {
  return { ...error.details, code: error.code, message: error.message };
}
