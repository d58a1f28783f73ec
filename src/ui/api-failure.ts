import type { ErrorCode } from "../api/errors.ts";
import { isRecord } from "./is-record.ts";

/** Why a request to FieldCoach's API did not succeed, by the server's stable code. */
export type FailureCode =
  | ErrorCode
  /** No answer at all: offline, or the server is down. */
  | "offline"
  /** An answer that is not FieldCoach's JSON (a proxy's error page). */
  | "unexpected_answer";

export class ApiFailure extends Error {
  /** 0 when there was no answer. */
  readonly status: number;
  /** A FailureCode; typed as text because a newer server may send codes this page does not know. */
  readonly code: string;
  /** The error body's extra fields: the current note of a 412, the issues of a 400. */
  readonly body: Readonly<Record<string, unknown>>;

  constructor(status: number, code: string, message: string, body: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.name = "ApiFailure";
    this.status = status;
    this.code = code;
    this.body = body;
  }

  /** Trying again later may help (no answer, throttled, the server or Graph briefly unavailable). */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/** Reads an error response into an ApiFailure, keeping the server's sentence for people. */
export function failureOf(status: number, body: unknown): ApiFailure {
  if (isRecord(body) && typeof body.code === "string" && typeof body.message === "string") {
    return new ApiFailure(status, body.code, body.message, body);
  }
  return new ApiFailure(
    status,
    "unexpected_answer",
    `The server answered with an unexpected error (HTTP ${status}).`,
  );
}

export function offline(cause: unknown): ApiFailure {
  const failure = new ApiFailure(0, "offline", "FieldCoach cannot be reached; check your connection.");
  failure.cause = cause;
  return failure;
}

/** The error is FieldCoach's answer with this code. */
export function isFailure(error: unknown, code: FailureCode): error is ApiFailure {
  return error instanceof ApiFailure && error.code === code;
}

/** A sentence for any error a page catches: the server's own words where there are some. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message !== "") return error.message;
  return "Something went wrong; try again in a moment.";
}
