/**
 * At most N requests in flight per mailbox (Outlook allows 4 concurrent requests per app per mailbox and
 * answers 429 beyond that). A request naming several mailboxes (a `$batch`) takes its slots in each,
 * always in the same order, so two batches can never wait on each other.
 */

import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { traceOf } from "./request-trace.ts";

class Slots {
  readonly #capacity: number;
  #used = 0;
  readonly #waiting: { weight: number; wake: () => void }[] = [];

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get idle(): boolean {
    return this.#used === 0 && this.#waiting.length === 0;
  }

  async take(weight: number): Promise<void> {
    const need = Math.min(weight, this.#capacity);
    if (this.#waiting.length === 0 && this.#used + need <= this.#capacity) {
      this.#used += need;
      return;
    }
    await new Promise<void>((wake) => this.#waiting.push({ weight: need, wake }));
  }

  give(weight: number): void {
    this.#used -= Math.min(weight, this.#capacity);
    // First come, first served: a heavy request at the head is not overtaken by lighter ones.
    while (this.#waiting.length > 0 && this.#used + this.#waiting[0]!.weight <= this.#capacity) {
      const next = this.#waiting.shift()!;
      this.#used += next.weight;
      next.wake();
    }
  }
}

/**
 * The slots of every mailbox, shared by all the clients of one app: Outlook counts requests per app and
 * mailbox, so clients built per signed-in user must share one of these.
 */
export class MailboxSlots {
  readonly perMailbox: number;
  readonly #slots = new Map<string, Slots>();

  constructor(perMailbox: number) {
    if (!(perMailbox >= 1)) throw new RangeError("at least one request per mailbox must be allowed");
    this.perMailbox = perMailbox;
  }

  /** Takes `weight` slots of each mailbox (in a fixed order); resolves to a function that gives them back. */
  async take(wanted: ReadonlyMap<string, number>): Promise<() => void> {
    const ordered = [...wanted].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const taken: [Slots, number, string][] = [];
    const giveBack = () => {
      for (const [slots, weight, mailbox] of taken) {
        slots.give(weight);
        if (slots.idle) this.#slots.delete(mailbox);
      }
    };
    try {
      for (const [mailbox, weight] of ordered) {
        let slots = this.#slots.get(mailbox);
        if (slots === undefined) {
          slots = new Slots(this.perMailbox);
          this.#slots.set(mailbox, slots);
        }
        await slots.take(weight);
        taken.push([slots, weight, mailbox]);
      }
    } catch (error) {
      giveBack();
      throw error;
    }
    return giveBack;
  }
}

export class MailboxLimitMiddleware implements Middleware {
  readonly #slots: MailboxSlots;
  #next: Middleware | undefined;

  constructor(slots: MailboxSlots) {
    this.#slots = slots;
  }

  setNext(next: Middleware): void {
    this.#next = next;
  }

  async execute(context: Context): Promise<void> {
    const giveBack = await this.#slots.take(traceOf(context).mailboxes);
    try {
      await this.#next!.execute(context);
    } finally {
      giveBack();
    }
  }
}
