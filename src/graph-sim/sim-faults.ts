/**
 * Faults a test turns on at run time, and what the simulator counted. Each fault can be narrowed to some
 * requests with `match` (by route kind, mailbox, method, path, or whether it is a `$batch` item).
 */

import type { RouteKind } from "./sim-permissions.ts";

export interface FaultTarget {
  readonly method: string;
  readonly path: string;
  readonly kind: RouteKind;
  /** The mailbox (user id) the request works on, when it works on one. */
  readonly mailbox: string | undefined;
  readonly inBatch: boolean;
}

export type FaultMatch = (target: FaultTarget) => boolean;

interface Countdown {
  remaining: number;
  readonly match: FaultMatch;
}

interface Throttle extends Countdown {
  readonly retryAfterSeconds: number;
}

interface Drop extends Countdown {
  /** "before": the request is never handled; "after": it is handled (state changes) but never answered. */
  readonly when: "before" | "after";
}

interface Storm {
  readonly ratio: number;
  readonly retryAfterSeconds: number;
  readonly match: FaultMatch;
  readonly random: () => number;
}

export interface SimStats {
  /** HTTP requests received (a `$batch` counts once here). */
  readonly requests: number;
  /** Calls by route kind, `$batch` items included (and `batch` for the envelopes). */
  readonly byKind: Readonly<Record<string, number>>;
  readonly batchItems: number;
  /** 429 answers sent, top-level or per item. */
  readonly throttled: number;
  readonly unavailable: number;
  readonly dropped: number;
  /** The most requests that were ever in flight at once for one mailbox. */
  readonly maxInFlightPerMailbox: number;
  /**
   * Per mailbox, the delta rounds served: `calendarView/delta` calls without a `$skiptoken` (a first
   * call or a delta link), each the start of one sync of that calendar.
   */
  readonly deltaRoundsByMailbox: Readonly<Record<string, number>>;
  /** The most `calendarView/delta` calls that were ever in flight at once for one mailbox. */
  readonly maxDeltaInFlightPerMailbox: number;
}

const everything: FaultMatch = () => true;

export class SimFaults {
  latencyMs = 0;
  /** When set, more requests in flight than this for one mailbox get 429 MailboxConcurrency. */
  mailboxConcurrencyLimit: number | undefined;
  deltaEpoch = 0;
  readonly #throttles: Throttle[] = [];
  readonly #unavailable: Throttle[] = [];
  readonly #drops: Drop[] = [];
  #storm: Storm | undefined;

  /** Every request (or item) waits this long before it is handled. */
  latency(ms: number): void {
    this.latencyMs = ms;
  }

