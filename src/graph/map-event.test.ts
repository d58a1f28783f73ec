import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type CalendarEvent, type EventInput, isIncomplete } from "../domain/calendar-event.ts";
import { classifyEvents } from "../domain/classify.ts";
import { buildGraphEvent, graphAttendee } from "../domain/classify-test-support.ts";
import { InputError } from "../domain/input-error.ts";
import { buildOrgIndex } from "../domain/org.ts";
import { parseOrg } from "../domain/parse-org.ts";
import { mapGraphEvent, mapGraphEventList } from "./map-event.ts";

const FIXTURES = join(import.meta.dirname, "..", "..", "tests", "fixtures");
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), "utf8"));
const utc = (iso: string) => Date.parse(`${iso}Z`);

const complete = (event: EventInput): CalendarEvent => {
  if (isIncomplete(event)) throw new Error(`incomplete: ${event.missing.join(", ")}`);
  return event;
};

function problem(run: () => unknown): { path: string; detail: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return { path: error.path, detail: error.detail };
    throw error;
  }
  throw new Error("accepted bad input");
}

// The tenant of Microsoft's documentation samples: Samantha manages Dana.
const DOCS_TENANT = "a830edad905084922e17020313.onmicrosoft.com";
const docsOrg = buildOrgIndex(
  parseOrg({
    tenantDomains: [DOCS_TENANT, "contoso.onmicrosoft.com"],
    bigDealThreshold: 0,
    people: [
      {
        email: `samanthab@${DOCS_TENANT}`,
        aliases: ["samanthab@contoso.onmicrosoft.com"],
        name: "Samantha Booth",
        role: "manager",
        timeZone: "Pacific Standard Time",
      },
      { email: `danas@${DOCS_TENANT}`, name: "Dana Swope", role: "rep", manager: `samanthab@${DOCS_TENANT}` },
    ],
  }),
);
const DOCS_WINDOW = { start: utc("2016-01-01T00:00:00"), end: utc("2018-01-01T00:00:00") };

describe("mapGraphEventList on Microsoft's calendarView samples", () => {
  const SAMPLES = [
    "calendarView.list.response.json",
    "calendarView.calendar.list.response.json",
    "calendarView.delta.round1.page1.response.json",
    "calendarView.delta.round1.page2.response.json",
    "calendarView.delta.round1.page3.response.json",
    "calendarView.delta.round2.page1.response.json",
    "events.list.response.json",
  ];

  it.each(SAMPLES)("maps and classifies %s without error, one result per event", (name) => {
    const raw = fixture(name) as { value: unknown[] };
    const events = mapGraphEventList(raw);
    expect(events).toHaveLength(raw.value.length);
    const results = classifyEvents({
      manager: `samanthab@${DOCS_TENANT}`,
      org: docsOrg,
      events,
      window: DOCS_WINDOW,
    });
    expect(results).toHaveLength(events.length);
    for (const result of results) expect(result.reasons.length).toBeGreaterThan(0);
  });

  it("reports the truncated list sample as incomplete, keeping its iCalUId", () => {
    const [event] = mapGraphEventList(fixture("calendarView.list.response.json"));
    expect(event).toEqual({
      incomplete: true,
      id: null,
      iCalUId:
        "040000008200E00074C5B7101A82E00800000000D3D70B8A6A17D70100000000000000001000000074665914A06C3F49BB4B7D7EEE4304DA",
      missing: ["id", "start", "end"],
    });
  });

  it("reads the delta pages' UTC times and lower-cases the organizer", () => {
    const [first, second] = mapGraphEventList(fixture("calendarView.delta.round1.page1.response.json")).map(
      complete,
    );
    expect(first).toMatchObject({
      id: "AAMkADNVxRAAA=",
      iCalUId: null,
      start: utc("2016-12-09T20:30:00"),
      end: utc("2016-12-09T22:00:00"),
      organizer: { email: "samanthab@contoso.onmicrosoft.com", name: "Samantha Booth" },
      attendees: [],
      showAs: "unknown",
      ownerResponse: "none",
    });
    expect(second!.start).toBe(utc("2016-12-10T01:00:00"));
  });

  it("reports a delta tombstone as an incomplete event with its id", () => {
    const [removed, added] = mapGraphEventList(fixture("calendarView.delta.round2.page1.response.json"));
    expect(removed).toEqual({
      incomplete: true,
      id: "AAMkADk0MGFkODE3LWE4MmYtNDRhOS04OGQLkRkXbBznTvAADb6ytyAAA=",
      iCalUId: null,
      missing: ["start", "end"],
    });
    expect(complete(added!).start).toBe(utc("2016-12-25T06:00:00"));
  });

  it("reads Pacific times and mixed-case attendees from the events sample, and classifies it", () => {
    const events = mapGraphEventList(fixture("events.list.response.json"));
    const event = complete(events[0]!);
    expect(event.start).toBe(utc("2017-04-21T17:00:00"));
    expect(event.end).toBe(utc("2017-04-21T19:00:00"));
    expect(event.attendees).toEqual([
      { email: `samanthab@${DOCS_TENANT}`, name: "Samantha Booth", type: "required", response: "none" },
      { email: `danas@${DOCS_TENANT}`, name: "Dana Swope", type: "required", response: "none" },
    ]);
    const [result] = classifyEvents({
      manager: `SamanthaB@${DOCS_TENANT}`,
      org: docsOrg,
      events,
      window: DOCS_WINDOW,
    });
    expect(result).toMatchObject({
      initiator: "manager",
      kind: "one-on-one",
      development: "skill",
      reps: [`danas@${DOCS_TENANT}`],
      hours: 2,
    });
  });
});

