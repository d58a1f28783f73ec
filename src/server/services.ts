/**
 * What the routes and use cases work with, assembled once by main.ts (or by a test): the store, Graph as
 * a given person, sync, the clock, and the public address links are written with.
 */

import type { Instant } from "../domain/instant.ts";
import type { Store } from "../store/store.ts";
import type { GraphAccess } from "./graph-access.ts";
import type { SyncCoordinator } from "./sync/sync-coordinator.ts";

export interface Services {
  readonly mode: "demo" | "tenant";
  readonly store: Store;
  readonly graph: GraphAccess;
  readonly sync: SyncCoordinator;
  readonly now: () => Instant;
  /** Where the pages are served from, without a trailing slash: note links in booked events point here. */
  readonly publicBaseUrl: string;
}

/**
 * The delegated Microsoft Graph permissions FieldCoach asks for, least privileged for what it does:
 * read the signed-in manager's own calendar and book field days in it (asked only when booking), read
 * reps' free/busy (getSchedule) and the calendars reps shared with the signed-in person (where
 * FieldCoach's own access does not reach them), the org chart, the signed-in person's own mailbox
 * settings, and the tenant's domains. Each Graph call asks for the least privileged of these that serves it.
 */
export const DELEGATED_GRAPH_PERMISSIONS = [
  "User.Read",
  "User.Read.All",
  "Calendars.Read",
  "Calendars.Read.Shared",
  "Calendars.ReadWrite",
  "MailboxSettings.Read",
] as const;
