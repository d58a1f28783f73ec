import { execFile } from "node:child_process";
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.ts";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "..");
const NODE = join(ROOT, "node_modules", ".bin", "node");

const MIA = "mia@contoso.com";
const ANA = "ana@contoso.com";
const BEN = "ben@contoso.com";
const CY = "cy@contoso.com";
const DEE = "dee@contoso.com";

const ORG = {
  tenantDomains: ["contoso.com"],
  bigDealThreshold: 1_000_000,
  people: [
    { email: MIA, name: "Mia Manager", role: "manager", timeZone: "Eastern Standard Time" },
    {
      email: ANA,
      name: "Ana Rep",
      role: "rep",
      manager: MIA,
      aliases: ["ana.rep@contoso.com"],
      timeZone: "America/New_York",
      hireDate: "2024-05-01",
    },
    { email: BEN, name: "Ben Rep", role: "rep", manager: MIA, timeZone: "Europe/London" },
    { email: CY, name: "Cy Rep", role: "rep", manager: MIA, timeZone: "America/Chicago" },
    { email: DEE, name: "Dee Rep", role: "rep", manager: MIA, timeZone: "America/New_York" },
  ],
  accounts: [
    { domain: "fabrikam.com", name: "Fabrikam", openPipeline: 2_000_000 },
    { domain: "litware.com", name: "Litware", openPipeline: 50_000 },
  ],
};

const local = (dateTime: string, timeZone: string) => ({ dateTime, timeZone });
const hours = (start: string, end: string, timeZone: string) => ({
  daysOfWeek: ["monday", "tuesday", "wednesday", "thursday", "friday"],
  startTime: start,
  endTime: end,
  timeZone: { name: timeZone },
});
const item = (status: string, start: string, end: string, timeZone = "Eastern Standard Time") => ({
  status,
  start: local(start, timeZone),
  end: local(end, timeZone),
});

const SCHEDULE = {
  "@odata.context":
    "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)",
  value: [
    {
      scheduleId: MIA,
      scheduleItems: [item("busy", "2026-03-02T08:00:00.0000000", "2026-03-02T12:00:00.0000000")],
      workingHours: hours("08:00:00.0000000", "17:00:00.0000000", "Eastern Standard Time"),
    },
    // Ana is asked for by her alias, as a roster may list her. Her customer calls (REP_EVENTS) show
    // as busy, as getSchedule shows them.
    {
      scheduleId: "ana.rep@contoso.com",
      scheduleItems: [
        item("busy", "2026-03-03T14:00:00", "2026-03-03T15:00:00"),
        item("busy", "2026-03-04T14:00:00", "2026-03-04T15:00:00"),
        item("busy", "2026-03-04T16:00:00", "2026-03-04T16:30:00"),
      ],
      workingHours: hours("09:00:00", "17:00:00", "Eastern Standard Time"),
    },
    {
      scheduleId: BEN,
      scheduleItems: [item("tentative", "2026-03-02T13:00:00", "2026-03-02T18:00:00", "GMT Standard Time")],
      workingHours: hours("09:00:00", "18:00:00", "GMT Standard Time"),
    },
    {
      scheduleId: DEE,
      error: { message: "The mailbox was not found", responseCode: "ErrorMailboxNotFound" },
    },
  ],
};

const graphEvent = (
  id: string,
  start: string,
  end: string,
  organizer: string,
  attendees: readonly string[],
) => ({
  id,
  iCalUId: `ical-${id}`,
  subject: "Visit",
  start: local(start, "UTC"),
  end: local(end, "UTC"),
  isAllDay: false,
  isCancelled: false,
  showAs: "busy",
  sensitivity: "normal",
  isOrganizer: organizer === MIA,
  responseStatus: { response: organizer === MIA ? "organizer" : "accepted" },
  organizer: { emailAddress: { name: organizer, address: organizer } },
  attendees: attendees.map((address) => ({
    type: "required",
    status: { response: "accepted" },
    emailAddress: { name: address, address },
  })),
  categories: [],
  type: "singleInstance",
});