describe("mapGraphEvent", () => {
  it("maps every field classification uses", () => {
    const event = complete(
      mapGraphEvent(
        buildGraphEvent({
          id: "AAMk-1",
          iCalUId: "0400-1",
          subject: "Ride-along",
          isOrganizer: true,
          showAs: "tentative",
          sensitivity: "private",
          categories: ["Field day"],
          type: "occurrence",
          seriesMasterId: "AAMk-series",
          responseStatus: { response: "tentativelyAccepted" },
          organizer: { emailAddress: { name: "Mary", address: "Mary@Contoso.COM" } },
          attendees: [graphAttendee("Jane@Contoso.com", "declined", "optional")],
        }),
        "$",
      ),
    );
    expect(event).toEqual({
      id: "AAMk-1",
      iCalUId: "0400-1",
      subject: "Ride-along",
      start: utc("2026-03-03T14:00:00"),
      end: utc("2026-03-03T15:00:00"),
      isAllDay: false,
      isCancelled: false,
      showAs: "tentative",
      sensitivity: "private",
      organizer: { email: "mary@contoso.com", name: "Mary" },
      attendees: [
        { email: "jane@contoso.com", name: "Jane@Contoso.com", type: "optional", response: "declined" },
      ],
      isOrganizer: true,
      ownerResponse: "tentativelyAccepted",
      categories: ["Field day"],
      type: "occurrence",
      seriesMasterId: "AAMk-series",
    });
  });

  it("keeps an all-day event's floating dates", () => {
    const event = complete(
      mapGraphEvent(
        buildGraphEvent({
          isAllDay: true,
          start: { dateTime: "2026-03-27T00:00:00.0000000", timeZone: "UTC" },
          end: { dateTime: "2026-03-31T00:00:00.0000000", timeZone: "UTC" },
        }),
        "$",
      ),
    );
    expect(event.allDayDates).toEqual({ start: "2026-03-27", end: "2026-03-31" });
    expect(event.end - event.start).toBe(4 * 86_400_000);
  });

  it("reads values Graph may add later, and nulls, as neutral", () => {
    const event = complete(
      mapGraphEvent(
        buildGraphEvent({
          showAs: "somewhereElse",
          sensitivity: "topSecret",
          type: "somethingNew",
          responseStatus: { response: "maybe" },
          isCancelled: null,
          categories: null,
          organizer: null,
          attendees: [
            { type: "room", status: { response: "thinking" }, emailAddress: { address: "x@contoso.com" } },
            { emailAddress: { address: "y@contoso.com" } },
          ],
        }),
        "$",
      ),
    );
    expect(event).toMatchObject({
      showAs: "unknown",
      sensitivity: "normal",
      type: "singleInstance",
      ownerResponse: "none",
      isCancelled: false,
      categories: [],
      organizer: null,
    });
    expect(event.attendees).toEqual([
      { email: "x@contoso.com", name: null, type: "required", response: "none" },
      { email: "y@contoso.com", name: null, type: "required", response: "none" },
    ]);
  });

  it("leaves out attendees and organizers without an address", () => {
    const event = complete(
      mapGraphEvent(
        buildGraphEvent({
          organizer: { emailAddress: { name: "Someone" } },
          attendees: [
            { type: "required", emailAddress: { name: "No address" } },
            { type: "required", emailAddress: { address: "" } },
            { type: "required" },
            graphAttendee("jane@contoso.com"),
          ],
        }),
        "$",
      ),
    );
    expect(event.organizer).toBeNull();
    expect(event.attendees.map((a) => a.email)).toEqual(["jane@contoso.com"]);
  });

  it("names what is missing when Graph left out id, start or end", () => {
    expect(
      mapGraphEvent({ iCalUId: "x", end: { dateTime: "2026-03-03T10:00:00", timeZone: "UTC" } }, "$"),
    ).toEqual({
      incomplete: true,
      id: null,
      iCalUId: "x",
      missing: ["id", "start"],
    });
  });

  const bad: ReadonlyArray<readonly [string, unknown, string, RegExp]> = [
    ["an event that is not an object", "event", "$", /must be an object/],
    ["a boolean as text", buildGraphEvent({ isAllDay: "yes" }), "$.isAllDay", /true or false/],
    ["an id that is a number", buildGraphEvent({ id: 7 }), "$.id", /must be a string/],
    ["attendees that are not a list", buildGraphEvent({ attendees: {} }), "$.attendees", /must be an array/],
    [
      "an attendee that is not an object",
      buildGraphEvent({ attendees: [graphAttendee("a@b.com"), 3] }),
      "$.attendees[1]",
      /must be an object/,
    ],
    [
      "an attendee address that is not text",
      buildGraphEvent({ attendees: [{ emailAddress: { address: 42 } }] }),
      "$.attendees[0].emailAddress.address",
      /must be a string/,
    ],
    [
      "a category that is not text",
      buildGraphEvent({ categories: ["Blue", 1] }),
      "$.categories[1]",
      /must be a string/,
    ],
    [
      "a start without its dateTime",
      buildGraphEvent({ start: { timeZone: "UTC" } }),
      "$.start.dateTime",
      /is missing/,
    ],
    [
      "a start without its zone",
      buildGraphEvent({ start: { dateTime: "2026-03-03T14:00:00" } }),
      "$.start.timeZone",
      /is missing/,
    ],
    [
      "a date-time that is not one",
      buildGraphEvent({ end: { dateTime: "next Tuesday", timeZone: "UTC" } }),
      "$.end.dateTime",
      /is not a date-time/,
    ],
    [
      "a zone nobody knows",
      buildGraphEvent({ start: { dateTime: "2026-03-03T14:00:00", timeZone: "Mars Standard Time" } }),
      "$.start.timeZone",
      /"Mars Standard Time" is not a known time zone/,
    ],
    [
      "an end before the start",
      buildGraphEvent({ end: { dateTime: "2026-03-03T13:00:00", timeZone: "UTC" } }),
      "$.end",
      /before start/,
    ],
    [
      "a responseStatus that is not an object",
      buildGraphEvent({ responseStatus: "accepted" }),
      "$.responseStatus",
      /must be an object/,
    ],
  ];

  it.each(bad)("refuses %s, naming its JSON path", (_name, raw, path, detail) => {
    const found = problem(() => mapGraphEvent(raw, "$"));
    expect(found.path).toBe(path);
    expect(found.detail).toMatch(detail);
  });
});

describe("mapGraphEventList", () => {
  it("takes a bare array, with paths into it", () => {
    expect(mapGraphEventList([buildGraphEvent(), buildGraphEvent()])).toHaveLength(2);
    expect(
      problem(() => mapGraphEventList([buildGraphEvent(), buildGraphEvent({ isCancelled: 1 })])).path,
    ).toBe("$[1].isCancelled");
  });

  it("takes a collection response with @odata keys, with paths into value", () => {
    const body = { "@odata.context": "x", "@odata.nextLink": "y", value: [buildGraphEvent({ showAs: 3 })] };
    expect(problem(() => mapGraphEventList(body)).path).toBe("$.value[0].showAs");
  });

  it.each([
    ["a number", 3, "$", /must be an object/],
    ["an object without value", { events: [] }, "$", /"value" array/],
    ["a value that is not a list", { value: {} }, "$.value", /must be an array/],
  ])("refuses %s", (_name, raw, path, detail) => {
    const found = problem(() => mapGraphEventList(raw));
    expect(found.path).toBe(path);
    expect(found.detail).toMatch(detail);
  });
});
