import { parseArgs } from "node:util";
import type { Zone } from "luxon";
import {
  type CadencePolicy,
  DEFAULT_POLICY,
  parseCadencePolicy,
  type RepCadenceOverride,
} from "../domain/cadence-policy.ts";
import { isIncomplete } from "../domain/calendar-event.ts";
import { classifyEvents } from "../domain/classify.ts";
import { childPath, InputError } from "../domain/input-error.ts";
import { type Instant, MS_PER_DAY, parseIsoInstant } from "../domain/instant.ts";
import { buildOrgIndex, type OrgIndex, type Person } from "../domain/org.ts";
import { parseOrg } from "../domain/parse-org.ts";
import { readRepCalendar } from "../domain/suggest-customer-calls.ts";
import { parseDismissed } from "../domain/suggest-dismissed.ts";
import type { FieldDayOnRecord } from "../domain/suggest-due.ts";
import {
  type Availability,
  type SuggestFieldDaysResult,
  suggestFieldDays,
} from "../domain/suggest-field-days.ts";
import { workWeekOf } from "../domain/working-hours.ts";
import { isoIn, plusWeeks, wallClockInstant, zoneNamed } from "../domain/zoned-time.ts";
import { mapGraphEventList } from "../graph/map-event.ts";
import { type MappedSchedules, mapGetSchedule } from "../graph/map-schedule.ts";
import { type CliIO, EXIT_OK, UsageError } from "./cli-io.ts";
import { parseFileContent, readJsonFile } from "./read-json-file.ts";
import { formatSuggestionTable } from "./suggest-table.ts";

const USAGE = `Usage: fieldcoach suggest --org ORG.json --schedule SCHEDULE.json --manager EMAIL --now ISO
                         [--policy POLICY.json] [--events EVENTS.json] [--rep-events REPEVENTS.json]
                         [--dismissed DISMISSED.json] [--format json|table]

Suggests field-day blocks for the manager's reps who are due within the horizon: times when both are
free and inside both people's working hours, within the manager's weekly limit, best first.

Options:
  --org FILE         the organisation (ORG.json): people, reporting lines, working hours, accounts
  --schedule FILE    a Graph getSchedule response for the manager and the reps, covering now to the
                     end of the horizon; its working hours win over ORG.json's
  --manager EMAIL    whose reps to place: a primary address or alias of a person in ORG.json
  --now ISO          the current instant, with an offset, such as 2026-03-02T08:00:00-05:00
  --policy FILE      the cadence policy (POLICY.json); every field is optional
  --events FILE      the manager's calendarView, to find past and booked field days
  --rep-events FILE  {"<rep email>": calendarView response, ...}: the reps' own calendars, so that
                     field days ride along on their ordinary customer calls
  --dismissed FILE   [{"rep": EMAIL, "date": "YYYY-MM-DD"}, ...]: suggestions not to offer again
  --format FORMAT    json (the default) or table
  -h, --help         print this help

Without --events every rep counts as never having had a field day.
Exit status: 0 done, 2 bad input (one sentence on stderr, nothing on stdout), 1 unexpected failure.
`;