// Ana's last field day was 2 February: with a four-week cadence she is due on 2 March.
const EVENTS = { value: [graphEvent("fd-ana", "2026-02-02T14:00:00", "2026-02-02T18:00:00", MIA, [ANA])] };
// Ana has two ordinary customer calls on Wednesday and one big-deal call on Tuesday.
const REP_EVENTS = {
  [ANA]: {
    value: [
      graphEvent("c1", "2026-03-04T19:00:00", "2026-03-04T20:00:00", ANA, ["buyer@litware.com"]),
      graphEvent("c2", "2026-03-04T21:00:00", "2026-03-04T21:30:00", "pm@litware.com", [ANA]),
      graphEvent("c3", "2026-03-03T19:00:00", "2026-03-03T20:00:00", ANA, ["cfo@fabrikam.com"]),
    ],
  },
};

let dir: string;
const path = (name: string) => join(dir, name);

async function fieldcoach(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: dir,
  });
  return { code, stdout, stderr };
}

const BASE = [
  "suggest",
  "--org",
  "org.json",
  "--schedule",
  "schedule.json",
  "--manager",
  "MIA@contoso.com",
  "--now",
  "2026-03-02T08:00:00-05:00",
];
const suggest = (...extra: string[]) => fieldcoach(...BASE, ...extra);

