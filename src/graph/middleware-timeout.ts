/**
 * Bounds the time one attempt may wait for response headers, and marks whatever the HTTP stage throws
 * (connection reset, refused, aborted) as a transport failure so that the retry middleware can tell it
 * from a bug.
 */

import type { Context, Middleware } from "@microsoft/microsoft-graph-client";

export class TransportFailure extends Error {
  constructor(cause: unknown, timedOut: boolean) {
    super(timedOut ? "timed out" : "no response", { cause });
    this.name = timedOut ? "TimeoutError" : "TransportFailure";
  }
}

export class TimeoutMiddleware implements Middleware {
  readonly #timeoutMs: number;
  #next: Middleware | undefined;

  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
  }

  setNext(next: Middleware): void {
    this.#next = next;
  }

  async execute(context: Context): Promise<void> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    context.options = { ...context.options, signal: controller.signal };
    try {
      await this.#next!.execute(context);
    } catch (error) {
      throw new TransportFailure(error, timedOut);
    } finally {
      clearTimeout(timer);
    }
  }
}
