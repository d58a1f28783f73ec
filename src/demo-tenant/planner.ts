/**
 * Books demo meetings the way people do: inside everyone's working hours in their own zones, where
 * they are free, never before someone joined the company. Keeps each person's busy time and days off,
 * and turns drafts into stored meetings with Exchange-shaped iCalUIds and creation times before the
 * anchor.
 */

import type { AttendeeType, ResponseKind, Sensitivity, ShowAs } from "../domain/calendar-event.ts";
import {
  addDays,
  type Instant,
  instantAt,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
} from "../domain/instant.ts";
import type { SimAttendee, SimMeeting } from "../graph-sim/tenant-data.ts";
import type { Contact } from "./accounts.ts";
import type { Rng } from "./prng.ts";
import type { DemoPerson } from "./roster.ts";
import { isCompanyHoliday } from "./weeks.ts";

export interface Room {
  readonly email: string;
  readonly name: string;
}

export type Party = DemoPerson | Contact;

export interface AttendeeDraft {
  readonly who: Party | Room;
  readonly type?: AttendeeType;
  readonly response?: ResponseKind;
  /** The address the invitation used when it was not the primary one (an alias). */
  readonly address?: string;
}

export interface MeetingDraft {
  readonly subject: string;
  readonly body: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly organizer: Party;
  readonly attendees: readonly AttendeeDraft[];
  readonly showAs?: ShowAs;
  readonly sensitivity?: Sensitivity;
  readonly categories?: readonly string[];
  readonly isCancelled?: boolean;
  readonly location?: string;
  readonly seriesKey?: string;
  readonly isException?: boolean;
  readonly iCalUId?: string;
  readonly created?: Instant;
  /** Set when the meeting was changed after it was created (moved, shortened, cancelled). */
  readonly modified?: Instant;
}

/** An all-day meeting over local dates `from` (inclusive) to `to` (exclusive). */
export interface AllDayDraft extends Omit<MeetingDraft, "start" | "end"> {
  readonly from: string;
  readonly to: string;
}

export function isPerson(party: Party | Room): party is DemoPerson {
  return "user" in party;
}

function emailOf(party: Party | Room): string {
  return isPerson(party) ? party.user.mail : party.email;
}

function nameOf(party: Party | Room): string {
  return isPerson(party) ? party.user.displayName : party.name;
}

const UID_PREFIX = "040000008200E00074C5B7101A82E008";

export interface SlotRequest {
  /** The organizer's local date. */
  readonly date: string;
  readonly organizer: DemoPerson;
  /** Everyone in the tenant who must be free and at work, organizer included. */
  readonly people: readonly DemoPerson[];
  readonly minutes: number;
  /** Local minutes after midnight (organizer's zone) the meeting may start from and must end by. */
  readonly earliest?: number;
  readonly latest?: number;
}

export interface Planner {
  readonly rng: Rng;
  readonly anchor: string;
  /** Midnight UTC of the anchor date: every meeting was created before it. */
  readonly anchorInstant: Instant;
  /** The person's working day on a local date, or undefined (weekend, holiday, not yet hired). */
  workDay(person: DemoPerson, date: string): { start: Instant; end: Instant } | undefined;
  isFree(person: DemoPerson, start: Instant, end: Instant): boolean;
  /** At work for the whole span, on a day they work, and free. */
  available(person: DemoPerson, start: Instant, end: Instant): boolean;
  findSlot(request: SlotRequest): Instant | undefined;
  markDayOff(person: DemoPerson, date: string): void;
  isDayOff(person: DemoPerson, date: string): boolean;
  reserve(person: DemoPerson, start: Instant, end: Instant): void;
  book(draft: MeetingDraft): SimMeeting;
  bookAllDay(draft: AllDayDraft): SimMeeting;
  /** A fresh iCalUId for a single meeting. */
  uid(): string;
  /**
   * The iCalUIds of one new series: each occurrence's carries its original date (YYYY-MM-DD), as
   * Exchange's do, so every occurrence has its own and a moved one keeps the date it was moved from.
   */
  seriesUids(): (date: string) => string;
  meetings(): readonly SimMeeting[];
}

