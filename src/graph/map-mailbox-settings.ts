/**
 * Graph `mailboxSettings` → the mailbox's zone and working week. Pure. Working hours have the same
 * shape here as in `getSchedule`'s answer, so they are read by the getSchedule mapping: one reader
 * for Windows names, IANA names and Outlook's custom zones.
 */

import type { MailboxSettings } from "../domain/graph-ports.ts";
import { childPath, InputError } from "../domain/input-error.ts";
import { mapGetSchedule } from "./map-schedule.ts";

/** The properties FieldCoach reads; ask Graph for these with `$select`. */
export const MAILBOX_SETTINGS_FIELDS = ["timeZone", "workingHours"] as const;

export function mailboxSettingsOf(raw: unknown, path: string): MailboxSettings {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new InputError(path, "must be an object");
  const settings = raw as Record<string, unknown>;
  const zone = settings.timeZone;
  if (zone !== undefined && zone !== null && typeof zone !== "string") {
    throw new InputError(childPath(path, "timeZone"), "must be a string");
  }
  const timeZone = typeof zone === "string" && zone !== "" ? zone : null;
  const hours = settings.workingHours;
  if (hours === undefined || hours === null) return { usable: true, timeZone, workWeek: undefined };
  let mapped: ReturnType<typeof mapGetSchedule>;
  try {
    mapped = mapGetSchedule({ value: [{ scheduleId: "mailbox", scheduleItems: [], workingHours: hours }] });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // Point at the mailbox settings' own path rather than the wrapper's.
    const where = error.path.replace(/^\$\.value\[0\]\.workingHours/, childPath(path, "workingHours"));
    throw new InputError(where, error.detail);
  }
  const unusable = mapped.unusable[0];
  if (unusable !== undefined) return { usable: false, timeZone, why: unusable.why };
  return { usable: true, timeZone, workWeek: mapped.schedules[0]?.workWeek };
}
