import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildMeeting, buildTenant, buildUser } from "../src/demo-tenant/sim-test-builders.ts";
import { MS_PER_DAY } from "../src/domain/instant.ts";
import {
  createScheduleReader,
  joinSchedules,
  MAX_SCHEDULE_WINDOW_MS,
  scheduleWindows,
} from "../src/graph/get-schedule.ts";
import { type GraphWorld, startGraphWorld, window } from "./graph-test-support.ts";

const manager = buildUser("megan");
const reps = Array.from({ length: 25 }, (_, i) =>
  buildUser(`rep${String(i).padStart(2, "0")}`, { managerId: manager.id }),
);
const early = buildMeeting(reps[0]!, {
  iCalUId: "EARLY",
  start: "2026-03-03T17:00:00.000Z",
  end: "2026-03-03T18:00:00.000Z",
});
// Crosses the line between the first and second 61-day pieces of the window below.
const crossing = buildMeeting(reps[0]!, {
  iCalUId: "CROSSING",
  start: new Date(Date.parse("2026-03-01T00:00:00Z") + MAX_SCHEDULE_WINDOW_MS - 3_600_000).toISOString(),
  end: new Date(Date.parse("2026-03-01T00:00:00Z") + MAX_SCHEDULE_WINDOW_MS + 3_600_000).toISOString(),
});
const late = buildMeeting(reps[24]!, {
  iCalUId: "LATE",
  start: "2026-05-20T15:00:00.000Z",
  end: "2026-05-20T16:00:00.000Z",
  showAs: "oof",
});
const tenant = buildTenant([manager, ...reps], [early, crossing, late]);
const seventyDays = window("2026-03-01T00:00:00Z", "2026-05-10T00:00:00Z");
let world: GraphWorld;

beforeAll(async () => {
  world = await startGraphWorld(tenant);
});

afterAll(async () => {
  await world.close();
});

afterEach(() => {
  world.sim.resetStats();
});

describe("getSchedule within Graph's limits", () => {
  it("cuts a window into pieces under 62 days", () => {
    const pieces = scheduleWindows(seventyDays);
    expect(pieces).toHaveLength(2);
    expect(pieces.every((p) => p.end - p.start < 62 * MS_PER_DAY)).toBe(true);
    expect(pieces[0]!.end).toBe(pieces[1]!.start);
    expect(pieces[1]!.end).toBe(seventyDays.end);
  });

  it("asks for at most 20 people per call and joins the pieces into one schedule per person", async () => {
    const reader = createScheduleReader(world.clientFor(manager).client);
    const emails = [...reps.map((r) => r.mail.toUpperCase()), "stranger@fabrikam.com"];
    const result = await reader.schedules(
      manager.id,
      emails,
      window("2026-03-01T00:00:00Z", "2026-05-31T00:00:00Z"),
    );
    expect(world.sim.stats().byKind.getSchedule).toBe(4);
    expect(result.schedules).toHaveLength(25);
    expect(result.unusable).toEqual([
      { email: "stranger@fabrikam.com", why: expect.stringContaining("5009") },
    ]);
    const first = result.schedules.find((s) => s.email === reps[0]!.mail)!;
    expect(first.items.map((i) => [i.start, i.end, i.status])).toEqual([
      [Date.parse(early.start), Date.parse(early.end), "busy"],
      [Date.parse(crossing.start), Date.parse(crossing.end), "busy"],
    ]);
    expect(first.workWeek?.zone.name).toBe("America/Los_Angeles");
    expect(result.schedules.find((s) => s.email === reps[24]!.mail)!.items).toEqual([
      { start: Date.parse(late.start), end: Date.parse(late.end), status: "oof" },
    ]);
  });

  it("uses the least privileged scope, Calendars.ReadBasic", async () => {
    const reader = createScheduleReader(world.clientWithScopes(manager, ["Calendars.ReadBasic"]).client);
    const result = await reader.schedules(
      manager.id,
      [reps[0]!.mail],
      window("2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z"),
    );
    expect(result.schedules[0]!.items).toHaveLength(1);
  });

  it("reports a person unusable when any piece could not be read", () => {
    const joined = joinSchedules(
      ["a@contoso.com", "b@contoso.com"],
      [
        {
          schedules: [{ email: "a@contoso.com", items: [], workWeek: undefined }],
          unusable: [{ email: "b@contoso.com", why: "no" }],
        },
        { schedules: [], unusable: [{ email: "a@contoso.com", why: "gone" }] },
      ],
    );
    expect(joined).toEqual({
      schedules: [],
      unusable: [
        { email: "a@contoso.com", why: "gone" },
        { email: "b@contoso.com", why: "no" },
      ],
    });
  });
});
