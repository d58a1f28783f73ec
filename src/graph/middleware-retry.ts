/**
 * Retries what Graph asks to retry, a bounded number of times: 429 always (Graph refused the request
 * before doing anything), 503/504 and lost connections only for requests that are safe to send twice.
 * The wait is the response's `Retry-After` when it gives one, else an exponential backoff; a wait
 * longer than `maxWaitMs` is not slept through but handed to the caller as a retry-later failure.
 * Sleeping goes through an injected function so that tests can record the waits instead of waiting.
 */

import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { parseRetryAfter, transportError } from "./map-error.ts";
import { TransportFailure } from "./middleware-timeout.ts";
import { traceOf } from "./request-trace.ts";

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxTries: number;
  /** The longest wait the client sleeps through; longer ones end the request. */
  readonly maxWaitMs: number;
  /** Backoff when Graph names no wait: base × 2^(retry − 1). */
  readonly backoffMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
}

export class RetryMiddleware implements Middleware {
  readonly #policy: RetryPolicy;
  #next: Middleware | undefined;

  constructor(policy: RetryPolicy) {
    if (!(policy.maxTries >= 1)) throw new RangeError("maxTries must be at least 1");
    this.#policy = policy;
  }

  setNext(next: Middleware): void {
    this.#next = next;
  }

  async execute(context: Context): Promise<void> {
    const trace = traceOf(context);
    const policy = this.#policy;
    for (let attempt = 1; ; attempt++) {
      trace.tries = attempt;
      context.response = undefined;
      let lost: TransportFailure | undefined;
      try {
        await this.#next!.execute(context);
      } catch (error) {
        if (!(error instanceof TransportFailure)) throw error;
        lost = error;
      }
      // The next middleware sets it; the assignment above narrowed it for the type checker.
      const response = context.response as Response | undefined;
      const retryable =
        lost !== undefined
          ? trace.idempotent
          : response !== undefined && isRetryableStatus(response.status, trace.idempotent);
      const wait =
        lost !== undefined || response === undefined
          ? backoff(policy, attempt)
          : (parseRetryAfter(response.headers.get("Retry-After"), policy.now()) ?? backoff(policy, attempt));
      if (!retryable || attempt >= policy.maxTries || wait > policy.maxWaitMs) {
        if (lost !== undefined) {
          trace.failure = transportError(lost.cause ?? lost, { request: trace.label, tries: attempt });
          throw trace.failure;
        }
        return;
      }
      // An unread body would keep its connection busy while we wait.
      await response?.body?.cancel();
      await policy.sleep(wait);
    }
  }
}

function isRetryableStatus(status: number, idempotent: boolean): boolean {
  if (status === 429) return true;
  return idempotent && (status === 503 || status === 504);
}

function backoff(policy: RetryPolicy, attempt: number): number {
  return policy.backoffMs * 2 ** (attempt - 1);
}
