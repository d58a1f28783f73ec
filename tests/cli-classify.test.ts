import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.ts";
import {
  buildGraphEvent,
  graphAttendee,
  JANE,
  MARY,
  ORG_JSON,
  RAJ,
} from "../src/domain/classify-test-support.ts";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "..");
const NODE = join(ROOT, "node_modules", ".bin", "node");
const PRIVATE_MARKER = "QX-PRIVATE-MERGER-4471";

const graphTime = (dateTime: string, timeZone = "UTC") => ({ dateTime, timeZone });
const EVENTS = {
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(event)",
  value: [
    buildGraphEvent({
      id: "field-day",
      start: graphTime("2026-03-03T14:00:00.0000000"),
      end: graphTime("2026-03-03T18:00:00.0000000"),
    }),
    buildGraphEvent({
      id: "customer-call",
      start: graphTime("2026-03-04T15:00:00.0000000"),
      end: graphTime("2026-03-04T16:30:00.0000000"),
      organizer: { emailAddress: { name: "Bob Buyer", address: "Bob@Fabrikam.com" } },
      attendees: [graphAttendee(MARY), graphAttendee("Jane@Contoso.com")],
    }),
    buildGraphEvent({
      id: "private",
      subject: PRIVATE_MARKER,
      body: { contentType: "text", content: PRIVATE_MARKER },
      bodyPreview: PRIVATE_MARKER,
      sensitivity: "private",
      start: graphTime("2026-03-05T09:00:00", "Pacific Standard Time"),
      end: graphTime("2026-03-05T09:20:00", "Pacific Standard Time"),
      organizer: { emailAddress: { name: PRIVATE_MARKER, address: RAJ } },
      attendees: [graphAttendee(MARY)],
    }),
    buildGraphEvent({ id: "cancelled", isCancelled: true }),
    { id: "tombstone", "@removed": { reason: "deleted" } },
  ],
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

const classify = (...extra: string[]) =>
  fieldcoach(
    "classify",
    "--org",
    "org.json",
    "--events",
    "events.json",
    "--manager",
    "MARY@contoso.com",
    ...extra,
  );

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fieldcoach-classify-"));
  await writeFile(path("org.json"), JSON.stringify(ORG_JSON));
  await writeFile(path("events.json"), JSON.stringify(EVENTS));
  await writeFile(path("bare-array.json"), JSON.stringify(EVENTS.value));
  await writeFile(path("broken.json"), '{"value": [');
  const badType = structuredClone(EVENTS);
  (badType.value[1] as Record<string, unknown>).isAllDay = "yes";
  await writeFile(path("bad-type.json"), JSON.stringify(badType));
  const badZone = structuredClone(EVENTS);
  (badZone.value[0] as Record<string, unknown>).start = graphTime("2026-03-03T14:00:00", "Mars/Olympus_Mons");
  await writeFile(path("bad-zone.json"), JSON.stringify(badZone));
  const orgBadZone = structuredClone(ORG_JSON) as { people: Record<string, unknown>[] };
  orgBadZone.people[2]!.timeZone = "Atlantis Standard Time";
  await writeFile(path("org-bad-zone.json"), JSON.stringify(orgBadZone));
  await writeFile(path("empty.json"), JSON.stringify({ value: [] }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("fieldcoach classify", () => {
  it("prints every event once, in input order, with the documented fields", async () => {
    const { code, stdout, stderr } = await classify();
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { events: Record<string, unknown>[]; summary: Record<string, unknown> };
    expect(out.events.map((e) => e.id)).toEqual([
      "field-day",
      "customer-call",
      "private",
      "cancelled",
      "tombstone",
    ]);
    for (const event of out.events) {
      expect(Object.keys(event)).toEqual([
        "id",
        "iCalUId",
        "initiator",
        "kind",
        "development",
        "reps",
        "hours",
        "bigDeal",
        "reasons",
      ]);
    }
    expect(out.events[0]).toMatchObject({
      initiator: "manager",
      kind: "field-day",
      development: "skill",
      hours: 4,
    });
    expect(out.events[1]).toMatchObject({
      initiator: "rep",
      kind: "customer-call",
      development: "sales",
      reps: [JANE],
      hours: 1.5,
      bigDeal: true,
    });
    expect(out.events[2]).toMatchObject({ initiator: "rep", kind: "one-on-one", reps: [RAJ], hours: 0.33 });
    expect(out.events[3]).toMatchObject({
      initiator: "none",
      kind: null,
      development: "none",
      reasons: ["cancelled"],
    });
    expect(out.events[4]).toMatchObject({ initiator: "none", iCalUId: null });
  });

  it("sums the printed hours into the summary", async () => {
    const out = JSON.parse((await classify()).stdout) as {
      events: { development: string; hours: number }[];
      summary: {
        totals: { skillHours: number; salesHours: number; salesCount: number; coachingRatio: number };
        weeks: { week: string; salesHours: number }[];
        reps: { email: string; salesHours: number; daysSinceLastFieldDay: number | null }[];
        window: { from: string; to: string };
      };
    };
    const hours = (development: string) =>
      out.events.filter((e) => e.development === development).reduce((t, e) => t + e.hours, 0);
    expect(out.summary.totals.skillHours).toBeCloseTo(hours("skill"), 9);
    expect(out.summary.totals.salesHours).toBeCloseTo(hours("sales"), 9);
    expect(out.summary.totals.salesHours).toBe(1.83);
    expect(out.summary.totals.coachingRatio).toBe(0.686);
    expect(out.summary.weeks.map((w) => w.week)).toEqual(["2026-W10"]);
    expect(out.summary.reps.map((r) => [r.email, r.daysSinceLastFieldDay])).toEqual([
      [JANE, 2],
      [RAJ, null],
      ["lee@contoso.com", null],
    ]);
    // The default window runs from the earliest start to the latest end, shown in Mary's zone.
    expect(out.summary.window).toEqual({
      from: "2026-03-03T09:00:00-05:00",
      to: "2026-03-05T12:20:00-05:00",
    });
  });

  it("reads a bare array of events as well as a calendarView response", async () => {
    const fromArray = await fieldcoach(
      "classify",
      "--org=org.json",
      "--events=bare-array.json",
      `--manager=${MARY}`,
    );
    expect(fromArray.code).toBe(0);
    expect(JSON.parse(fromArray.stdout)).toEqual(JSON.parse((await classify()).stdout));
  });

  it("clips hours to --from and --to", async () => {
    const { code, stdout } = await classify(
      "--from",
      "2026-03-03T16:00:00Z",
      "--to",
      "2026-03-04T16:00:00+00:00",
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { events: { id: string; hours: number }[] };
    expect(out.events.map((e) => [e.id, e.hours])).toEqual([
      ["field-day", 2],
      ["customer-call", 1],
      ["private", 0],
      ["cancelled", 0],
      ["tombstone", 0],
    ]);
  });

  it("prints a per-rep summary and a line per event as a table", async () => {
    const { code, stdout } = await classify("--format", "table");
    expect(code).toBe(0);
    expect(stdout).toContain("Coaching summary for Mary Manager (mary@contoso.com)");
    expect(stdout).toMatch(/^Jane Rep +4\.00 +1 +4\.00 +1 +1\.50 +1 +0\.73 +2 days ago$/m);
    expect(stdout).toMatch(
      /^2026-03-04 10:00 +1\.50 +rep +customer-call +sales +yes +Jane Rep +organized by bob@fabrikam\.com/m,
    );
    expect(
      stdout
        .trimEnd()
        .split("\n")
        .filter((line) => /^(\d{4}-\d{2}-\d{2} |\(no time\))/.test(line)),
    ).toHaveLength(5);
  });

  it("never prints a private event's subject or body, in either format", async () => {
    for (const format of ["json", "table"]) {
      const { code, stdout, stderr } = await classify("--format", format);
      expect(code).toBe(0);
      expect(stdout).not.toContain(PRIVATE_MARKER);
      expect(stderr).not.toContain(PRIVATE_MARKER);
    }
  });

  it("prints its usage with --help", async () => {
    const { code, stdout, stderr } = await fieldcoach("classify", "--help");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toContain(
      "Usage: fieldcoach classify --org ORG.json --events EVENTS.json --manager EMAIL",
    );
    expect(stdout).toContain("default: the start of the earliest event in EVENTS.json");
  });
});

describe("fieldcoach classify with bad input", () => {
  const cases: ReadonlyArray<readonly [string, readonly string[], RegExp]> = [
    [
      "a file that does not exist",
      ["--events", "missing.json"],
      /^Cannot read missing\.json: no such file\.$/,
    ],
    ["a file that is not JSON", ["--events", "broken.json"], /^broken\.json is not valid JSON: .+\.$/],
    [
      "a field of the wrong type",
      ["--events", "bad-type.json"],
      /^bad-type\.json at \$\.value\[1\]\.isAllDay: must be true or false\.$/,
    ],
    [
      "an unknown time zone in an event",
      ["--events", "bad-zone.json"],
      /^bad-zone\.json at \$\.value\[0\]\.start\.timeZone: "Mars\/Olympus_Mons" is not a known time zone\.$/,
    ],
    [
      "an unknown time zone in the org",
      ["--org", "org-bad-zone.json"],
      /^org-bad-zone\.json at \$\.people\[2\]\.timeZone: is not a known Windows or IANA time zone\.$/,
    ],
    [
      "a manager who is not in the org",
      ["--manager", "nobody@contoso.com"],
      /^--manager nobody@contoso\.com is not a person in org\.json\.$/,
    ],
    [
      "an unknown option",
      ["--form", "json"],
      /^Unknown option '--form'; run fieldcoach classify --help for the options\.$/,
    ],
    [
      "an option without its value",
      ["--from"],
      /^Option '--from <value>' argument missing; run fieldcoach classify --help/,
    ],
    ["a bad --from", ["--from", "March 3rd"], /^--from "March 3rd" is not an ISO instant with an offset/],
    [
      "a --from without an offset",
      ["--from", "2026-03-03T00:00:00"],
      /^--from "2026-03-03T00:00:00" is not an ISO instant/,
    ],
    [
      "a --to before --from",
      ["--from", "2026-03-05T00:00:00Z", "--to", "2026-03-04T00:00:00Z"],
      /^The window is empty: --to must be after --from\.$/,
    ],
    ["an unknown format", ["--format", "csv"], /^--format must be json or table, not "csv"\.$/],
    [
      "no window and no dated events",
      ["--events", "empty.json"],
      /^empty\.json has no event with a start and an end, so give both --from and --to\.$/,
    ],
  ];

  it.each(cases)(
    "refuses %s with exit 2, one sentence on stderr and nothing on stdout",
    async (_name, args, message) => {
      const overridden = new Set(args.filter((a) => a.startsWith("--")));
      const base = ["--org", "org.json", "--events", "events.json", "--manager", MARY];
      const kept: string[] = [];
      for (let i = 0; i < base.length; i += 2)
        if (!overridden.has(base[i]!)) kept.push(base[i]!, base[i + 1]!);
      const { code, stdout, stderr } = await fieldcoach("classify", ...kept, ...args);
      expect(stdout).toBe("");
      expect(code).toBe(2);
      expect(stderr.endsWith("\n")).toBe(true);
      expect(stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(stderr.trimEnd()).toMatch(message);
    },
  );

  it("refuses a missing required option", async () => {
    for (const [missing, args] of [
      ["--org", ["--events", "events.json", "--manager", MARY]],
      ["--events", ["--org", "org.json", "--manager", MARY]],
      ["--manager", ["--org", "org.json", "--events", "events.json"]],
    ] as const) {
      const { code, stdout, stderr } = await fieldcoach("classify", ...args);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(
        new RegExp(`^Missing ${missing} \\(.+\\); run fieldcoach classify --help for usage\\.\\n$`),
      );
    }
  });
});

describe("bin/fieldcoach.js classify, as a real process", () => {
  it("runs under the project's Node 24 and prints JSON", async () => {
    const { stdout, stderr } = await run(
      NODE,
      [
        join(ROOT, "bin", "fieldcoach.js"),
        "classify",
        "--org",
        "org.json",
        "--events",
        "events.json",
        "--manager",
        MARY,
      ],
      { cwd: dir },
    );
    expect(stderr).toBe("");
    const out = JSON.parse(stdout) as { events: { id: string }[] };
    expect(out.events).toHaveLength(EVENTS.value.length);
    expect(stdout).not.toContain(PRIVATE_MARKER);
  });

  it("exits 2 with one sentence on stderr for bad input", async () => {
    const failure = await run(
      NODE,
      [
        join(ROOT, "bin", "fieldcoach.js"),
        "classify",
        "--org",
        "org.json",
        "--events",
        "broken.json",
        "--manager",
        MARY,
      ],
      { cwd: dir },
    ).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stdout).toBe("");
    expect(failure?.stderr).toMatch(/^broken\.json is not valid JSON: .+\.\n$/);
  });
});
