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

export class MailboxLimitMiddleware implements Middleware {
  readonly #perMailbox: number;
  readonly #slots = new Map<string, Slots>();
  #next: Middleware | undefined;

  constructor(perMailbox: number) {
    if (!(perMailbox >= 1)) throw new RangeError("at least one request per mailbox must be allowed");
    this.#perMailbox = perMailbox;
  }

  setNext(next: Middleware): void {
    this.#next = next;
  }

  async execute(context: Context): Promise<void> {
    const wanted = [...traceOf(context).mailboxes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const taken: [Slots, number, string][] = [];
    try {
      for (const [mailbox, weight] of wanted) {
        const slots = this.#slotsOf(mailbox);
        await slots.take(weight);
        taken.push([slots, weight, mailbox]);
      }
      await this.#next!.execute(context);
    } finally {
      for (const [slots, weight, mailbox] of taken) {
        slots.give(weight);
        if (slots.idle) this.#slots.delete(mailbox);
      }
    }
  }

  #slotsOf(mailbox: string): Slots {
    let slots = this.#slots.get(mailbox);
    if (slots === undefined) {
      slots = new Slots(this.#perMailbox);
      this.#slots.set(mailbox, slots);
    }
    return slots;
  }
}
