/**
 * Incremental sync of many calendars with `calendarView/delta`. Each calendar's next request (its
 * first call, a `@odata.nextLink`, or the delta link kept from last time) goes into `$batch` calls of
 * 20, so refreshing calendars that did not change costs one request per 20 calendars. A delta link that
 * Graph no longer knows (410) restarts that calendar from scratch, once; the caller then replaces what
 * it kept. The delta link travels to the caller inside an opaque state string, with the window and
 * mailbox it belongs to, so a state used for another window starts over instead of mixing windows.
 */

import type { EventInput } from "../domain/calendar-event.ts";
import type { CalendarSyncRequest, CalendarSyncResult } from "../domain/graph-ports.ts";
import { InputError } from "../domain/input-error.ts";
import { sendBatch } from "./batch.ts";
import { type GraphClient, isoInstant, withQuery } from "./client.ts";
import { mapDeltaPage } from "./map-delta-page.ts";
import { type GraphError, malformedAnswer } from "./map-error.ts";
import { PERMISSIONS } from "./permissions.ts";

/** Events per delta page; a quarter of a manager's calendar usually fits one page. */
export const DELTA_PAGE_SIZE = 200;

interface SyncState {
  readonly v: 1;
  readonly mailboxId: string;
  readonly start: number;
  readonly end: number;
  readonly deltaLink: string;
}

interface Progress {
  readonly request: CalendarSyncRequest;
  link: string;
  reset: boolean;
  restarted: boolean;
  changed: EventInput[];
  removedIds: string[];
  result: CalendarSyncResult | undefined;
}

export async function syncCalendars(
  client: GraphClient,
  requests: readonly CalendarSyncRequest[],
  pageSize: number = DELTA_PAGE_SIZE,
): Promise<CalendarSyncResult[]> {
  const progress: Progress[] = requests.map((request) => {
    const kept = readState(request);
    return {
      request,
      link: kept?.deltaLink ?? firstLink(request),
      reset: kept === undefined,
      restarted: false,
      changed: [],
      removedIds: [],
      result: undefined,
    };
  });
  const headers = { Prefer: `outlook.timezone="UTC", odata.maxpagesize=${pageSize}` };
  for (let active = progress; active.length > 0; active = progress.filter((p) => p.result === undefined)) {
    const outcomes = await sendBatch(
      client,
      PERMISSIONS.readCalendar,
      active.map((p) => ({ method: "GET", url: p.link, mailbox: p.request.mailboxId, headers })),
      { idempotent: true },
    );
    outcomes.forEach((outcome, i) => {
      const p = active[i]!;
      if (outcome.ok) advance(p, outcome.body);
      else if (outcome.error.kind === "resync" && !p.restarted) restart(p);
      else fail(p, outcome.error);
    });
  }
  return progress.map((p) => p.result!);
}

function advance(p: Progress, body: unknown): void {
  const mailboxId = p.request.mailboxId;
  let page: ReturnType<typeof mapDeltaPage>;
  try {
    page = mapDeltaPage(body, "$");
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    fail(p, malformedAnswer(error.message, `the calendarView delta of ${mailboxId}`));
    return;
  }
  p.changed.push(...page.changed);
  p.removedIds.push(...page.removedIds);
  if (page.next.kind === "page") {
    p.link = page.next.link;
    return;
  }
  const state: SyncState = {
    v: 1,
    mailboxId,
    start: p.request.window.start,
    end: p.request.window.end,
    deltaLink: page.next.link,
  };
  p.result = {
    mailboxId,
    ok: true,
    reset: p.reset,
    changed: p.changed,
    removedIds: p.removedIds,
    state: JSON.stringify(state),
  };
}

function restart(p: Progress): void {
  p.link = firstLink(p.request);
  p.reset = true;
  p.restarted = true;
  p.changed = [];
  p.removedIds = [];
}

function fail(p: Progress, error: GraphError): void {
  p.result = { mailboxId: p.request.mailboxId, ok: false, failure: error };
}

function firstLink(request: CalendarSyncRequest): string {
  return withQuery(`/users/${encodeURIComponent(request.mailboxId)}/calendarView/delta`, {
    startDateTime: isoInstant(request.window.start),
    endDateTime: isoInstant(request.window.end),
  });
}

/** The kept state when it belongs to this calendar and window; otherwise the sync starts over. */
function readState(request: CalendarSyncRequest): SyncState | undefined {
  if (request.state === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.state);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const state = parsed as Partial<SyncState>;
  const matches =
    state.v === 1 &&
    state.mailboxId === request.mailboxId &&
    state.start === request.window.start &&
    state.end === request.window.end &&
    typeof state.deltaLink === "string";
  return matches ? (state as SyncState) : undefined;
}