const OPTIONS = {
  org: { type: "string" },
  schedule: { type: "string" },
  manager: { type: "string" },
  now: { type: "string" },
  policy: { type: "string" },
  events: { type: "string" },
  "rep-events": { type: "string" },
  dismissed: { type: "string" },
  format: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** Field days this far back are enough to find each rep's last one. */
const HISTORY_WEEKS = 26;

/** `fieldcoach suggest`: reads the org, free/busy and calendars, prints field-day suggestions. */
export async function suggestCommand(args: string[], io: CliIO): Promise<number> {
  const values = parseOptions(args);
  if (values.help === true) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const orgPath = required(values.org, "--org", "ORG.json");
  const schedulePath = required(values.schedule, "--schedule", "SCHEDULE.json");
  const managerAddress = required(values.manager, "--manager", "the manager's email address");
  const nowText = required(values.now, "--now", "the current instant");
  const now = parseIsoInstant(nowText);
  if (now === undefined) {
    throw new UsageError(
      `--now "${nowText}" is not an ISO instant with an offset, such as 2026-03-02T08:00:00Z.`,
    );
  }
  const format = values.format ?? "json";
  if (format !== "json" && format !== "table")
    throw new UsageError(`--format must be json or table, not "${format}".`);

  const orgJson = await readJsonFile(orgPath, io.cwd);
  const org = buildOrgIndex(parseFileContent(orgPath, () => parseOrg(orgJson)));
  const manager = org.personByAddress(managerAddress);
  if (manager === undefined)
    throw new UsageError(`--manager ${managerAddress} is not a person in ${orgPath}.`);
  const reps = org.repsOf(manager.email);
  const policy = await optionalFile(values.policy, io, (json) => rekeyPolicy(parseCadencePolicy(json), org));
  const scheduleJson = await readJsonFile(schedulePath, io.cwd);
  const schedules = parseFileContent(schedulePath, () => mapGetSchedule(scheduleJson));
  const managerAvailability = availabilityOf(manager, schedules, org, schedulePath);
  const zone = managerAvailability.placeable
    ? managerAvailability.workWeek.zone
    : zoneNamed(manager.timeZone)!;
  const horizonEnd = plusWeeks(now, (policy ?? DEFAULT_POLICY).horizonWeeks, zone);
  const fieldDays =
    (await optionalFile(values.events, io, (json) =>
      fieldDaysOf(json, org, manager, zone, now, horizonEnd),
    )) ?? [];
  const repEvents = await optionalFile(values["rep-events"], io, (json) => repCalendars(json, org, reps));
  const dismissed = await optionalFile(values.dismissed, io, parseDismissed);

  const result = suggestFieldDays({
    now,
    policy: policy ?? DEFAULT_POLICY,
    manager: { email: manager.email, zone, availability: managerAvailability },
    reps: reps.map((rep) => {
      const availability = availabilityOf(rep, schedules, org, schedulePath);
      const events = repEvents?.get(rep.email);
      const repZone = availability.placeable ? availability.workWeek.zone : zoneNamed(rep.timeZone)!;
      return {
        email: rep.email,
        name: rep.name,
        hireDate: rep.hireDate,
        availability,
        calendar: events === undefined ? undefined : readRepCalendar({ events, org, zone: repZone }),
      };
    }),
    fieldDays,
    ...(dismissed === undefined ? {} : { dismissed }),
  });
  io.stdout(
    format === "table"
      ? formatSuggestionTable({ result, manager, org })
      : `${JSON.stringify(jsonOf(result), null, 2)}\n`,
  );
  return EXIT_OK;
}

function jsonOf(result: SuggestFieldDaysResult) {
  const { zone } = result;
  return {
    suggestions: result.suggestions.map((s) => ({
      rep: s.rep,
      start: isoIn(s.start, zone),
      end: isoIn(s.end, zone),
      timeZone: zone.name,
      score: s.score,
      reasons: s.reasons,
    })),
    due: result.due.map((d) => ({
      rep: d.rep,
      lastFieldDay: d.lastFieldDay === null ? null : isoIn(d.lastFieldDay, zone),
      dueBy: isoIn(d.dueBy, zone),
    })),
    unplaceable: result.unplaceable,
  };
}

/** A person's free/busy and working hours; never assumed free when the schedule does not list them. */
function availabilityOf(
  person: Person,
  schedules: MappedSchedules,
  org: OrgIndex,
  path: string,
): Availability {
  const owns = (email: string) => org.personByAddress(email)?.email === person.email;
  const unusable = schedules.unusable.find((u) => owns(u.email));
  if (unusable !== undefined) return { placeable: false, why: `In ${path}, ${unusable.why}` };
  const schedule = schedules.schedules.find((s) => owns(s.email));
  if (schedule === undefined) {
    return {
      placeable: false,
      why: `${path} has no schedule for ${person.email}, so their free time is unknown`,
    };
  }
  return {
    placeable: true,
    workWeek: schedule.workWeek ?? workWeekOf(person.workingHours),
    busy: schedule.items,
  };
}

/**
 * Field days on the manager's calendar, from 26 weeks back to the end of the horizon. An all-day field
 * day starts at midnight of its own date on the manager's calendar, whatever zone Graph wrote it in.
 */
function fieldDaysOf(
  json: unknown,
  org: OrgIndex,
  manager: Person,
  zone: Zone,
  now: Instant,
  end: Instant,
): FieldDayOnRecord[] {
  const events = mapGraphEventList(json);
  const window = { start: now - HISTORY_WEEKS * 7 * MS_PER_DAY, end };
  return classifyEvents({ manager: manager.email, org, events, window }).flatMap((c, i) => {
    if (c.kind !== "field-day" || c.start === null) return [];
    const event = events[i]!;
    const allDay =
      !isIncomplete(event) && event.allDayDates !== undefined ? event.allDayDates.start : undefined;
    return [
      { reps: c.reps, start: allDay === undefined ? c.start : wallClockInstant(allDay, "00:00:00", zone) },
    ];
  });
}

/** REPEVENTS.json: each key a rep of the manager, each value that rep's calendarView. */
function repCalendars(json: unknown, org: OrgIndex, reps: readonly Person[]) {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new InputError("$", 'must be an object such as {"rep@contoso.com": {"value": [...]}}');
  }
  const out = new Map<string, ReturnType<typeof mapGraphEventList>>();
  for (const [key, calendar] of Object.entries(json)) {
    const path = childPath("$", key);
    const person = org.personByAddress(key);
    if (person === undefined || !reps.includes(person))
      throw new InputError(path, "names nobody who reports to the manager");
    try {
      out.set(person.email, mapGraphEventList(calendar));
    } catch (error) {
      if (error instanceof InputError) throw new InputError(`${path}${error.path.slice(1)}`, error.detail);
      throw error;
    }
  }
  return out;
}

/** Per-rep overrides may name a rep by an alias; the engine looks them up by primary address. */
function rekeyPolicy(policy: CadencePolicy, org: OrgIndex): CadencePolicy {
  const reps = new Map<string, RepCadenceOverride>();
  for (const [email, override] of policy.reps) {
    const person = org.personByAddress(email);
    if (person === undefined) throw new InputError(childPath("$.reps", email), "names nobody in the org");
    reps.set(person.email, override);
  }
  return { ...policy, reps };
}

async function optionalFile<T>(
  path: string | undefined,
  io: CliIO,
  parse: (json: unknown) => T,
): Promise<T | undefined> {
  if (path === undefined) return undefined;
  const json = await readJsonFile(path, io.cwd);
  return parseFileContent(path, () => parse(json));
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    if (!String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS")) throw error;
    const first = (error as Error).message.split("\n")[0]!.replace(/\.$/, "");
    throw new UsageError(`${first}; run fieldcoach suggest --help for the options.`);
  }
}

function required(value: string | undefined, option: string, what: string): string {
  if (value === undefined || value === "") {
    throw new UsageError(`Missing ${option} (${what}); run fieldcoach suggest --help for usage.`);
  }
  return value;
}
