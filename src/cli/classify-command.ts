import { parseArgs } from "node:util";
import { isIncomplete } from "../domain/calendar-event.ts";
import { type Classification, classifyEvents } from "../domain/classify.ts";
import { formatInZone, type Instant, parseIsoInstant } from "../domain/instant.ts";
import type { Interval } from "../domain/interval.ts";
import { type CoachingTotals, computeMetrics } from "../domain/metrics.ts";
import { buildOrgIndex } from "../domain/org.ts";
import { parseOrg } from "../domain/parse-org.ts";
import { mapGraphEventList } from "../graph/map-event.ts";
import { formatClassificationTable } from "./classify-table.ts";
import { type CliIO, EXIT_OK, UsageError } from "./cli-io.ts";
import { parseFileContent, readJsonFile } from "./read-json-file.ts";

const USAGE = `Usage: fieldcoach classify --org ORG.json --events EVENTS.json --manager EMAIL [--from ISO] [--to ISO] [--format json|table]

Classifies every event of a manager's calendar: who brought it about (manager, rep, other, or none when
it is not classified), its kind (field-day, customer-call, one-on-one, group), skill or sales
development, big deals, its hours and the reasons; then sums the coaching metrics per rep and per ISO
week in the manager's time zone.

Options:
  --org FILE        the organisation (ORG.json): tenant domains, people, reporting lines, accounts
  --events FILE     a Graph calendarView response ({"value": [...]}) or a bare array of Graph events
  --manager EMAIL   whose calendar it is: a primary address or alias of a person in ORG.json
  --from ISO        start of the window, an instant with an offset such as 2026-03-01T00:00:00Z;
                    default: the start of the earliest event in EVENTS.json
  --to ISO          end of the window; default: the end of the latest event in EVENTS.json
  --format FORMAT   json (the default) or table
  -h, --help        print this help

Hours count only inside the window. Days since a rep's last field day are counted to the window's end.
Private events are classified, but their subject and body never appear in the output.
Exit status: 0 done, 2 bad input (one sentence on stderr, nothing on stdout), 1 unexpected failure.
`;

const OPTIONS = {
  org: { type: "string" },
  events: { type: "string" },
  manager: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  format: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** `fieldcoach classify`: reads ORG.json and a calendar, prints each event's classification and the metrics. */
export async function classifyCommand(args: string[], io: CliIO): Promise<number> {
  const values = parseOptions(args);
  if (values.help === true) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const orgPath = required(values.org, "--org", "ORG.json");
  const eventsPath = required(values.events, "--events", "EVENTS.json");
  const managerAddress = required(values.manager, "--manager", "the manager's email address");
  const format = values.format ?? "json";
  if (format !== "json" && format !== "table") {
    throw new UsageError(`--format must be json or table, not "${format}".`);
  }
  const from = values.from === undefined ? undefined : instantOption(values.from, "--from");
  const to = values.to === undefined ? undefined : instantOption(values.to, "--to");

  const orgJson = await readJsonFile(orgPath, io.cwd);
  const org = buildOrgIndex(parseFileContent(orgPath, () => parseOrg(orgJson)));
  const eventsJson = await readJsonFile(eventsPath, io.cwd);
  const events = parseFileContent(eventsPath, () => mapGraphEventList(eventsJson));
  const manager = org.personByAddress(managerAddress);
  if (manager === undefined)
    throw new UsageError(`--manager ${managerAddress} is not a person in ${orgPath}.`);

  const window = windowOf(from, to, events, eventsPath);
  const classifications = classifyEvents({ manager: manager.email, org, events, window }).map(roundHours);
  const metrics = computeMetrics({
    manager: manager.email,
    org,
    classifications,
    window,
    zone: manager.timeZone,
    asOf: window.end,
  });
  const zone = manager.timeZone;
  if (format === "table") {
    io.stdout(formatClassificationTable({ classifications, metrics, window, org }));
  } else {
    const summary = {
      manager: metrics.manager,
      zone,
      window: { from: formatInZone(window.start, zone), to: formatInZone(window.end, zone) },
      totals: roundTotals(metrics.totals),
      weeks: metrics.weeks.map((week) => ({ week: week.week, ...roundTotals(week) })),
      reps: metrics.reps.map((rep) => ({
        email: rep.email,
        name: rep.name,
        ...roundTotals(rep.totals),
        lastFieldDay: rep.lastFieldDay === null ? null : formatInZone(rep.lastFieldDay, zone),
        daysSinceLastFieldDay: rep.daysSinceLastFieldDay,
        weeks: rep.weeks.map((week) => ({ week: week.week, ...roundTotals(week) })),
      })),
    };
    io.stdout(`${JSON.stringify({ events: classifications.map(eventJson), summary }, null, 2)}\n`);
  }
  return EXIT_OK;
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    if (!String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS")) throw error;
    // parseArgs' own first line names the option ("Unknown option '--form'"); the rest is advice for scripts.
    const first = (error as Error).message.split("\n")[0]!.replace(/\.$/, "");
    throw new UsageError(`${first}; run fieldcoach classify --help for the options.`);
  }
}

function required(value: string | undefined, option: string, what: string): string {
  if (value === undefined || value === "") {
    throw new UsageError(`Missing ${option} (${what}); run fieldcoach classify --help for usage.`);
  }
  return value;
}

function instantOption(text: string, option: string): Instant {
  const instant = parseIsoInstant(text);
  if (instant === undefined) {
    throw new UsageError(
      `${option} "${text}" is not an ISO instant with an offset, such as 2026-03-01T00:00:00Z.`,
    );
  }
  return instant;
}

/** The window the user gave, each missing end taken from the earliest start or latest end in the file. */
function windowOf(
  from: Instant | undefined,
  to: Instant | undefined,
  events: ReturnType<typeof mapGraphEventList>,
  eventsPath: string,
): Interval {
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  for (const event of events) {
    if (isIncomplete(event)) continue;
    if (event.start < earliest) earliest = event.start;
    if (event.end > latest) latest = event.end;
  }
  if ((from === undefined || to === undefined) && earliest === Number.POSITIVE_INFINITY) {
    throw new UsageError(`${eventsPath} has no event with a start and an end, so give both --from and --to.`);
  }
  const start = from ?? earliest;
  const end = to ?? latest;
  if (end <= start) {
    const fromText = from === undefined ? "the earliest event's start" : "--from";
    const toText = to === undefined ? "the latest event's end" : "--to";
    throw new UsageError(`The window is empty: ${toText} must be after ${fromText}.`);
  }
  return { start, end };
}

/** Two decimals per event, and the metrics summed from those, so the printed figures add up. */
function roundHours(c: Classification): Classification {
  return { ...c, hours: round(c.hours, 2) };
}

function roundTotals(t: CoachingTotals): CoachingTotals {
  return {
    skillHours: round(t.skillHours, 2),
    skillCount: t.skillCount,
    fieldDayHours: round(t.fieldDayHours, 2),
    fieldDayCount: t.fieldDayCount,
    salesHours: round(t.salesHours, 2),
    salesCount: t.salesCount,
    coachingRatio: t.coachingRatio === null ? null : round(t.coachingRatio, 3),
  };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function eventJson(c: Classification) {
  return {
    id: c.id,
    iCalUId: c.iCalUId,
    initiator: c.initiator,
    kind: c.kind,
    development: c.development,
    reps: c.reps,
    hours: c.hours,
    bigDeal: c.bigDeal,
    reasons: c.reasons,
  };
}
