/**
 * Graph `getSchedule` over a simulated tenant: each person's busy items and availability view in a
 * window, with their working hours. Pure and deterministic; the simulator's route validates the
 * request (at most 20 schedules, a window under 62 days) before it calls this.
 */

import { DateTime } from "luxon";
import type { ShowAs } from "../domain/calendar-event.ts";
import { type Instant, instantAt, MS_PER_MINUTE } from "../domain/instant.ts";
import { toIanaZone } from "../domain/time-zone.ts";
import { mailboxesOf, ownerShowAs, userByAddress } from "./mailbox-copy.ts";
import type { SimMeeting, SimTenant, SimUser } from "./tenant-data.ts";

export interface ScheduleQuery {
  readonly tenant: SimTenant;
  /** Addresses as the caller wrote them; each comes back as its `scheduleId`, unchanged. */
  readonly schedules: readonly string[];
  readonly start: Instant;
  readonly end: Instant;
  readonly intervalMinutes: number;
  /** The zone the response writes times in (Windows, IANA or UTC), as `Prefer: outlook.timezone` asks. */
  readonly timeZone: string;
}

export type BusyStatus = "tentative" | "busy" | "oof" | "workingElsewhere";

/** Graph's availabilityView digits; in a slot with several items the highest digit shows. */
export const AVAILABILITY_DIGIT: Readonly<Record<"free" | BusyStatus, number>> = {
  free: 0,
  tentative: 1,
  busy: 2,
  oof: 3,
  workingElsewhere: 4,
};

export const GET_SCHEDULE_CONTEXT =
  "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)";

/** Graph's code when an address names nobody in the directory. */
const UNRESOLVED_ADDRESS_CODE = "5009";

interface DateTimeTimeZone {
  readonly dateTime: string;
  readonly timeZone: string;
}

export interface ScheduleItemJson {
  readonly isPrivate: boolean;
  readonly status: BusyStatus;
  readonly subject?: string;
  readonly location?: string;
  readonly start: DateTimeTimeZone;
  readonly end: DateTimeTimeZone;
}

export interface ScheduleInformationJson {
  readonly scheduleId: string;
  readonly availabilityView?: string;
  readonly scheduleItems?: readonly ScheduleItemJson[];
  readonly workingHours?: {
    readonly daysOfWeek: readonly string[];
    readonly startTime: string;
    readonly endTime: string;
    readonly timeZone: { readonly name: string };
  };
  readonly error?: { readonly message: string; readonly responseCode: string };
}

export interface GetScheduleResponseJson {
  readonly "@odata.context": string;
  readonly value: readonly ScheduleInformationJson[];
}

/** A busy span in one person's calendar, as free/busy sees it. */
export interface BusySpan {
  readonly start: Instant;
  readonly end: Instant;
  readonly status: BusyStatus;
}

export function scheduleOf(query: ScheduleQuery): GetScheduleResponseJson {
  const zone = toIanaZone(query.timeZone);
  if (zone === undefined) throw new RangeError(`unknown time zone ${query.timeZone}`);
  if (!(query.intervalMinutes > 0)) throw new RangeError("intervalMinutes must be positive");
  const owners = new Map<string, SimUser>();
  for (const address of query.schedules) {
    const user = userByAddress(query.tenant, address);
    if (user !== undefined) owners.set(user.id, user);
  }
  const calendars = calendarsOf(query, owners);
  return {
    "@odata.context": GET_SCHEDULE_CONTEXT,
    value: query.schedules.map((address) => {
      const user = userByAddress(query.tenant, address);
      if (user === undefined) {
        return {
          scheduleId: address,
          error: {
            message: `Unable to resolve e-mail address ${address} to an Active Directory object.`,
            responseCode: UNRESOLVED_ADDRESS_CODE,
          },
        };
      }
      const entries = calendars.get(user.id) ?? [];
      return {
        scheduleId: address,
        availabilityView: availabilityView(
          entries.map((e) => e.span),
          query.start,
          query.end,
          query.intervalMinutes,
        ),
        scheduleItems: entries.map(({ meeting, span }) => itemJson(meeting, span, query.timeZone, zone)),
        workingHours: {
          daysOfWeek: [...user.workingHours.daysOfWeek],
          startTime: user.workingHours.startTime,
          endTime: user.workingHours.endTime,
          timeZone: { name: user.workingHours.timeZone },
        },
      };
    }),
  };
}