  /** The next `times` matching requests get 429 with `Retry-After`. */
  throttle(options: { times: number; retryAfterSeconds: number; match?: FaultMatch }): void {
    this.#throttles.push({
      remaining: options.times,
      retryAfterSeconds: options.retryAfterSeconds,
      match: options.match ?? everything,
    });
  }

  /** A share of matching requests get 429, drawn from `random` (give a seeded one for repeatable runs). */
  storm(
    options:
      | { ratio: number; retryAfterSeconds: number; random: () => number; match?: FaultMatch }
      | undefined,
  ): void {
    this.#storm = options === undefined ? undefined : { ...options, match: options.match ?? everything };
  }

  /** The next `times` matching requests get 503 Service Unavailable (with `Retry-After` when given). */
  serviceUnavailable(options: { times: number; retryAfterSeconds?: number; match?: FaultMatch }): void {
    this.#unavailable.push({
      remaining: options.times,
      retryAfterSeconds: options.retryAfterSeconds ?? -1,
      match: options.match ?? everything,
    });
  }

  mailboxConcurrency(limit: number | undefined): void {
    this.mailboxConcurrencyLimit = limit;
  }

  /** Every delta and skip token handed out so far answers 410 from now on. */
  expireDeltaLinks(): void {
    this.deltaEpoch += 1;
  }

  /** The next `times` matching HTTP requests lose their connection (the socket is destroyed). */
  dropConnections(options: { times: number; when: "before" | "after"; match?: FaultMatch }): void {
    this.#drops.push({ remaining: options.times, when: options.when, match: options.match ?? everything });
  }

  clear(): void {
    this.latencyMs = 0;
    this.mailboxConcurrencyLimit = undefined;
    this.#throttles.length = 0;
    this.#unavailable.length = 0;
    this.#drops.length = 0;
    this.#storm = undefined;
  }

  /** Seconds to put in `Retry-After` if this request is to be throttled now. */
  takeThrottle(target: FaultTarget): number | undefined {
    const planned = take(this.#throttles, target);
    if (planned !== undefined) return planned.retryAfterSeconds;
    const storm = this.#storm;
    if (storm?.match(target) && storm.random() < storm.ratio) return storm.retryAfterSeconds;
    return undefined;
  }

  /** `Retry-After` seconds (−1 for none) if this request is to get 503 now. */
  takeUnavailable(target: FaultTarget): number | undefined {
    return take(this.#unavailable, target)?.retryAfterSeconds;
  }

  takeDrop(target: FaultTarget, when: "before" | "after"): boolean {
    return (
      take(
        this.#drops.filter((d) => d.when === when),
        target,
      ) !== undefined
    );
  }
}

function take<T extends Countdown>(list: readonly T[], target: FaultTarget): T | undefined {
  const found = list.find((fault) => fault.remaining > 0 && fault.match(target));
  if (found !== undefined) found.remaining -= 1;
  return found;
}

export class SimCounters {
  #requests = 0;
  #batchItems = 0;
  #throttled = 0;
  #unavailable = 0;
  #dropped = 0;
  #maxInFlight = 0;
  #maxDeltaInFlight = 0;
  readonly #byKind = new Map<string, number>();
  readonly #inFlight = new Map<string, number>();
  readonly #deltaInFlight = new Map<string, number>();
  readonly #deltaRounds = new Map<string, number>();

  request(): void {
    this.#requests += 1;
  }

  call(kind: RouteKind, inBatch: boolean): void {
    this.#byKind.set(kind, (this.#byKind.get(kind) ?? 0) + 1);
    if (inBatch) this.#batchItems += 1;
  }

  throttledOne(): void {
    this.#throttled += 1;
  }

  unavailableOne(): void {
    this.#unavailable += 1;
  }

  droppedOne(): void {
    this.#dropped += 1;
  }

  inFlight(mailbox: string): number {
    return this.#inFlight.get(mailbox) ?? 0;
  }

  /** A call on `mailbox` is being served; `deltaRound` when it starts a delta round. */
  enter(mailbox: string, kind: RouteKind, deltaRound: boolean): void {
    this.#maxInFlight = Math.max(this.#maxInFlight, add(this.#inFlight, mailbox, 1));
    if (kind === "calendarView.delta") {
      this.#maxDeltaInFlight = Math.max(this.#maxDeltaInFlight, add(this.#deltaInFlight, mailbox, 1));
    }
    if (deltaRound) add(this.#deltaRounds, mailbox, 1);
  }

  leave(mailbox: string, kind: RouteKind): void {
    add(this.#inFlight, mailbox, -1);
    if (kind === "calendarView.delta") add(this.#deltaInFlight, mailbox, -1);
  }

  stats(): SimStats {
    return {
      requests: this.#requests,
      byKind: Object.fromEntries(this.#byKind),
      batchItems: this.#batchItems,
      throttled: this.#throttled,
      unavailable: this.#unavailable,
      dropped: this.#dropped,
      maxInFlightPerMailbox: this.#maxInFlight,
      deltaRoundsByMailbox: Object.fromEntries(this.#deltaRounds),
      maxDeltaInFlightPerMailbox: this.#maxDeltaInFlight,
    };
  }

  reset(): void {
    this.#requests = 0;
    this.#batchItems = 0;
    this.#throttled = 0;
    this.#unavailable = 0;
    this.#dropped = 0;
    this.#maxInFlight = 0;
    this.#maxDeltaInFlight = 0;
    this.#byKind.clear();
    this.#deltaRounds.clear();
  }
}

/** Adds `step` to the mailbox's count (a count of zero is dropped) and returns the new count. */
function add(counts: Map<string, number>, mailbox: string, step: number): number {
  const now = (counts.get(mailbox) ?? 0) + step;
  if (now <= 0) counts.delete(mailbox);
  else counts.set(mailbox, now);
  return now;
}
