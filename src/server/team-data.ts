/**
 * What a manager's team figures rest on, read once: the tenant's org, the manager's classified events
 * (synced first when they are older than a few minutes and a token of the manager's is at hand), their
 * reps' notes and the actions agreed in them, and the cadence policy in force.
 */

import type { Interval } from "../domain/interval.ts";
import type { Person } from "../domain/org.ts";
import type { PersonRecord } from "../store/repositories/people.ts";
import type { SyncStateRecord } from "../store/repositories/sync-state.ts";
import type { TeamFiguresInput } from "./figures/team-figures.ts";
import type { RequestContext } from "./request-context.ts";
import { calendarSyncKey, calendarSyncWindow } from "./sync/sync-window.ts";
import { tenantOrgOf } from "./sync/tenant-org.ts";
import { policyFor } from "./tenant-policy.ts";

/**
 * Syncs the manager's calendar when it is stale: as the viewer when it is theirs, else with a token of
 * the manager's. Returns the calendar's sync state as it stands afterwards.
 */
export async function refreshCalendar(
  context: RequestContext,
  manager: PersonRecord,
): Promise<SyncStateRecord | undefined> {
  const { services, tenantId } = context;
  const graph =
    manager.objectId === context.caller.objectId
      ? context.graph
      : await services.graph.asPerson(tenantId, manager.objectId);
  const { checked, outcome } = await services.sync.ensureCalendar(tenantId, manager, graph);
  if (outcome === undefined) return checked;
  // A round ran and wrote the state: read it again.
  const state = await services.store.syncState.get(tenantId, calendarSyncKey(manager.email));
  if (outcome.outcome !== "failed") return state;
  if (outcome.failure.kind === "permission" && manager.objectId === context.caller.objectId) {
    throw outcome.failure;
  }
  // A failed round leaves what was kept in force and the page shows it; but a calendar never read in
  // full has nothing kept, and figures of an empty calendar would be invented.
  if (state?.lastSuccessAt == null) throw outcome.failure;
  return state;
}

export async function teamDataOf(
  context: RequestContext,
  manager: PersonRecord,
  window: Interval,
): Promise<
  TeamFiguresInput & {
    readonly managerPerson: Person;
    /** The manager's calendar sync state once refreshed: how fresh these figures are. */
    readonly calendarState: SyncStateRecord | undefined;
  }
> {
  const { services, tenantId } = context;
  const { store } = services;
  const calendarState = await refreshCalendar(context, manager);
  const [hierarchy, settings] = await Promise.all([context.hierarchy(), context.settings()]);
  const org = tenantOrgOf(hierarchy.people, settings);
  const managerPerson = org.personByAddress(manager.email)!;
  const synced = calendarSyncWindow(context.now);
  const reps = org.repsOf(manager.email).map((rep) => rep.email);
  // Independent reads go out together: on PostgreSQL they run side by side on the pool.
  const [events, notes, policy] = await Promise.all([
    store.events.inWindow(tenantId, manager.email, {
      start: Math.min(window.start, synced.start),
      end: Math.max(window.end, synced.end),
    }),
    store.notes.list(tenantId, { managerEmails: [manager.email] }),
    policyFor(store, tenantId, reps),
  ]);
  const actions = await store.actions.forNotes(
    tenantId,
    notes.map((note) => note.noteId),
  );
  return {
    manager: managerPerson,
    managerPerson,
    org,
    events,
    window,
    asOf: Math.min(context.now, window.end),
    policy,
    notes,
    actions,
    calendarState,
  };
}
