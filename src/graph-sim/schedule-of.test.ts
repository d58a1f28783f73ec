import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attendeeOf, buildMeeting, buildTenant, buildUser } from "../demo-tenant/sim-test-builders.ts";
import type { ShowAs } from "../domain/calendar-event.ts";
import { instantFromLocal, MS_PER_MINUTE } from "../domain/instant.ts";
import { mapGetSchedule } from "../graph/map-schedule.ts";
import { AVAILABILITY_DIGIT, availabilityView, type ScheduleItemJson, scheduleOf } from "./schedule-of.ts";
import type { SimMeeting } from "./tenant-data.ts";

interface Json {
  [key: string]: unknown;
}
const sample = JSON.parse(
  readFileSync(new URL("../../tests/fixtures/getSchedule.response.json", import.meta.url), "utf8"),
) as { value: Json[] };

const adele = buildUser("adele");
const megan = buildUser("megan", { aliases: ["megan.b@contoso.com"] });
const iso = (local: string) => new Date(instantFromLocal(local, "Pacific Standard Time")!).toISOString();
let counter = 0;
const meeting = (from: string, to: string, overrides: Partial<SimMeeting> = {}): SimMeeting =>
  buildMeeting(adele, {
    iCalUId: `uid-${++counter}`,
    start: iso(`2026-03-03T${from}`),
    end: iso(`2026-03-03T${to}`),
    ...overrides,
  });

// Adele's Tuesday in Pacific time: the sample's lunch, plus everything free/busy must leave out.
const tenant = buildTenant(
  [adele, megan],
  [
    meeting("12:00", "14:00", { subject: "Let's go for lunch", location: "Harry's Bar" }),
    meeting("09:00", "10:00", { subject: "Focus time", showAs: "free" }),
    meeting("10:00", "11:00", { subject: "Cancelled sync", isCancelled: true }),
    buildMeeting(megan, {
      iCalUId: "uid-declined",
      start: iso("2026-03-03T15:00"),
      end: iso("2026-03-03T16:00"),
      attendees: [attendeeOf(adele, "declined")],
    }),
    buildMeeting(megan, {
      iCalUId: "uid-unanswered",
      start: iso("2026-03-03T16:00"),
      end: iso("2026-03-03T17:00"),
      attendees: [attendeeOf(adele, "none")],
    }),
    meeting("17:00", "18:00", { subject: "Doctor", sensitivity: "private", location: "Clinic" }),
  ],
);

const query = {
  tenant,
  schedules: ["adele@contoso.com", "MEGAN.B@contoso.com", "nobody@contoso.com"],
  start: instantFromLocal("2026-03-03T09:00:00", "Pacific Standard Time")!,
  end: instantFromLocal("2026-03-03T18:00:00", "Pacific Standard Time")!,
  intervalMinutes: 60,
  timeZone: "Pacific Standard Time",
};

