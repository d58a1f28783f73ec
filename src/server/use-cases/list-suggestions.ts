/**
 * Field-day suggestions for a manager's reps who are due (GET /api/suggestions, SPEC §5): free/busy and
 * working hours from getSchedule, the reps' own calendars where FieldCoach may read them (their ordinary
 * customer calls rank the days and may be joined), held and booked field days from the synced calendar,
 * the cadence policy in force and the days the manager dismissed. The offers are kept, so that accepting
 * one books exactly what was shown, with a transaction id that makes a retried booking harmless.
 */

import { randomUUID } from "node:crypto";
import type { SuggestionsResponse } from "../../api/suggestions.ts";
import type { PersonSchedule, UnusableSchedule } from "../../domain/free-busy.ts";
import { MS_PER_DAY } from "../../domain/instant.ts";
import type { OrgIndex, Person } from "../../domain/org.ts";
import { readRepCalendar } from "../../domain/suggest-customer-calls.ts";
import { type Availability, suggestFieldDays } from "../../domain/suggest-field-days.ts";
import { workWeekOf } from "../../domain/working-hours.ts";
import { dateIn, plusWeeks, zoneNamed } from "../../domain/zoned-time.ts";
import { forbidden, notFound } from "../api-error.ts";
import { canSeeTeam } from "../authorize.ts";
import { isFieldDay } from "../figures/field-days-kept.ts";
import { summaryOf } from "../present/present-note.ts";
import { presentRepCalendar, presentSuggestion } from "../present/present-suggestion.ts";
import { type RepCalendarRead, readRepCalendars } from "../read-rep-calendars.ts";
import { type RequestContext, signedInPerson } from "../request-context.ts";
import { calendarSyncWindow } from "../sync/sync-window.ts";
import { tenantOrgOf } from "../sync/tenant-org.ts";
import { refreshCalendar } from "../team-data.ts";
import { policyFor } from "../tenant-policy.ts";

export async function listSuggestions(
  context: RequestContext,
  managerEmail: string | undefined,
): Promise<SuggestionsResponse> {
  const viewer = signedInPerson(context);
  const hierarchy = await context.hierarchy();
  const manager = hierarchy.person(managerEmail ?? viewer.email);
  if (manager === undefined) throw notFound(`${managerEmail} is not in the directory.`);
  if (!canSeeTeam(context.viewer, manager.email, hierarchy)) {
    throw forbidden("Only the manager and the executives above them see this team's suggestions.");
  }
  const { store } = context.services;
  const { tenantId, now } = context;
  await refreshCalendar(context, manager);
  const org = tenantOrgOf(hierarchy.people, await context.settings());
  const managerPerson = org.personByAddress(manager.email)!;
  const reps = org.repsOf(manager.email);
  const policy = await policyFor(
    store,
    tenantId,
    reps.map((rep) => rep.email),
  );
  const zone = zoneNamed(managerPerson.timeZone)!;
  const horizon = { start: now, end: plusWeeks(now, policy.horizonWeeks, zone) };
  // Calls are counted per day on the rep's wall clock, which may be a day either side of the manager's.
  const callWindow = { start: horizon.start - MS_PER_DAY, end: horizon.end + MS_PER_DAY };
  const [schedules, calendars] = await Promise.all([
    context.graph.schedules.schedules(
      viewer.objectId,
      [manager.email, ...reps.map((rep) => rep.email)],
      horizon,
    ),
    readRepCalendars(
      context,
      reps.flatMap((rep) => {
        const record = hierarchy.person(rep.email);
        return record === undefined ? [] : [{ email: rep.email, objectId: record.objectId }];
      }),
      callWindow,
    ),
  ]);
  const availability = availabilityOf(schedules.schedules, schedules.unusable);
  const events = await store.events.inWindow(tenantId, manager.email, calendarSyncWindow(now));
  const decided = await store.suggestions.list(tenantId, manager.email, ["accepted", "dismissed"]);

  const result = suggestFieldDays({
    now,
    policy,
    manager: { email: manager.email, zone, availability: availability(managerPerson) },
    reps: reps.map((rep) => {
      const repAvailability = availability(rep);
      return {
        email: rep.email,
        name: rep.name,
        hireDate: rep.hireDate,
        availability: repAvailability,
        calendar: calendarOf(calendars.get(rep.email), repAvailability, org),
      };
    }),
    fieldDays: events
      .filter((event) => isFieldDay(event) && !event.isCancelled)
      .map((event) => ({ reps: event.reps, start: event.start })),
    dismissed: decided
      .filter((record) => record.status === "dismissed")
      .map((record) => ({ rep: record.repEmail, date: record.day })),
  });
  const offered = await store.suggestions.replaceOffers(
    tenantId,
    manager.email,
    result.suggestions.map((suggestion) => ({
      suggestionId: randomUUID(),
      repEmail: suggestion.rep,
      day: dateIn(suggestion.start, result.zone),
      start: suggestion.start,
      end: suggestion.end,
      score: suggestion.score,
      reasons: suggestion.reasons,
      transactionId: randomUUID(),
    })),
    now,
  );
  const upcoming = decided.filter((record) => record.status === "accepted" && record.end > now);
  const iso = (instant: number) => new Date(instant).toISOString();
  return {
    horizon: { from: iso(result.horizon.start), to: iso(result.horizon.end) },
    zone: result.zone.name,
    suggestions: [...offered, ...upcoming]
      .sort((a, b) => b.score - a.score || a.start - b.start)
      .map((record) => presentSuggestion(record, hierarchy)),
    due: result.due.map((due) => ({
      rep: summaryOf(hierarchy, due.rep),
      lastFieldDay: due.lastFieldDay === null ? null : iso(due.lastFieldDay),
      dueBy: iso(due.dueBy),
    })),
    unplaceable: result.unplaceable.map((item) => ({ rep: summaryOf(hierarchy, item.rep), why: item.why })),
    repCalendars: reps.map((rep) => presentRepCalendar(calendars.get(rep.email), rep.email, hierarchy)),
  };
}

/** The rep's calendar as placement reads it, on the rep's own wall clock; undefined when not read. */
function calendarOf(read: RepCalendarRead | undefined, availability: Availability, org: OrgIndex) {
  if (read?.ok !== true || !availability.placeable) return undefined;
  return readRepCalendar({ events: read.events, org, zone: availability.workWeek.zone });
}

/** Each person's free/busy and working hours; the directory's hours when the mailbox reported none. */
function availabilityOf(schedules: readonly PersonSchedule[], unusable: readonly UnusableSchedule[]) {
  const byEmail = new Map(schedules.map((schedule) => [schedule.email, schedule]));
  const why = new Map(unusable.map((item) => [item.email, item.why]));
  return (person: Person): Availability => {
    const schedule = byEmail.get(person.email);
    if (schedule === undefined) {
      return { placeable: false, why: why.get(person.email) ?? "Graph returned no schedule for them" };
    }
    return {
      placeable: true,
      workWeek: schedule.workWeek ?? workWeekOf(person.workingHours),
      busy: schedule.items,
    };
  };
}
