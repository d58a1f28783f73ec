import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.ts";
import { TEAM_STORIES } from "../src/demo-tenant/roster.ts";

async function fieldcoach(cwd: string, ...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd,
  });
  return { code, stdout, stderr };
}

let dir: string;

/** `fieldcoach suggest` on the demo files of one manager, as the README shows it. */
function suggestFromDemo(manager: string, now: string) {
  return fieldcoach(
    join(dir, "demo"),
    "suggest",
    "--org",
    "org.json",
    "--schedule",
    join("getSchedule", `${manager}.json`),
    "--events",
    join("calendarView", `${manager}.json`),
    "--rep-events",
    join("repEvents", `${manager}.json`),
    "--manager",
    manager,
    "--now",
    now,
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fieldcoach-demo-data-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("fieldcoach demo-data", () => {
  it("writes ORG.json, a calendarView per person and a getSchedule per manager, and says so", async () => {
    const result = await fieldcoach(
      dir,
      "demo-data",
      "--out",
      "demo",
      "--seed",
      "5",
      "--anchor",
      "2026-03-02",
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const org = JSON.parse(await readFile(join(dir, "demo", "org.json"), "utf8")) as {
      people: { email: string }[];
    };
    const calendars = await readdir(join(dir, "demo", "calendarView"));
    expect(calendars.sort()).toEqual(org.people.map((p) => `${p.email}.json`).sort());
    const schedules = await readdir(join(dir, "demo", "getSchedule"));
    expect(schedules.sort()).toEqual(TEAM_STORIES.map((s) => `${s.manager}.json`).sort());
    expect(result.stdout).toContain(`org.json: ${org.people.length} people`);
    expect(result.stdout).toContain("from 2025-12-01 to 2026-04-05");
    for (const story of TEAM_STORIES) expect(result.stdout).toContain(`${story.manager}>: ${story.pattern}`);
  });

  it("writes the same bytes for the same seed and different ones for another", async () => {
    await fieldcoach(dir, "demo-data", "--out", "again", "--seed", "5", "--anchor", "2026-03-02");
    await fieldcoach(dir, "demo-data", "--out", "other", "--seed", "6", "--anchor", "2026-03-02");
    const file = join("calendarView", `${TEAM_STORIES[0]!.manager}.json`);
    const read = (folder: string, name: string) => readFile(join(dir, folder, name), "utf8");
    expect(await read("again", file)).toBe(await read("demo", file));
    expect(await read("again", "org.json")).toBe(await read("demo", "org.json"));
    expect(await read("other", file)).not.toBe(await read("demo", file));
  });

  it("gives files that fieldcoach classify reads for every manager", async () => {
    for (const story of TEAM_STORIES) {
      const result = await fieldcoach(
        join(dir, "demo"),
        "classify",
        "--org",
        "org.json",
        "--events",
        join("calendarView", `${story.manager}.json`),
        "--manager",
        story.manager,
        "--to",
        "2026-03-02T00:00:00Z",
      );
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const summary = (
        JSON.parse(result.stdout) as { summary: { totals: { skillHours: number; salesHours: number } } }
      ).summary;
      expect(summary.totals.skillHours + summary.totals.salesHours).toBeGreaterThan(0);
    }
  });

  it("gives files that fieldcoach suggest reads for every manager, with their reps' calendars", async () => {
    const org = JSON.parse(await readFile(join(dir, "demo", "org.json"), "utf8")) as {
      people: { email: string; manager?: string; role: string }[];
    };
    for (const story of TEAM_STORIES) {
      const repEvents = JSON.parse(
        await readFile(join(dir, "demo", "repEvents", `${story.manager}.json`), "utf8"),
      ) as Record<string, { value: unknown[] }>;
      const reps = org.people
        .filter((p) => p.manager === story.manager && p.role === "rep")
        .map((p) => p.email);
      expect(Object.keys(repEvents).sort()).toEqual(reps.sort());
      for (const view of Object.values(repEvents)) expect(view.value.length).toBeGreaterThan(0);
      const result = await suggestFromDemo(story.manager, "2026-03-02T06:00:00Z");
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const output = JSON.parse(result.stdout) as { due: { rep: string }[] };
      for (const due of output.due) expect(reps).toContain(due.rep);
    }
  });

  it("covers the whole horizon with getSchedule, so no suggestion lands where the file knows nothing", async () => {
    // The last working day of the anchor's week: the four-week horizon runs furthest past the anchor.
    const now = "2026-03-06T18:00:00Z";
    for (const story of TEAM_STORIES) {
      const schedulePath = join(dir, "demo", "getSchedule", `${story.manager}.json`);
      const schedule = JSON.parse(await readFile(schedulePath, "utf8")) as {
        value: { availabilityView: string }[];
      };
      // getSchedule's availabilityView starts where the request did (the anchor's midnight, UTC).
      const covered = {
        start: Date.parse("2026-03-02T00:00:00Z"),
        end: Date.parse("2026-03-02T00:00:00Z") + schedule.value[0]!.availabilityView.length * 30 * 60_000,
      };
      const result = await suggestFromDemo(story.manager, now);
      expect(result.code).toBe(0);
      const output = JSON.parse(result.stdout) as { suggestions: { start: string; end: string }[] };
      expect(output.suggestions.length).toBeGreaterThan(0);
      for (const suggestion of output.suggestions) {
        expect(Date.parse(suggestion.start)).toBeGreaterThanOrEqual(covered.start);
        expect(Date.parse(suggestion.end)).toBeLessThanOrEqual(covered.end);
      }
    }
  });

  it.each([
    [["--seed", "12x"], /--seed "12x" is not a whole number/],
    [["--seed", "4294967296"], /--seed "4294967296" is not a whole number/],
    [["--anchor", "2026-03-03"], /--anchor "2026-03-03" is not a Monday/],
    [["--anchor", "next monday"], /--anchor "next monday" is not a Monday/],
    [["--colour", "red"], /Unknown option '--colour'/],
  ])("refuses %j with exit 2, one sentence and nothing written", async (extra, message) => {
    const result = await fieldcoach(dir, "demo-data", "--out", "refused", ...extra);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(join(dir, "refused"))).toBe(false);
  });

  it("refuses a missing --out and a folder it cannot create", async () => {
    const missing = await fieldcoach(dir, "demo-data", "--seed", "1");
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toMatch(/^Missing --out/);
    await writeFile(join(dir, "a-file"), "not a folder");
    const blocked = await fieldcoach(
      dir,
      "demo-data",
      "--out",
      join("a-file", "demo"),
      "--anchor",
      "2026-03-02",
    );
    expect(blocked).toMatchObject({ code: 2, stdout: "" });
    expect(blocked.stderr).toBe(`Cannot write to ${join("a-file", "demo")}: a file is in the way.\n`);
  });
});
