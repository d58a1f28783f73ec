import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { attendeeOf, buildMeeting, buildTenant, buildUser } from "../demo-tenant/sim-test-builders.ts";
import { isIncomplete } from "../domain/calendar-event.ts";
import { mapGraphEvent } from "../graph/map-event.ts";
import { type GraphJson, graphEventFor, mailboxesOf } from "./mailbox-copy.ts";

const sample = JSON.parse(
  readFileSync(new URL("../../tests/fixtures/event.create.response.json", import.meta.url), "utf8"),
) as GraphJson;

const manager = buildUser("megan", { aliases: ["megan.bowen@contoso.com"] });
const rep = buildUser("alex");
const otherRep = buildUser("nestor");
const customer = {
  email: "buyer@fabrikam.com",
  name: "Pat Buyer",
  type: "required",
  response: "none",
} as const;
const room = {
  email: "rainier@contoso.com",
  name: "Conf Room Rainier",
  type: "resource",
  response: "accepted",
} as const;

const call = buildMeeting(rep, {
  attendees: [attendeeOf(manager), attendeeOf(otherRep, "declined"), customer, room],
  location: "Conf Room Rainier",
});
const tenant = buildTenant([manager, rep, otherRep], [call]);

function typeOf(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

describe("mailboxesOf", () => {
  it("puts the meeting in the internal organizer's and every internal attendee's calendar", () => {
    expect(mailboxesOf(call, tenant)).toEqual([rep.id, manager.id, otherRep.id]);
  });

  it("matches people by alias and leaves out customers and rooms", () => {
    const byAlias = buildMeeting(buildUser("pat", { mail: "buyer@fabrikam.com" }), {
      organizer: "buyer@fabrikam.com",
      attendees: [{ ...attendeeOf(manager), email: "MEGAN.BOWEN@contoso.com" }, room],
    });
    expect(mailboxesOf(byAlias, tenant)).toEqual([manager.id]);
  });

  it("narrows to the listed mailboxes and drops the organizer's copy of a cancelled meeting", () => {
    expect(mailboxesOf({ ...call, mailboxes: [manager.id] }, tenant)).toEqual([manager.id]);
    expect(mailboxesOf({ ...call, isCancelled: true }, tenant)).toEqual([manager.id, otherRep.id]);
  });
});

describe("graphEventFor", () => {
  const copies = mailboxesOf(call, tenant).map((id) =>
    graphEventFor(call, tenant.users.find((u) => u.id === id)!),
  );
  const [repCopy, managerCopy, declinedCopy] = copies as [GraphJson, GraphJson, GraphJson];

  it("has the keys and value types of a Graph event", () => {
    // The simulator knows no original creation zone and sends no @odata.context on single events.
    const notSent = new Set(["@odata.context", "originalStartTimeZone", "originalEndTimeZone"]);
    for (const [key, value] of Object.entries(sample)) {
      if (notSent.has(key)) continue;
      expect(managerCopy, key).toHaveProperty([key]);
      if (value !== null && managerCopy[key] !== null)
        expect(typeOf(managerCopy[key]), key).toBe(typeOf(value));
    }
    expect(Object.keys(managerCopy).filter((k) => !(k in sample))).toEqual([]);
    expect(managerCopy.start).toEqual({ dateTime: "2026-03-03T17:00:00.0000000", timeZone: "UTC" });
    expect(managerCopy.body).toEqual({ contentType: "text", content: call.body });
  });

  it("shares the iCalUId, gives each mailbox its own id, and marks only the organizer's copy", () => {
    expect(new Set(copies.map((c) => c.iCalUId))).toEqual(new Set([call.iCalUId]));
    expect(new Set(copies.map((c) => c.id)).size).toBe(3);
    expect(copies.map((c) => c.isOrganizer)).toEqual([true, false, false]);
    expect(repCopy.responseStatus).toEqual({ response: "organizer", time: "0001-01-01T00:00:00Z" });
    expect(managerCopy.responseStatus).toMatchObject({ response: "accepted" });
  });

  it("keeps a declined copy that blocks no time", () => {
    expect(declinedCopy).toMatchObject({ responseStatus: { response: "declined" }, showAs: "free" });
    expect(managerCopy.showAs).toBe("busy");
  });

  it("shows an unanswered invitation as tentative", () => {
    const unanswered = { ...call, attendees: [attendeeOf(manager, "none")] };
    expect(graphEventFor(unanswered, manager).showAs).toBe("tentative");
  });

  it("tracks other attendees' responses only in the organizer's copy", () => {
    const responses = (copy: GraphJson) =>
      (copy.attendees as { status: { response: string } }[]).map((a) => a.status.response);
    expect(responses(repCopy)).toEqual(["accepted", "declined", "none", "accepted"]);
    expect(responses(managerCopy)).toEqual(["accepted", "none", "none", "none"]);
  });

  it("is deterministic and changes its change key when the meeting changes", () => {
    expect(graphEventFor(call, manager)).toEqual(managerCopy);
    const moved = graphEventFor({ ...call, start: "2026-03-03T18:00:00.000Z" }, manager);
    expect(moved.id).toBe(managerCopy.id);
    expect(moved.changeKey).not.toBe(managerCopy.changeKey);
  });

  it("gives occurrences of one series the same seriesMasterId per mailbox", () => {
    const first = { ...call, seriesKey: "weekly-1-1", iCalUId: `${call.iCalUId}01` };
    const moved = { ...first, iCalUId: `${call.iCalUId}02`, isException: true };
    const a = graphEventFor(first, manager);
    const b = graphEventFor(moved, manager);
    expect([a.type, b.type]).toEqual(["occurrence", "exception"]);
    expect(a.seriesMasterId).toBe(b.seriesMasterId);
    expect(graphEventFor(first, rep).seriesMasterId).not.toBe(a.seriesMasterId);
    expect(managerCopy).toMatchObject({ type: "singleInstance", seriesMasterId: null });
  });

  it("writes all-day events as floating dates and maps back to the same meeting", () => {
    const ooo = buildMeeting(manager, {
      isAllDay: true,
      start: "2026-03-05T00:00:00.000Z",
      end: "2026-03-07T00:00:00.000Z",
      showAs: "oof",
      sensitivity: "private",
    });
    const mapped = mapGraphEvent(graphEventFor(ooo, manager), "$");
    if (isIncomplete(mapped)) throw new Error("complete event expected");
    expect(mapped).toMatchObject({
      isAllDay: true,
      allDayDates: { start: "2026-03-05", end: "2026-03-07" },
      showAs: "oof",
      sensitivity: "private",
      isOrganizer: true,
      ownerResponse: "organizer",
    });
    const back = mapGraphEvent(managerCopy, "$");
    if (isIncomplete(back)) throw new Error("complete event expected");
    expect(back).toMatchObject({
      start: Date.parse(call.start),
      end: Date.parse(call.end),
      organizer: { email: rep.mail },
      ownerResponse: "accepted",
    });
    expect(back.attendees.map((a) => a.type)).toEqual(["required", "required", "required", "resource"]);
  });
});