interface SuggestJson {
  suggestions: {
    rep: string;
    start: string;
    end: string;
    timeZone: string;
    score: number;
    reasons: string[];
  }[];
  due: { rep: string; lastFieldDay: string | null; dueBy: string }[];
  unplaceable: { rep: string; why: string }[];
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fieldcoach-suggest-"));
  const files: Record<string, unknown> = {
    "org.json": ORG,
    "schedule.json": SCHEDULE,
    "events.json": EVENTS,
    "rep-events.json": REP_EVENTS,
    "policy.json": {
      preferredWeekdays: ["Thursday"],
      reps: { "ana.rep@contoso.com": { travelBufferMinutes: 0 } },
    },
    "policy-calls-busy.json": {
      customerCallsJoinable: false,
      reps: { "ana.rep@contoso.com": { travelBufferMinutes: 0 } },
    },
    "dismissed.json": [{ rep: BEN, date: "2026-03-03" }],
    "policy-bad.json": { horizonWeeks: 12 },
    "policy-unknown-rep.json": { reps: { "zed@contoso.com": {} } },
    "schedule-bad.json": {
      value: [
        {
          scheduleId: MIA,
          scheduleItems: [
            {
              status: "busy",
              start: local("2026-03-02T08:00", "Mars"),
              end: local("2026-03-02T09:00", "UTC"),
            },
          ],
        },
      ],
    },
    "rep-events-bad.json": { "olga@contoso.com": { value: [] } },
    "rep-events-bad-event.json": { [ANA]: { value: [{ id: "x", isAllDay: "yes" }] } },
    "dismissed-bad.json": [{ rep: BEN, date: "March 3" }],
    "events-all-day.json": {
      value: [
        {
          ...graphEvent("fd-all-day", "2026-02-09T00:00:00", "2026-02-10T00:00:00", MIA, [ANA]),
          isAllDay: true,
          categories: ["Field day"],
        },
      ],
    },
    "policy-one-week.json": { horizonWeeks: 1, tentativeIsBusy: false, travelBufferMinutes: 0 },
  };
  for (const [name, content] of Object.entries(files)) await writeFile(path(name), JSON.stringify(content));
  await writeFile(path("broken.json"), "{");
  await copyFile(resolve(ROOT, "tests/fixtures/getSchedule.response.json"), path("graph-sample.json"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("fieldcoach suggest", () => {
  it("prints suggestions, who is due and who cannot be placed, as JSON", async () => {
    const { code, stdout, stderr } = await suggest("--events", "events.json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as SuggestJson;
    expect(Object.keys(out)).toEqual(["suggestions", "due", "unplaceable"]);
    // Mia is busy until noon on Monday; Ben's tentative afternoon blocks Monday for him.
    expect(out.suggestions.map((s) => [s.rep, s.start, s.end, s.timeZone])).toEqual([
      [ANA, "2026-03-02T12:30:00-05:00", "2026-03-02T16:30:00-05:00", "America/New_York"],
      [BEN, "2026-03-03T08:00:00-05:00", "2026-03-03T12:00:00-05:00", "America/New_York"],
    ]);
    expect(out.suggestions[0]!.reasons).toContain("Due today (last field day 2026-02-02)");
    expect(out.due).toEqual([
      { rep: ANA, lastFieldDay: "2026-02-02T09:00:00-05:00", dueBy: "2026-03-02T09:00:00-05:00" },
      { rep: BEN, lastFieldDay: null, dueBy: "2026-03-02T08:00:00-05:00" },
      { rep: CY, lastFieldDay: null, dueBy: "2026-03-02T08:00:00-05:00" },
      { rep: DEE, lastFieldDay: null, dueBy: "2026-03-02T08:00:00-05:00" },
    ]);
    expect(out.unplaceable).toEqual([
      { rep: CY, why: "schedule.json has no schedule for cy@contoso.com, so their free time is unknown" },
      {
        rep: DEE,
        why: "In schedule.json, Graph could not read their schedule (ErrorMailboxNotFound: The mailbox was not found)",
      },
    ]);
  });

  it("ranks by the reps' customer calls and applies the policy and dismissed days", async () => {
    const { code, stdout } = await suggest(
      "--events=events.json",
      "--rep-events=rep-events.json",
      "--policy=policy.json",
      "--dismissed=dismissed.json",
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as SuggestJson;
    // Mia rides along on both of Ana's ordinary calls on Wednesday; Tuesday's is a big deal.
    expect(out.suggestions.map((s) => [s.rep, s.start, s.end, s.score])).toEqual([
      [ANA, "2026-03-04T12:30:00-05:00", "2026-03-04T16:30:00-05:00", 2500],
      [BEN, "2026-03-05T08:00:00-05:00", "2026-03-05T12:00:00-05:00", 500],
    ]);
    expect(out.suggestions[0]!.reasons[0]).toBe("Rides along on 2 customer calls (none a big deal)");
    expect(out.suggestions[0]!.reasons).not.toContain(
      "Both are free for 30 minutes before and after, to travel",
    );
    expect(out.suggestions[1]!.reasons).toContain("Thursday is a preferred day");
    expect(out.suggestions[1]!.reasons[0]).toBe(
      "Ben Rep's customer calls are unknown: their calendar was not read",
    );
  });

  it("treats customer calls as busy when the policy says they are not joinable", async () => {
    const { code, stdout } = await suggest(
      "--events=events.json",
      "--rep-events=rep-events.json",
      "--policy=policy-calls-busy.json",
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as SuggestJson;
    // Wednesday still ranks first by its two calls, in the morning, clear of them.
    expect(out.suggestions[0]).toMatchObject({
      rep: ANA,
      start: "2026-03-04T09:00:00-05:00",
      end: "2026-03-04T13:00:00-05:00",
      score: 2500,
    });
    expect(out.suggestions[0]!.reasons[0]).toBe("Ana Rep has 2 customer calls that day (none a big deal)");
  });

  it("dates an all-day field day by its own date on the manager's calendar", async () => {
    const out = JSON.parse((await suggest("--events", "events-all-day.json")).stdout) as SuggestJson;
    expect(out.due.find((d) => d.rep === ANA)).toEqual({
      rep: ANA,
      lastFieldDay: "2026-02-09T00:00:00-05:00",
      dueBy: "2026-03-09T00:00:00-04:00",
    });
  });

  it("prints a table for people", async () => {
    const { code, stdout } = await suggest("--events", "events.json", "--format", "table");
    expect(code).toBe(0);
    expect(stdout).toContain(
      "Field-day suggestions for Mia Manager (mia@contoso.com), 2026-03-02 to 2026-03-30, times in America/New_York",
    );
    expect(stdout).toMatch(/1\s+Ana Rep\s+Mon 2026-03-02\s+12:30–16:30\s+500/);
    expect(stdout).toContain("   - Due today (last field day 2026-02-02)");
    expect(stdout).toMatch(/Ben Rep\s+none on record\s+2026-03-02/);
    expect(stdout).toContain("- Cy Rep: schedule.json has no schedule for cy@contoso.com");
  });

  it("places people from Microsoft's getSchedule sample, custom zone included", async () => {
    await writeFile(
      path("sample-org.json"),
      JSON.stringify({
        tenantDomains: ["contoso.onmicrosoft.com"],
        bigDealThreshold: 1,
        people: [
          {
            email: "adelev@contoso.onmicrosoft.com",
            name: "Adele Vance",
            role: "manager",
            timeZone: "Pacific Standard Time",
          },
          {
            email: "meganb@contoso.onmicrosoft.com",
            name: "Megan Bowen",
            role: "rep",
            manager: "adelev@contoso.onmicrosoft.com",
          },
        ],
      }),
    );
    const { code, stdout, stderr } = await fieldcoach(
      "suggest",
      "--org=sample-org.json",
      "--schedule=graph-sample.json",
      "--manager=adelev@contoso.onmicrosoft.com",
      "--now=2019-03-15T08:00:00-07:00",
      "--policy=policy-one-week.json",
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const out = JSON.parse(stdout) as SuggestJson;
    // Both are busy 12:00–14:00 on the 15th, Megan also 08:30–09:30: no 4-hour block that Friday.
    expect(out.suggestions[0]).toMatchObject({
      rep: "meganb@contoso.onmicrosoft.com",
      start: "2019-03-18T08:00:00-07:00",
      end: "2019-03-18T12:00:00-07:00",
      timeZone: "America/Los_Angeles",
    });
  });

  it("runs from the installed command", async () => {
    const { stdout } = await run(NODE, [join(ROOT, "bin", "fieldcoach.js"), ...BASE, "--format=table"], {
      cwd: dir,
    });
    expect(stdout).toContain("Field-day suggestions for Mia Manager");
  });
});

describe("fieldcoach suggest with bad input", () => {
  const cases: [string, string[], string][] = [
    [
      "a missing option",
      ["suggest", "--org", "org.json"],
      "Missing --schedule (SCHEDULE.json); run fieldcoach suggest --help for usage.\n",
    ],
    [
      "an unknown option",
      [...BASE, "--horizon", "3"],
      "Unknown option '--horizon'; run fieldcoach suggest --help for the options.\n",
    ],
    [
      "a time without offset",
      [...BASE.slice(0, -1), "2026-03-02T08:00"],
      '--now "2026-03-02T08:00" is not an ISO instant with an offset, such as 2026-03-02T08:00:00Z.\n',
    ],
    [
      "an unknown manager",
      [...BASE.slice(0, 6), "nobody@contoso.com", ...BASE.slice(7)],
      "--manager nobody@contoso.com is not a person in org.json.\n",
    ],
    ["a missing file", [...BASE, "--policy", "nope.json"], "Cannot read nope.json: no such file.\n"],
    [
      "a file that is not JSON",
      [...BASE, "--events", "broken.json"],
      expect.stringMatching(/^broken\.json is not valid JSON: .*\.\n$/) as unknown as string,
    ],
    [
      "a bad policy value",
      [...BASE, "--policy", "policy-bad.json"],
      "policy-bad.json at $.horizonWeeks: must be at most 8.\n",
    ],
    [
      "a policy for somebody unknown",
      [...BASE, "--policy", "policy-unknown-rep.json"],
      'policy-unknown-rep.json at $.reps["zed@contoso.com"]: names nobody in the org.\n',
    ],
    [
      "a bad schedule",
      [...BASE.slice(0, 4), "schedule-bad.json", ...BASE.slice(5)],
      'schedule-bad.json at $.value[0].scheduleItems[0].start.timeZone: "Mars" is not a known time zone.\n',
    ],
    [
      "a calendar of someone else's rep",
      [...BASE, "--rep-events", "rep-events-bad.json"],
      'rep-events-bad.json at $["olga@contoso.com"]: names nobody who reports to the manager.\n',
    ],
    [
      "a bad event in a rep's calendar",
      [...BASE, "--rep-events", "rep-events-bad-event.json"],
      'rep-events-bad-event.json at $["ana@contoso.com"].value[0].isAllDay: must be true or false.\n',
    ],
    [
      "a bad dismissed date",
      [...BASE, "--dismissed", "dismissed-bad.json"],
      "dismissed-bad.json at $[0].date: must be a date such as 2026-03-04.\n",
    ],
    ["a bad format", [...BASE, "--format", "csv"], '--format must be json or table, not "csv".\n'],
  ];

  it.each(cases)("rejects %s with exit 2, one sentence, nothing on stdout", async (_, args, message) => {
    const { code, stdout, stderr } = await fieldcoach(...args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toEqual(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });
});
