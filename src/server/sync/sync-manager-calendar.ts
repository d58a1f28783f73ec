/**
 * One round of a manager's calendar sync: the changes since the stored delta link (or the whole window
 * the first time, after a 410, or when the window moved), classified and written together with the new
 * delta link in one transaction. The link is advanced only if it is still the one the round started
 * from, so of two rounds run at once exactly one is kept and neither duplicates nor loses anything; a
 * round that fails half way writes nothing and the next one starts from the same link. Events Graph
 * reports deleted are kept as cancelled, so a cancelled field day still counts as booked.
 */

import type { CalendarReader, GraphFailure } from "../../domain/graph-ports.ts";
import type { Instant } from "../../domain/instant.ts";
import type { OrgIndex } from "../../domain/org.ts";
import type { Store } from "../../store/store.ts";
import { classifiedEventsOf } from "./classified-events-of.ts";
import { calendarSyncKey, calendarSyncWindow } from "./sync-window.ts";

export interface SyncManagerCalendarInput {
  readonly tenantId: string;
  readonly manager: { readonly email: string; readonly objectId: string };
  readonly org: OrgIndex;
  /** Graph, as someone allowed to read the manager's calendar (the manager themself). */
  readonly calendars: CalendarReader;
  readonly store: Store;
  readonly now: Instant;
  /**
   * Events that ended before it are not stored: the tenant's retention deletes the records of such
   * meetings (src/jobs/retention-job.ts), and a full read of the window must not bring them back.
   */
  readonly keepFrom?: Instant;
}

export type CalendarSyncOutcome =
  | {
      readonly outcome: "synced";
      /** True when the round read the whole window and replaced what was kept. */
      readonly reset: boolean;
      readonly upserted: number;
      readonly removed: number;
      readonly incomplete: number;
    }
  /** Another round started from the same link finished first; its result stands. */
  | { readonly outcome: "superseded" }
  | { readonly outcome: "failed"; readonly failure: GraphFailure };

class Superseded extends Error {}

export async function syncManagerCalendar(input: SyncManagerCalendarInput): Promise<CalendarSyncOutcome> {
  const { tenantId, manager, store, now } = input;
  const key = calendarSyncKey(manager.email);
  const window = calendarSyncWindow(now);
  const startedFrom = (await store.syncState.get(tenantId, key))?.deltaLink ?? null;
  const [result] = await input.calendars.sync([
    { mailboxId: manager.objectId, window, state: startedFrom ?? undefined },
  ]);
  if (result === undefined) throw new Error("the calendar reader answered no result for one request");
  if (!result.ok) {
    await store.syncState.recordFailure(tenantId, key, result.failure.code, now);
    return { outcome: "failed", failure: result.failure };
  }

  const batch = classifiedEventsOf({
    managerEmail: manager.email,
    org: input.org,
    events: result.changed,
    window,
    overrides: await store.overrides.forMailbox(tenantId, manager.email),
  });
  try {
    return await store.transaction(async (tx) => {
      const advanced = await tx.syncState.advance(
        tenantId,
        key,
        startedFrom,
        { deltaLink: result.state, window },
        now,
      );
      if (advanced === undefined) throw new Superseded();
      // An organizer's cancelled meeting disappears from their calendar: it is kept as cancelled.
      let gone: readonly string[] = result.removedIds;
      if (result.reset) {
        const kept = new Set(batch.events.map((event) => event.eventId));
        gone = (await tx.events.inWindow(tenantId, manager.email, window))
          .map((event) => event.eventId)
          .filter((id) => !kept.has(id));
      }
      const removed = await tx.events.markCancelled(tenantId, manager.email, gone, now);
      const { keepFrom } = input;
      const retained =
        keepFrom === undefined ? batch.events : batch.events.filter((event) => event.end >= keepFrom);
      const upserted = await tx.events.upsert(tenantId, manager.email, retained, now);
      return {
        outcome: "synced",
        reset: result.reset,
        upserted,
        removed,
        incomplete: batch.incomplete,
      } as const;
    });
  } catch (error) {
    if (error instanceof Superseded) return { outcome: "superseded" };
    throw error;
  }
}