interface CalendarEntry {
  readonly meeting: SimMeeting;
  readonly span: BusySpan;
}

/** Busy entries overlapping the window, per owner, in start order. */
function calendarsOf(
  query: ScheduleQuery,
  owners: ReadonlyMap<string, SimUser>,
): Map<string, CalendarEntry[]> {
  const out = new Map<string, CalendarEntry[]>();
  for (const meeting of query.tenant.meetings) {
    if (meeting.isCancelled) continue;
    for (const ownerId of mailboxesOf(meeting, query.tenant)) {
      const owner = owners.get(ownerId);
      if (owner === undefined) continue;
      const span = busySpanOf(meeting, owner);
      if (span === undefined || span.end <= query.start || span.start >= query.end) continue;
      const list = out.get(ownerId) ?? [];
      list.push({ meeting, span });
      out.set(ownerId, list);
    }
  }
  for (const list of out.values())
    list.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return out;
}

/**
 * The span a meeting blocks in the owner's free/busy, or undefined when it blocks nothing (free,
 * declined, cancelled). An all-day event covers its dates from midnight to midnight in the owner's zone.
 */
export function busySpanOf(meeting: SimMeeting, owner: SimUser): BusySpan | undefined {
  if (meeting.isCancelled) return undefined;
  const status = busyStatus(ownerShowAs(meeting, owner));
  if (status === undefined) return undefined;
  if (!meeting.isAllDay) return { start: Date.parse(meeting.start), end: Date.parse(meeting.end), status };
  const zone = toIanaZone(owner.timeZone);
  if (zone === undefined) throw new RangeError(`${owner.mail} has an unknown time zone ${owner.timeZone}`);
  return {
    start: instantAt(meeting.start.slice(0, 10), "00:00", zone),
    end: instantAt(meeting.end.slice(0, 10), "00:00", zone),
    status,
  };
}

function busyStatus(showAs: ShowAs): BusyStatus | undefined {
  return showAs === "free" || showAs === "unknown" ? undefined : showAs;
}

/**
 * One digit per interval from `start`: the highest status among the spans that overlap the interval
 * (a span touching it only at an edge does not), 0 when none does. A last, shorter interval counts.
 */
export function availabilityView(
  spans: readonly BusySpan[],
  start: Instant,
  end: Instant,
  intervalMinutes: number,
): string {
  const step = intervalMinutes * MS_PER_MINUTE;
  const slots = Math.max(0, Math.ceil((end - start) / step));
  const digits = new Array<number>(slots).fill(0);
  for (const span of spans) {
    const first = Math.max(0, Math.floor((span.start - start) / step));
    const last = Math.min(slots - 1, Math.ceil((span.end - start) / step) - 1);
    const digit = AVAILABILITY_DIGIT[span.status];
    for (let i = first; i <= last; i++) {
      const slotStart = start + i * step;
      const slotEnd = Math.min(end, slotStart + step);
      if (span.start < slotEnd && span.end > slotStart && digit > digits[i]!) digits[i] = digit;
    }
  }
  return digits.join("");
}

function itemJson(meeting: SimMeeting, span: BusySpan, zoneName: string, zone: string): ScheduleItemJson {
  const isPrivate = meeting.sensitivity === "private";
  return {
    isPrivate,
    status: span.status,
    ...(isPrivate ? {} : { subject: meeting.subject }),
    ...(isPrivate || meeting.location === undefined ? {} : { location: meeting.location }),
    start: { dateTime: localDateTime(span.start, zone), timeZone: zoneName },
    end: { dateTime: localDateTime(span.end, zone), timeZone: zoneName },
  };
}

function localDateTime(instant: Instant, zone: string): string {
  if (zone === "UTC") return `${new Date(instant).toISOString().slice(0, 19)}.0000000`;
  return `${DateTime.fromMillis(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss")}.0000000`;
}
