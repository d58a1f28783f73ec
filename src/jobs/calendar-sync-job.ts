/**
 * The job that syncs a manager's calendar ("calendar:<email>"): every interval, and at once when a
 * change notification asks for it. The sync itself is the server's (a delta round, safe to run twice);
 * this decides only whether there is still a manager to sync: someone nobody reports to any more has
 * their job deleted.
 */

import type { PersonRecord } from "../store/repositories/people.ts";
import type { Store } from "../store/store.ts";
import type { JobHandler } from "./job-runner.ts";

export interface CalendarSyncJobOptions {
  readonly store: Pick<Store, "people">;
  readonly intervalMs: number;
  /** One sync round of the manager's calendar; throws when it failed (no access, Graph refused). */
  readonly sync: (tenantId: string, manager: PersonRecord, signal: AbortSignal) => Promise<void>;
}

export function calendarSyncJobHandler(options: CalendarSyncJobOptions): JobHandler {
  return {
    intervalMs: options.intervalMs,
    async run({ tenantId, subject: managerEmail, signal }) {
      const people = await options.store.people.list(tenantId);
      const manager = people.find((person) => person.email === managerEmail);
      if (manager === undefined || !people.some((person) => person.managerEmail === managerEmail)) {
        return { remove: true };
      }
      await options.sync(tenantId, manager, signal);
      return undefined;
    },
  };
}
