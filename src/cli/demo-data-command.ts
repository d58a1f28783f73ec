import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { type CalendarViewJson, type DemoFiles, demoFilesOf } from "../demo-tenant/demo-files.ts";
import { generateDemoTenant, isMondayDate } from "../demo-tenant/generate-demo-tenant.ts";
import { TEAM_STORIES } from "../demo-tenant/roster.ts";
import { addDays } from "../domain/instant.ts";
import { type CliIO, EXIT_OK, UsageError } from "./cli-io.ts";

const USAGE = `Usage: fieldcoach demo-data --out DIR [--seed N] [--anchor YYYY-MM-DD]

Writes the seeded demo tenant (a VP of sales, four managers and their reps in five time zones, with
thirteen weeks of calendar history and five weeks ahead) as the files FieldCoach's commands read:

  DIR/org.json                      the organisation, for --org
  DIR/calendarView/<email>.json     each person's Graph calendarView, occurrences expanded, in UTC
  DIR/getSchedule/<manager>.json    Graph getSchedule for each manager and their reps, the four
                                    weeks from the anchor in 30-minute intervals
  DIR/repEvents/<manager>.json      each of the manager's reps' calendarView, keyed by the rep's
                                    address, for fieldcoach suggest --rep-events

Options:
  --out DIR            where to write; created when missing, existing files are replaced
  --seed N             a whole number from 0 to 4294967295 (default 1); the same seed and anchor
                       always give the same files
  --anchor YYYY-MM-DD  the Monday of the "current" week (default: this week's Monday, UTC)
  -h, --help           print this help

Exit status: 0 done, 2 bad input (one sentence on stderr, nothing on stdout), 1 unexpected failure.
`;

const OPTIONS = {
  out: { type: "string" },
  seed: { type: "string" },
  anchor: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const MAX_SEED = 4_294_967_295;

/** `fieldcoach demo-data`: generates the demo tenant and writes it as Graph-shaped JSON files. */
export async function demoDataCommand(args: string[], io: CliIO): Promise<number> {
  const values = parseOptions(args);
  if (values.help === true) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (values.out === undefined || values.out === "") {
    throw new UsageError(
      "Missing --out (the folder to write to); run fieldcoach demo-data --help for usage.",
    );
  }
  const seed = seedOption(values.seed);
  const anchor = values.anchor ?? thisMonday();
  if (!isMondayDate(anchor)) {
    throw new UsageError(`--anchor "${anchor}" is not a Monday written YYYY-MM-DD, such as 2026-03-02.`);
  }
  const out = resolve(io.cwd, values.out);
  await prepare(out, values.out);

  const tenant = generateDemoTenant({ seed, anchor });
  const files = demoFilesOf(tenant, anchor);
  await writeJson(join(out, "org.json"), files.org, true);
  let events = 0;
  for (const [email, view] of files.calendarViews) {
    events += view.value.length;
    await writeJson(join(out, "calendarView", `${email}.json`), view, false);
  }
  for (const [email, schedule] of files.schedules) {
    await writeJson(join(out, "getSchedule", `${email}.json`), schedule, true);
    await writeJson(join(out, "repEvents", `${email}.json`), repEventsOf(email, files), false);
  }

  const first = new Date(files.calendarWindow.start).toISOString().slice(0, 10);
  const last = addDays(new Date(files.calendarWindow.end).toISOString().slice(0, 10), -1);
  const stories = TEAM_STORIES.map((s) => `  ${s.name} <${s.manager}>: ${s.pattern}`).join("\n");
  io.stdout(
    `Wrote the demo tenant (seed ${seed}, anchor ${anchor}) to ${values.out}:\n` +
      `  org.json: ${files.org.people.length} people, ${files.org.accounts.length} accounts\n` +
      `  calendarView/: ${files.calendarViews.size} calendars, ${events} events from ${first} to ${last}\n` +
      `  getSchedule/: ${files.schedules.size} managers, ${anchor} plus 4 weeks in 30-minute intervals\n` +
      `  repEvents/: ${files.schedules.size} managers' reps' calendars, for suggest --rep-events\n` +
      `Managers and the story their calendars tell:\n${stories}\n`,
  );
  return EXIT_OK;
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    if (!String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS")) throw error;
    const first = (error as Error).message.split("\n")[0]!.replace(/\.$/, "");
    throw new UsageError(`${first}; run fieldcoach demo-data --help for the options.`);
  }
}

function seedOption(text: string | undefined): number {
  if (text === undefined) return 1;
  if (!/^\d+$/.test(text) || Number(text) > MAX_SEED) {
    throw new UsageError(`--seed "${text}" is not a whole number from 0 to ${MAX_SEED}.`);
  }
  return Number(text);
}

/** The Monday of the current week, in UTC: the only place the demo data reads the clock. */
function thisMonday(): string {
  const today = new Date().toISOString().slice(0, 10);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(today, -weekday);
}

/** Creates the output folders up front, so that a folder that cannot be written fails before any file is. */
async function prepare(out: string, shown: string): Promise<void> {
  try {
    for (const folder of [out, join(out, "calendarView"), join(out, "getSchedule"), join(out, "repEvents")]) {
      await mkdir(folder, { recursive: true });
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "EACCES" || code === "EPERM"
        ? "permission denied"
        : code === "EEXIST" || code === "ENOTDIR"
          ? "a file is in the way"
          : code === "EROFS"
            ? "the file system is read-only"
            : `the system said ${code ?? "no"}`;
    throw new UsageError(`Cannot write to ${shown}: ${why}.`);
  }
}

/** The REPEVENTS.json of `fieldcoach suggest`: the calendars of one manager's reps, by address. */
function repEventsOf(manager: string, files: DemoFiles): Record<string, CalendarViewJson> {
  const reps: Record<string, CalendarViewJson> = {};
  for (const person of files.org.people) {
    if (person.manager !== manager || person.role !== "rep") continue;
    const view = files.calendarViews.get(person.email);
    if (view !== undefined) reps[person.email] = view;
  }
  return reps;
}

async function writeJson(path: string, value: unknown, pretty: boolean): Promise<void> {
  await writeFile(path, `${pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`);
}
