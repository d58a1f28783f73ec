import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { InputError } from "../domain/input-error.ts";
import { workingDays } from "../domain/working-hours.ts";
import { mapGetSchedule } from "./map-schedule.ts";

const sample: unknown = JSON.parse(
  readFileSync(new URL("../../tests/fixtures/getSchedule.response.json", import.meta.url), "utf8"),
);
const utc = (iso: string): number => DateTime.fromISO(iso, { zone: "UTC" }).toMillis();
const iso = (ms: number): string => new Date(ms).toISOString();

function scheduleWith(overrides: Record<string, unknown>): unknown {
  return {
    value: [
      {
        scheduleId: "Ana@Contoso.com",
        scheduleItems: [],
        workingHours: {
          daysOfWeek: ["monday"],
          startTime: "08:00:00.0000000",
          endTime: "17:00:00.0000000",
          timeZone: { name: "W. Europe Standard Time" },
        },
        ...overrides,
      },
    ],
  };
}

function inputError(raw: unknown): { path: string; detail: string } {
  try {
    mapGetSchedule(raw);
  } catch (error) {
    if (error instanceof InputError) return { path: error.path, detail: error.detail };
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("mapGetSchedule on Microsoft's sample", () => {
  const mapped = mapGetSchedule(sample);

  it("reads both people's busy items in the zone Graph wrote them in", () => {
    expect(mapped.unusable).toEqual([]);
    const [adele, megan] = mapped.schedules;
    expect(adele!.email).toBe("adelev@contoso.onmicrosoft.com");
    // 15 March 2019 is in Pacific daylight time (UTC−7).
    expect(adele!.items.map((i) => [iso(i.start), iso(i.end), i.status])).toEqual([
      ["2019-03-15T19:00:00.000Z", "2019-03-15T21:00:00.000Z", "busy"],
    ]);
    expect(megan!.items.map((i) => i.status)).toEqual(["busy", "busy", "tentative", "busy", "tentative"]);
  });

  it("maps the Windows zone name of the first person's working hours to IANA", () => {
    const week = mapped.schedules[0]!.workWeek!;
    expect(week.zone.name).toBe("America/Los_Angeles");
    expect(week).toMatchObject({ startTime: "08:00:00", endTime: "17:00:00" });
    expect(week.daysOfWeek).toEqual(["monday", "tuesday", "wednesday", "thursday", "friday"]);
  });

  it("follows the second person's custom zone through its daylight-time changes", () => {
    const named = mapped.schedules[0]!.workWeek!;
    const custom = mapped.schedules[1]!.workWeek!;
    expect(custom.zone.name).toBe("Customized Time Zone");
    const year = { start: utc("2019-01-01T00:00"), end: utc("2020-01-01T00:00") };
    const customDays = workingDays(custom, year);
    expect(customDays).toEqual(workingDays(named, year));
    const around = (date: string) => customDays.find((d) => d.date === date)!.interval;
    expect(iso(around("2019-03-08").start)).toBe("2019-03-08T16:00:00.000Z");
    expect(iso(around("2019-03-11").start)).toBe("2019-03-11T15:00:00.000Z");
    expect(iso(around("2019-11-01").start)).toBe("2019-11-01T15:00:00.000Z");
    expect(iso(around("2019-11-04").start)).toBe("2019-11-04T16:00:00.000Z");
  });
});

describe("mapGetSchedule on other schedules", () => {
  it("gives a custom zone without daylight time its fixed offset", () => {
    const { schedules } = mapGetSchedule(
      scheduleWith({
        workingHours: {
          daysOfWeek: ["monday"],
          startTime: "09:00:00",
          endTime: "13:00:00",
          timeZone: { "@odata.type": "#microsoft.graph.customTimeZone", bias: -330, name: "India custom" },
        },
      }),
    );
    const [day] = workingDays(schedules[0]!.workWeek!, {
      start: utc("2026-03-02T00:00"),
      end: utc("2026-03-03T00:00"),
    });
    expect(iso(day!.interval.start)).toBe("2026-03-02T03:30:00.000Z");
    expect(schedules[0]!.email).toBe("ana@contoso.com");
  });

  it("reports a person Graph could not read, or whose hours cannot be placed in time, as unusable", () => {
    expect(
      mapGetSchedule(
        scheduleWith({ error: { message: "Mailbox not found", responseCode: "ErrorMailboxNotFound" } }),
      ).unusable,
    ).toEqual([
      {
        email: "ana@contoso.com",
        why: "Graph could not read their schedule (ErrorMailboxNotFound: Mailbox not found)",
      },
    ]);
    const unknownZone = mapGetSchedule(
      scheduleWith({
        workingHours: {
          daysOfWeek: [],
          startTime: "08:00",
          endTime: "17:00",
          timeZone: { name: "Atlantis Time" },
        },
      }),
    );
    expect(unknownZone.unusable[0]!.why).toMatch(/"Atlantis Time" is not a known/);
    const oneYear = mapGetSchedule(
      scheduleWith({
        workingHours: {
          daysOfWeek: ["monday"],
          startTime: "08:00",
          endTime: "17:00",
          timeZone: {
            "@odata.type": "#microsoft.graph.customTimeZone",
            bias: 0,
            name: "Odd",
            standardOffset: {
              time: "02:00:00",
              dayOccurrence: 1,
              dayOfWeek: "sunday",
              month: 10,
              year: 2026,
            },
            daylightOffset: {
              daylightBias: -60,
              time: "02:00:00",
              dayOccurrence: 1,
              dayOfWeek: "sunday",
              month: 4,
              year: 2026,
            },
          },
        },
      }),
    );
    expect(oneYear.unusable[0]!.why).toMatch(/fixed to one year/);
    const backwards = mapGetSchedule(
      scheduleWith({
        workingHours: {
          daysOfWeek: ["monday"],
          startTime: "22:00",
          endTime: "06:00",
          timeZone: { name: "UTC" },
        },
      }),
    );
    expect(backwards.unusable[0]!.why).toMatch(/never runs past midnight/);
  });

  it("keeps a schedule without working hours so the directory's hours can apply", () => {
    const { schedules } = mapGetSchedule(scheduleWith({ workingHours: null }));
    expect(schedules[0]!.workWeek).toBeUndefined();
  });

  it("reads a status Graph may add later as unknown", () => {
    const { schedules } = mapGetSchedule(
      scheduleWith({
        scheduleItems: [
          {
            status: "somethingNew",
            start: { dateTime: "2026-03-02T09:00:00", timeZone: "UTC" },
            end: { dateTime: "2026-03-02T10:00:00", timeZone: "UTC" },
          },
        ],
      }),
    );
    expect(schedules[0]!.items[0]!.status).toBe("unknown");
  });

  it("names the JSON path of malformed data", () => {
    expect(inputError({})).toEqual({ path: "$.value", detail: "must be an array" });
    expect(inputError({ value: [{}] })).toEqual({
      path: "$.value[0].scheduleId",
      detail: "must be a string",
    });
    expect(
      inputError(
        scheduleWith({
          scheduleItems: [
            { status: "busy", start: { dateTime: "2026-03-02T09:00", timeZone: "Mars" }, end: {} },
          ],
        }),
      ),
    ).toEqual({
      path: "$.value[0].scheduleItems[0].start.timeZone",
      detail: '"Mars" is not a known time zone',
    });
    expect(
      inputError(
        scheduleWith({
          workingHours: {
            daysOfWeek: ["funday"],
            startTime: "08:00",
            endTime: "17:00",
            timeZone: { name: "UTC" },
          },
        }),
      ).path,
    ).toBe("$.value[0].workingHours.daysOfWeek[0]");
    const twice = {
      value: [...(scheduleWith({}) as { value: unknown[] }).value, { scheduleId: "ana@contoso.com" }],
    };
    expect(inputError(twice)).toEqual({
      path: "$.value[1].scheduleId",
      detail: "lists ana@contoso.com a second time",
    });
  });
});
