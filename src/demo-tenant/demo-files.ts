/**
 * The demo tenant as the files `fieldcoach demo-data` writes: ORG.json, every person's calendarView
 * (occurrences expanded, as Graph returns it with `Prefer: outlook.timezone="UTC"`) over the thirteen
 * past and five coming weeks, and each manager's getSchedule for the five weeks from the anchor.
 */

import { addDays, type Instant, MS_PER_DAY } from "../domain/instant.ts";
import { graphEventFor, mailboxesOf } from "../graph-sim/mailbox-copy.ts";
import { type GetScheduleResponseJson, scheduleOf } from "../graph-sim/schedule-of.ts";
import type { SimMeeting, SimTenant, SimUser } from "../graph-sim/tenant-data.ts";
import { type OrgFile, orgFileOf, roleOf } from "./org-file.ts";
import { FUTURE_WEEKS, PAST_WEEKS } from "./weeks.ts";

/**
 * Five weeks, as far as the calendars go: `suggest --now` anywhere in the anchor's week then has its
 * four-week horizon covered. A schedule that ends inside the horizon would leave its last days without
 * busy items, and they would look free.
 */
export const SCHEDULE_DAYS = 35;
export const SCHEDULE_INTERVAL_MINUTES = 30;

export interface CalendarViewJson {
  readonly "@odata.context": string;
  readonly value: readonly Record<string, unknown>[];
}

export interface DemoFiles {
  readonly org: OrgFile;
  /** Keyed by the person's primary address. */
  readonly calendarViews: ReadonlyMap<string, CalendarViewJson>;
  /** Keyed by the manager's primary address: the manager first, then their reps. */
  readonly schedules: ReadonlyMap<string, GetScheduleResponseJson>;
  readonly calendarWindow: { readonly start: Instant; readonly end: Instant };
  readonly scheduleWindow: { readonly start: Instant; readonly end: Instant };
}

function midnightUtc(date: string): Instant {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Whether a meeting overlaps a window; all-day events by their dates. */
function overlaps(meeting: SimMeeting, start: Instant, end: Instant): boolean {
  return Date.parse(meeting.start) < end && Date.parse(meeting.end) > start;
}

export function demoFilesOf(tenant: SimTenant, anchor: string): DemoFiles {
  const calendarWindow = {
    start: midnightUtc(addDays(anchor, -7 * PAST_WEEKS)),
    end: midnightUtc(addDays(anchor, 7 * FUTURE_WEEKS)),
  };
  const scheduleWindow = {
    start: midnightUtc(anchor),
    end: midnightUtc(anchor) + SCHEDULE_DAYS * MS_PER_DAY,
  };

  const calendars = new Map<string, SimMeeting[]>(tenant.users.map((u) => [u.id, []]));
  for (const meeting of tenant.meetings) {
    if (!overlaps(meeting, calendarWindow.start, calendarWindow.end)) continue;
    for (const id of mailboxesOf(meeting, tenant)) calendars.get(id)?.push(meeting);
  }
  const calendarViews = new Map<string, CalendarViewJson>();
  for (const user of tenant.users) {
    calendarViews.set(user.mail, {
      "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#users('${user.id}')/calendarView`,
      value: (calendars.get(user.id) ?? []).map((meeting) => graphEventFor(meeting, user)),
    });
  }

  const schedules = new Map<string, GetScheduleResponseJson>();
  for (const manager of tenant.users.filter((u) => roleOf(u, tenant) === "manager")) {
    const reps = tenant.users.filter((u: SimUser) => u.managerId === manager.id);
    schedules.set(
      manager.mail,
      scheduleOf({
        tenant,
        schedules: [manager.mail, ...reps.map((r) => r.mail)],
        start: scheduleWindow.start,
        end: scheduleWindow.end,
        intervalMinutes: SCHEDULE_INTERVAL_MINUTES,
        timeZone: "UTC",
      }),
    );
  }
  return { org: orgFileOf(tenant), calendarViews, schedules, calendarWindow, scheduleWindow };
}
