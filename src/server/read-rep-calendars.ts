/**
 * The reps' own calendars, so that field days rank by their ordinary customer calls (SPEC §5). First as
 * FieldCoach itself, where the tenant's admin granted the application permission Calendars.Read (scoped
 * to the sales organisation with Exchange RBAC for Applications, SPEC §9) and turned on reading reps'
 * calendars in FieldCoach's tenant settings; for the reps that grant does
 * not reach, as the signed-in person, which Graph allows only for calendars their owners shared with
 * them. A rep whose calendar neither way opens, or whose read failed, is left without one and the
 * page says so: one rep's calendar never fails the whole page.
 */

import type { EventInput } from "../domain/calendar-event.ts";
import type { CalendarReader, CalendarViewResult, GraphFailure } from "../domain/graph-ports.ts";
import type { Interval } from "../domain/interval.ts";
import type { RequestContext } from "./request-context.ts";

export type RepCalendarRead =
  | { readonly ok: true; readonly via: "application" | "shared"; readonly events: readonly EventInput[] }
  | { readonly ok: false; readonly why: string };

export interface RepMailbox {
  readonly email: string;
  /** The rep's directory object id: their mailbox. */
  readonly objectId: string;
}

/** Each rep's calendar in the window, by email. */
export async function readRepCalendars(
  context: RequestContext,
  reps: readonly RepMailbox[],
  window: Interval,
): Promise<ReadonlyMap<string, RepCalendarRead>> {
  const read = new Map<string, RepCalendarRead>();
  // FieldCoach's own access only where an administrator opted in (SPEC §9): holding the permission
  // alone does not make FieldCoach use it.
  const app = (await context.settings()).readRepCalendars
    ? context.services.graph.asApplication(context.tenantId)
    : undefined;
  // Reps to read as the signed-in person, with whether FieldCoach's own access refused them first.
  const asCaller: { readonly rep: RepMailbox; readonly appRefused: boolean }[] = [];
  if (app === undefined) asCaller.push(...reps.map((rep) => ({ rep, appRefused: false })));
  else {
    const results = await readEach(app.calendars, reps, window);
    results.forEach((result, i) => {
      const rep = reps[i]!;
      if (result.ok) read.set(rep.email, { ok: true, via: "application", events: result.events });
      else if (isRefusal(result.failure)) asCaller.push({ rep, appRefused: true });
      else read.set(rep.email, { ok: false, why: whyNot(result.failure, false) });
    });
  }
  if (asCaller.length > 0) {
    const results = await readEach(
      context.graph.calendars,
      asCaller.map((entry) => entry.rep),
      window,
    );
    results.forEach((result, i) => {
      const { rep, appRefused } = asCaller[i]!;
      read.set(
        rep.email,
        result.ok
          ? { ok: true, via: "shared", events: result.events }
          : { ok: false, why: whyNot(result.failure, appRefused) },
      );
    });
  }
  return read;
}

function readEach(
  calendars: CalendarReader,
  reps: readonly RepMailbox[],
  window: Interval,
): Promise<readonly CalendarViewResult[]> {
  return calendars.calendarViews(reps.map((rep) => ({ mailboxId: rep.objectId, window })));
}

/** Graph would not open the mailbox for this caller: another way in may still open it. */
function isRefusal(failure: GraphFailure): boolean {
  return failure.kind === "permission" || failure.kind === "not-found";
}

/** Why a rep's calendar was not read, for the manager: `appRefused` when FieldCoach's own access was tried. */
function whyNot(failure: GraphFailure, appRefused: boolean): string {
  if (failure.kind === "retry-later") return "Microsoft Graph did not answer in time; try again later";
  if (!isRefusal(failure)) return `Microsoft Graph could not read it (${failure.code})`;
  // 403 and 404 come from the mailbox; anything else from the token: the permission is not consented.
  const delegated =
    failure.status === 403 || failure.status === 404
      ? "their calendar is not shared with you"
      : "your organisation has not consented to FieldCoach reading calendars shared with you";
  return appRefused
    ? `${delegated}, and FieldCoach's own access (Calendars.Read) does not reach it`
    : delegated;
}
