/** Rejected by withTimeout: the operation did not settle in time. */
export class TimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${ms} ms`);
    this.name = "TimeoutError";
  }
}

/**
 * Settles like `operation`, or rejects with TimeoutError after `ms`. TeamsJS's initialize waits about a
 * minute in a frame that is not Teams; the pages cannot wait that long to learn they run standalone.
 */
export function withTimeout<T>(
  operation: Promise<T>,
  ms: number,
  what: string,
  timers: Pick<typeof globalThis, "setTimeout" | "clearTimeout"> = globalThis,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = timers.setTimeout(() => reject(new TimeoutError(what, ms)), ms);
    operation.then(
      (value) => {
        timers.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        timers.clearTimeout(timer);
        reject(error);
      },
    );
  });
}