function typeOf(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

function sameShape(actual: unknown, expected: unknown, path: string): void {
  expect(typeOf(actual), path).toBe(typeOf(expected));
  if (typeOf(expected) !== "object") return;
  const a = actual as Json;
  const e = expected as Json;
  expect(Object.keys(a).sort(), path).toEqual(Object.keys(e).sort());
  for (const key of Object.keys(e)) sameShape(a[key], e[key], `${path}.${key}`);
}

describe("scheduleOf", () => {
  const response = scheduleOf(query);
  const [adeleInfo, meganInfo, unknown] = response.value as unknown as [Json, Json, Json];

  it("answers with the keys and value types of Graph's getSchedule", () => {
    const expected = sample.value[0]!;
    expect(Object.keys(response)).toEqual(Object.keys(sample));
    expect(Object.keys(adeleInfo).sort()).toEqual(Object.keys(expected).sort());
    sameShape(adeleInfo.workingHours, expected.workingHours, "workingHours");
    const lunch = (adeleInfo.scheduleItems as Json[])[0];
    sameShape(lunch, (expected.scheduleItems as Json[])[0], "scheduleItems[0]");
    expect(lunch).toEqual({
      isPrivate: false,
      status: "busy",
      subject: "Let's go for lunch",
      location: "Harry's Bar",
      start: { dateTime: "2026-03-03T12:00:00.0000000", timeZone: "Pacific Standard Time" },
      end: { dateTime: "2026-03-03T14:00:00.0000000", timeZone: "Pacific Standard Time" },
    });
  });

  it("leaves out free, cancelled and declined events and hides private subjects", () => {
    expect(adeleInfo.availabilityView).toBe("000220012");
    const items = adeleInfo.scheduleItems as ScheduleItemJson[];
    expect(items.map((i) => [i.status, i.subject ?? null])).toEqual([
      ["busy", "Let's go for lunch"],
      ["tentative", "Pipeline review"],
      ["busy", null],
    ]);
    expect(items[2]).toMatchObject({ isPrivate: true });
    expect(items[2]).not.toHaveProperty("location");
  });

  it("echoes each address as asked and reports unknown ones as Graph does", () => {
    expect(meganInfo.scheduleId).toBe("MEGAN.B@contoso.com");
    expect(meganInfo.availabilityView).toBe("000000220");
    expect(unknown).toEqual({
      scheduleId: "nobody@contoso.com",
      error: {
        message: "Unable to resolve e-mail address nobody@contoso.com to an Active Directory object.",
        responseCode: "5009",
      },
    });
  });

  it("reads back through FieldCoach's own getSchedule mapping", () => {
    const mapped = mapGetSchedule(JSON.parse(JSON.stringify(response)));
    expect(mapped.unusable.map((u) => u.email)).toEqual(["nobody@contoso.com"]);
    expect(mapped.schedules.map((s) => s.email)).toEqual(["adele@contoso.com", "megan.b@contoso.com"]);
    expect(mapped.schedules[0]!.items[0]).toEqual({
      start: Date.parse(iso("2026-03-03T12:00")),
      end: Date.parse(iso("2026-03-03T14:00")),
      status: "busy",
    });
  });

  it("blocks an all-day event from midnight to midnight in the owner's zone", () => {
    const ooo = buildMeeting(adele, {
      isAllDay: true,
      start: "2026-03-04T00:00:00.000Z",
      end: "2026-03-05T00:00:00.000Z",
      showAs: "oof",
    });
    const info = scheduleOf({
      ...query,
      tenant: buildTenant([adele], [ooo]),
      schedules: ["adele@contoso.com"],
      start: Date.parse("2026-03-04T00:00:00Z"),
      end: Date.parse("2026-03-05T12:00:00Z"),
      timeZone: "UTC",
    }).value[0]!;
    expect(info.availabilityView).toBe(`${"0".repeat(8)}${"3".repeat(24)}${"0".repeat(4)}`);
    expect(info.scheduleItems![0]!.start).toEqual({
      dateTime: "2026-03-04T08:00:00.0000000",
      timeZone: "UTC",
    });
  });
});

describe("availabilityView", () => {
  const statuses: ShowAs[] = ["free", "tentative", "busy", "oof", "workingElsewhere"];
  const base = Date.parse("2026-03-02T00:00:00Z");

  it("holds, for every slot, the highest status of the items that overlap it", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            offset: fc.integer({ min: -120, max: 1500 }),
            length: fc.integer({ min: 0, max: 400 }),
            showAs: fc.constantFrom(...statuses),
            declined: fc.boolean(),
          }),
          { maxLength: 12 },
        ),
        fc.constantFrom(15, 30, 60),
        fc.integer({ min: 1, max: 1440 }),
        (specs, interval, windowMinutes) => {
          const meetings = specs.map((s, i) =>
            buildMeeting(s.declined ? buildUser("megan") : adele, {
              iCalUId: `p-${i}`,
              start: new Date(base + s.offset * MS_PER_MINUTE).toISOString(),
              end: new Date(base + (s.offset + s.length) * MS_PER_MINUTE).toISOString(),
              showAs: s.showAs,
              attendees: s.declined ? [attendeeOf(adele, "declined")] : [],
            }),
          );
          const end = base + windowMinutes * MS_PER_MINUTE;
          const info = scheduleOf({
            tenant: buildTenant([adele, megan], meetings),
            schedules: [adele.mail],
            start: base,
            end,
            intervalMinutes: interval,
            timeZone: "UTC",
          }).value[0]!;
          const items = info.scheduleItems!.map((item) => ({
            start: Date.parse(`${item.start.dateTime.slice(0, 19)}Z`),
            end: Date.parse(`${item.end.dateTime.slice(0, 19)}Z`),
            digit: AVAILABILITY_DIGIT[item.status],
          }));
          const inWindow = specs.filter(
            (s) => !s.declined && s.showAs !== "free" && s.offset < windowMinutes && s.offset + s.length > 0,
          ).length;
          expect(items.length).toBe(inWindow);
          const view = info.availabilityView!;
          const step = interval * MS_PER_MINUTE;
          expect(view.length).toBe(Math.ceil((end - base) / step));
          [...view].forEach((digit, slot) => {
            const from = base + slot * step;
            const to = Math.min(end, from + step);
            const overlapping = items.filter((i) => i.start < to && i.end > from).map((i) => i.digit);
            expect(Number(digit)).toBe(Math.max(0, ...overlapping));
          });
        },
      ),
    );
  });

  it("is empty for an empty window", () => {
    expect(availabilityView([{ start: base, end: base + 1, status: "busy" }], base, base, 30)).toBe("");
  });
});
