/**
 * Free/busy and working hours through `getSchedule`, within Graph's limits: at most 20 schedules per
 * call and a window under 62 days, so longer windows and longer lists are split and the answers joined.
 */

import type { BusyItem, PersonSchedule, UnusableSchedule } from "../domain/free-busy.ts";
import type { ScheduleReader, ScheduleResult } from "../domain/graph-ports.ts";
import { InputError } from "../domain/input-error.ts";
import { MS_PER_DAY } from "../domain/instant.ts";
import type { Interval } from "../domain/interval.ts";
import type { GraphClient } from "./client.ts";
import { malformedAnswer } from "./map-error.ts";
import { mapGetSchedule } from "./map-schedule.ts";
import { PERMISSIONS } from "./permissions.ts";

export const MAX_SCHEDULES_PER_CALL = 20;
/** Graph wants the window under 62 days. */
export const MAX_SCHEDULE_WINDOW_MS = 61 * MS_PER_DAY;
const AVAILABILITY_INTERVAL_MINUTES = 30;

/** The windows, each under Graph's limit, that together cover `window`. */
export function scheduleWindows(window: Interval): Interval[] {
  const out: Interval[] = [];
  for (let start = window.start; start < window.end; start += MAX_SCHEDULE_WINDOW_MS) {
    out.push({ start, end: Math.min(window.end, start + MAX_SCHEDULE_WINDOW_MS) });
  }
  return out;
}

export async function readSchedules(
  client: GraphClient,
  requesterId: string,
  emails: readonly string[],
  window: Interval,
): Promise<ScheduleResult> {
  const unique = [...new Set(emails.map((e) => e.toLowerCase()))];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += MAX_SCHEDULES_PER_CALL)
    chunks.push(unique.slice(i, i + MAX_SCHEDULES_PER_CALL));
  const calls = chunks.flatMap((schedules) => scheduleWindows(window).map((piece) => ({ schedules, piece })));
  const answers = await Promise.all(
    calls.map(async ({ schedules, piece }) => {
      const result = await client.send({
        method: "POST",
        url: `/users/${encodeURIComponent(requesterId)}/calendar/getSchedule`,
        permission: PERMISSIONS.readSchedule,
        mailboxes: new Map([[requesterId, 1]]),
        headers: { Prefer: 'outlook.timezone="UTC"' },
        body: {
          schedules,
          startTime: { dateTime: utcDateTime(piece.start), timeZone: "UTC" },
          endTime: { dateTime: utcDateTime(piece.end), timeZone: "UTC" },
          availabilityViewInterval: AVAILABILITY_INTERVAL_MINUTES,
        },
        idempotent: true,
      });
      try {
        return mapGetSchedule(result.body);
      } catch (error) {
        if (error instanceof InputError)
          throw malformedAnswer(error.message, `getSchedule for ${schedules.length} people`);
        throw error;
      }
    }),
  );
  return joinSchedules(unique, answers);
}

/** One answer per person from the answers for each piece of the window, in the order asked. */
export function joinSchedules(emails: readonly string[], answers: readonly ScheduleResult[]): ScheduleResult {
  const unusable = new Map<string, UnusableSchedule>();
  const items = new Map<string, Map<string, BusyItem>>();
  const weeks = new Map<string, PersonSchedule["workWeek"]>();
  for (const answer of answers) {
    for (const bad of answer.unusable) if (!unusable.has(bad.email)) unusable.set(bad.email, bad);
    for (const schedule of answer.schedules) {
      const mine = items.get(schedule.email) ?? new Map<string, BusyItem>();
      // An item crossing the line between two pieces comes back in both.
      for (const item of schedule.items) mine.set(`${item.start}|${item.end}|${item.status}`, item);
      items.set(schedule.email, mine);
      if (weeks.get(schedule.email) === undefined) weeks.set(schedule.email, schedule.workWeek);
    }
  }
  const schedules: PersonSchedule[] = [];
  for (const email of emails) {
    if (!unusable.has(email) && !items.has(email)) {
      unusable.set(email, { email, why: "Graph returned no schedule for them" });
    }
    if (unusable.has(email)) continue;
    schedules.push({
      email,
      items: [...items.get(email)!.values()].sort((a, b) => a.start - b.start || a.end - b.end),
      workWeek: weeks.get(email),
    });
  }
  return { schedules, unusable: emails.flatMap((e) => (unusable.has(e) ? [unusable.get(e)!] : [])) };
}

function utcDateTime(instant: number): string {
  return new Date(instant).toISOString().slice(0, 19);
}

export function createScheduleReader(client: GraphClient): ScheduleReader {
  return { schedules: (requesterId, emails, window) => readSchedules(client, requesterId, emails, window) };
}