export function createPlanner(rng: Rng, anchor: string): Planner {
  const anchorInstant = Date.parse(`${anchor}T00:00:00Z`);
  const busy = new Map<string, Map<number, Array<[Instant, Instant]>>>();
  const daysOff = new Map<string, Set<string>>();
  const workDays = new Map<string, { start: Instant; end: Instant } | undefined>();
  const booked: SimMeeting[] = [];

  const dayKey = (instant: Instant) => Math.floor(instant / MS_PER_DAY);

  const isDayOff = (person: DemoPerson, date: string) => daysOff.get(person.user.id)?.has(date) ?? false;

  const workDay = (person: DemoPerson, date: string) => {
    const key = `${person.user.id}|${date}`;
    if (workDays.has(key)) return workDays.get(key);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const works = weekday >= 1 && weekday <= 5 && date >= person.hireDate && !isCompanyHoliday(date);
    // Weekday working hours never straddle a daylight-saving change (those happen at night, on Sundays).
    const midnight = works ? instantAt(date, "00:00", person.zone) : 0;
    const day = works
      ? {
          start: midnight + person.workStart * MS_PER_MINUTE,
          end: midnight + person.workEnd * MS_PER_MINUTE,
        }
      : undefined;
    workDays.set(key, day);
    return day;
  };

  const isFree = (person: DemoPerson, start: Instant, end: Instant) => {
    const days = busy.get(person.user.id);
    if (days === undefined) return true;
    for (let d = dayKey(start); d <= dayKey(end - 1); d++) {
      for (const [s, e] of days.get(d) ?? []) if (s < end && e > start) return false;
    }
    return true;
  };

  /** The person's working spans on the days around a date (zones differ by up to a day). */
  const spansCache = new Map<string, Array<{ start: Instant; end: Instant }>>();
  const spansAround = (person: DemoPerson, date: string): Array<{ start: Instant; end: Instant }> => {
    const key = `${person.user.id}|${date}`;
    const cached = spansCache.get(key);
    if (cached !== undefined) return cached;
    const out: Array<{ start: Instant; end: Instant }> = [];
    for (const d of [addDays(date, -1), date, addDays(date, 1)]) {
      const day = workDay(person, d);
      if (day !== undefined && !isDayOff(person, d)) out.push(day);
    }
    spansCache.set(key, out);
    return out;
  };

  const inside = (spans: ReadonlyArray<{ start: Instant; end: Instant }>, start: Instant, end: Instant) =>
    spans.some((day) => day.start <= start && end <= day.end);

  const available = (person: DemoPerson, start: Instant, end: Instant) =>
    inside(spansAround(person, new Date(start).toISOString().slice(0, 10)), start, end) &&
    isFree(person, start, end);

  const reserve = (person: DemoPerson, start: Instant, end: Instant) => {
    let days = busy.get(person.user.id);
    if (days === undefined) {
      days = new Map();
      busy.set(person.user.id, days);
    }
    for (let d = dayKey(start); d <= dayKey(end - 1); d++) {
      const list = days.get(d) ?? [];
      list.push([start, end]);
      days.set(d, list);
    }
  };

  const findSlot = (request: SlotRequest): Instant | undefined => {
    const day = workDay(request.organizer, request.date);
    if (day === undefined || isDayOff(request.organizer, request.date)) return undefined;
    const midnight = day.start - request.organizer.workStart * MS_PER_MINUTE;
    const from = Math.max(day.start, midnight + (request.earliest ?? 0) * MS_PER_MINUTE);
    const until = Math.min(day.end, midnight + (request.latest ?? 24 * 60) * MS_PER_MINUTE);
    const length = request.minutes * MS_PER_MINUTE;
    const spans = request.people.map((p) => spansAround(p, request.date));
    const candidates: Instant[] = [];
    for (let start = from; start + length <= until; start += 30 * MS_PER_MINUTE) {
      const fits = request.people.every(
        (p, i) => inside(spans[i]!, start, start + length) && isFree(p, start, start + length),
      );
      if (fits) candidates.push(start);
    }
    return candidates.length === 0 ? undefined : rng.pick(candidates);
  };

  const uidBody = () => `${rng.hex(8)}${"0".repeat(16)}10000000${rng.hex(16)}`;
  const uid = () => `${UID_PREFIX}00000000${uidBody()}`;
  const seriesUids = () => {
    const body = uidBody();
    return (date: string) => {
      const [y, m, d] = date.split("-").map(Number) as [number, number, number];
      const marker = `${hexOf(y, 4)}${hexOf(m, 2)}${hexOf(d, 2)}`;
      return `${UID_PREFIX}${marker}${body}`;
    };
  };

  /** Created one to twenty days ahead, and always before the anchor: future meetings are already booked. */
  const createdFor = (start: Instant): Instant => {
    const ahead = start - rng.int(1, 20) * MS_PER_DAY - rng.int(0, 8) * MS_PER_HOUR;
    return Math.min(ahead, anchorInstant - rng.int(2, 72) * MS_PER_HOUR);
  };

  const attendeeOf = (a: AttendeeDraft): SimAttendee => ({
    email: (a.address ?? emailOf(a.who)).toLowerCase(),
    name: nameOf(a.who),
    type: a.type ?? "required",
    response: a.response ?? "accepted",
  });

  const store = (
    draft: Omit<MeetingDraft, "start" | "end">,
    start: string,
    end: string,
    isAllDay: boolean,
  ) => {
    const startAt = Date.parse(start);
    const created = draft.created ?? createdFor(startAt);
    const modified = draft.modified === undefined ? created : Math.max(created, draft.modified);
    const meeting: SimMeeting = {
      iCalUId: draft.iCalUId ?? uid(),
      subject: draft.isCancelled === true ? `Canceled: ${draft.subject}` : draft.subject,
      body: draft.body,
      start,
      end,
      isAllDay,
      organizer: emailOf(draft.organizer).toLowerCase(),
      organizerName: nameOf(draft.organizer),
      attendees: draft.attendees.map(attendeeOf),
      showAs: draft.showAs ?? "busy",
      sensitivity: draft.sensitivity ?? "normal",
      categories: draft.categories ?? [],
      isCancelled: draft.isCancelled ?? false,
      ...(draft.seriesKey === undefined ? {} : { seriesKey: draft.seriesKey }),
      ...(draft.isException === true ? { isException: true } : {}),
      ...(draft.location === undefined ? {} : { location: draft.location }),
      createdDateTime: new Date(created).toISOString(),
      lastModifiedDateTime: new Date(modified).toISOString(),
    };
    booked.push(meeting);
    return meeting;
  };

  const blocking = (draft: Omit<MeetingDraft, "start" | "end">): DemoPerson[] => {
    if (draft.isCancelled === true || draft.showAs === "free") return [];
    const people: DemoPerson[] = isPerson(draft.organizer) ? [draft.organizer] : [];
    for (const a of draft.attendees) if (isPerson(a.who) && a.response !== "declined") people.push(a.who);
    return people;
  };

  return {
    rng,
    anchor,
    anchorInstant,
    workDay,
    isFree,
    available,
    findSlot,
    markDayOff: (person, date) => {
      const set = daysOff.get(person.user.id) ?? new Set<string>();
      set.add(date);
      daysOff.set(person.user.id, set);
      spansCache.clear();
    },
    isDayOff,
    reserve,
    book: (draft) => {
      for (const person of blocking(draft)) reserve(person, draft.start, draft.end);
      return store(draft, new Date(draft.start).toISOString(), new Date(draft.end).toISOString(), false);
    },
    bookAllDay: (draft) => {
      for (const person of blocking(draft)) {
        reserve(
          person,
          instantAt(draft.from, "00:00", person.zone),
          instantAt(draft.to, "00:00", person.zone),
        );
      }
      return store(draft, `${draft.from}T00:00:00.000Z`, `${draft.to}T00:00:00.000Z`, true);
    },
    uid,
    seriesUids,
    meetings: () => booked,
  };
}

function hexOf(value: number, digits: number): string {
  return value.toString(16).toUpperCase().padStart(digits, "0");
}
