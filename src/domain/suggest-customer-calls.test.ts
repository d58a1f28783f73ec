import { describe, expect, it } from "vitest";
import type { CalendarEvent, EventInput } from "./calendar-event.ts";
import { buildOrgIndex } from "./org.ts";
import { readRepCalendar } from "./suggest-customer-calls.ts";
import { zoneNamed } from "./zoned-time.ts";

const org = buildOrgIndex({
  tenantDomains: ["contoso.com"],
  bigDealThreshold: 1_000_000,
  people: [],
  accounts: [
    { domain: "fabrikam.com", name: "Fabrikam", openPipeline: 2_500_000 },
    { domain: "litware.com", name: "Litware", openPipeline: 40_000 },
  ],
});

let next = 0;
function event(start: string, overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  next++;
  return {
    id: `e${next}`,
    iCalUId: `u${next}`,
    subject: "Call",
    start: Date.parse(start),
    end: Date.parse(start) + 3_600_000,
    isAllDay: false,
    isCancelled: false,
    showAs: "busy",
    sensitivity: "normal",
    organizer: { email: "ana@contoso.com", name: "Ana" },
    attendees: [{ email: "buyer@litware.com", name: null, type: "required", response: "accepted" }],
    isOrganizer: true,
    ownerResponse: "organizer",
    categories: [],
    type: "singleInstance",
    seriesMasterId: null,
    ...overrides,
  };
}

const read = (events: readonly EventInput[], zone = "America/New_York") =>
  readRepCalendar({ events, org, zone: zoneNamed(zone)! });
const count = (events: readonly EventInput[], zone = "America/New_York") =>
  Object.fromEntries(read(events, zone).callsByDay);

describe("readRepCalendar", () => {
  it("counts external meetings per date of the rep's own calendar, big deals apart", () => {
    const result = count([
      event("2026-03-03T14:00:00Z"),
      event("2026-03-03T16:00:00Z", {
        organizer: { email: "cfo@eu.fabrikam.com", name: null },
        isOrganizer: false,
      }),
      // 02:00 UTC on the 4th is still the 3rd in New York.
      event("2026-03-04T02:00:00Z"),
      event("2026-03-04T15:00:00Z", {
        attendees: [{ email: "someone@prospect.io", name: null, type: "optional", response: "none" }],
      }),
    ]);
    expect(result).toEqual({
      "2026-03-03": { ordinary: 2, bigDeal: 1 },
      "2026-03-04": { ordinary: 1, bigDeal: 0 },
    });
  });

  it("leaves out internal, cancelled, declined, all-day, free and incomplete events", () => {
    const result = count([
      event("2026-03-03T14:00:00Z", {
        attendees: [{ email: "bo@eu.contoso.com", name: null, type: "required", response: "accepted" }],
      }),
      event("2026-03-03T15:00:00Z", { isCancelled: true }),
      event("2026-03-03T16:00:00Z", { ownerResponse: "declined", isOrganizer: false }),
      event("2026-03-03T00:00:00Z", { isAllDay: true }),
      event("2026-03-03T17:00:00Z", { showAs: "free", isOrganizer: false }),
      event("2026-03-03T18:00:00Z", {
        attendees: [
          { email: "buyer@litware.com", name: null, type: "required", response: "declined" },
          { email: "room@litware.com", name: null, type: "resource", response: "accepted" },
        ],
      }),
      { incomplete: true, id: "x", iCalUId: null, missing: ["start"] },
      event("2026-03-03T19:00:00Z", { end: Date.parse("2026-03-03T19:00:00Z") }),
    ]);
    expect(result).toEqual({});
  });

  it("lists the ordinary calls to ride along on and every other event that takes the rep's time", () => {
    const at = (iso: string) => Date.parse(iso);
    const calendar = read([
      event("2026-03-03T16:00:00Z"),
      event("2026-03-03T14:00:00Z", { end: at("2026-03-03T14:30:00Z"), showAs: "tentative" }),
      // A call the rep organized and shows as free is still a call.
      event("2026-03-03T18:00:00Z", { showAs: "free" }),
      event("2026-03-03T15:00:00Z", {
        attendees: [{ email: "cfo@fabrikam.com", name: null, type: "required", response: "accepted" }],
      }),
      event("2026-03-03T13:00:00Z", {
        attendees: [{ email: "bo@contoso.com", name: null, type: "required", response: "accepted" }],
        showAs: "oof",
      }),
      event("2026-03-03T00:00:00Z", { isAllDay: true, end: at("2026-03-04T00:00:00Z") }),
      // Free time someone else organized, cancelled and declined events take none of the rep's time.
      event("2026-03-03T20:00:00Z", { showAs: "free", isOrganizer: false }),
      event("2026-03-03T21:00:00Z", { isCancelled: true }),
      event("2026-03-03T22:00:00Z", { ownerResponse: "declined", isOrganizer: false }),
    ]);
    expect(calendar.ordinaryCalls).toEqual([
      { start: at("2026-03-03T14:00:00Z"), end: at("2026-03-03T14:30:00Z") },
      { start: at("2026-03-03T16:00:00Z"), end: at("2026-03-03T17:00:00Z") },
      { start: at("2026-03-03T18:00:00Z"), end: at("2026-03-03T19:00:00Z") },
    ]);
    expect(calendar.otherEvents).toEqual([
      { start: at("2026-03-03T15:00:00Z"), end: at("2026-03-03T16:00:00Z"), status: "busy" },
      { start: at("2026-03-03T13:00:00Z"), end: at("2026-03-03T14:00:00Z"), status: "oof" },
      { start: at("2026-03-03T00:00:00Z"), end: at("2026-03-04T00:00:00Z"), status: "busy" },
    ]);
    expect(Object.fromEntries(calendar.callsByDay)).toEqual({ "2026-03-03": { ordinary: 3, bigDeal: 1 } });
  });

  it("treats a look-alike of the tenant's domain as a customer", () => {
    const result = count([
      event("2026-03-03T14:00:00Z", {
        attendees: [{ email: "x@contoso.com.evil.com", name: null, type: "required", response: "none" }],
      }),
    ]);
    expect(result).toEqual({ "2026-03-03": { ordinary: 1, bigDeal: 0 } });
  });
});
