import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CalendarEvent } from "../src/domain/calendar-event.ts";
import type { FieldDayBooking } from "../src/domain/graph-ports.ts";
import { readCalendarView } from "../src/graph/calendar-view.ts";
import { createEventWriter, FIELD_DAY_CATEGORY, fieldDayEventBody } from "../src/graph/create-field-day.ts";
import { syncCalendars } from "../src/graph/delta-sync.ts";
import {
  createEventSessionLinks,
  SESSION_EXTENSION_NAME,
  sessionIdOfExtension,
} from "../src/graph/event-extension.ts";
import { PERMISSIONS } from "../src/graph/permissions.ts";
import { type GraphWorld, salesOrg, startGraphWorld, window } from "./graph-test-support.ts";

const org = salesOrg();
const megan = org.managers[0]!;
const alex = org.reps[0]!;
const week = window("2026-03-09T00:00:00Z", "2026-03-16T00:00:00Z");
let world: GraphWorld;

beforeAll(async () => {
  world = await startGraphWorld(org.tenant);
});

afterAll(async () => {
  await world.close();
});

afterEach(() => {
  world.sim.faults.clear();
  world.sim.resetStats();
});

function booking(overrides: Partial<FieldDayBooking> = {}): FieldDayBooking {
  return {
    organizerId: megan.id,
    subject: "Field day with Alex",
    start: Date.parse("2026-03-12T16:00:00Z"),
    end: Date.parse("2026-03-12T20:00:00Z"),
    attendees: [{ email: alex.mail, name: alex.displayName }],
    noteUrl: "https://fieldcoach.example/notes/7f3a?tab=plan&x=<1>",
    transactionId: "4d9c3e59-7a55-4c39-9d1c-8f0b1c2d3e4f",
    sessionId: "session-42",
    ...overrides,
  };
}

function subjectsIn(events: readonly unknown[], subject: string): CalendarEvent[] {
  return (events as CalendarEvent[]).filter((e) => e.subject === subject);
}

describe("field-day body", () => {
  it("carries the category, the note link (escaped), the transaction id and the session extension", () => {
    const body = fieldDayEventBody(booking());
    expect(body).toMatchObject({
      categories: [FIELD_DAY_CATEGORY],
      transactionId: "4d9c3e59-7a55-4c39-9d1c-8f0b1c2d3e4f",
      start: { dateTime: "2026-03-12T16:00:00", timeZone: "UTC" },
      attendees: [{ emailAddress: { address: alex.mail, name: alex.displayName }, type: "required" }],
      extensions: [{ extensionName: SESSION_EXTENSION_NAME, sessionId: "session-42" }],
    });
    const html = (body.body as { content: string }).content;
    expect(html).toContain('href="https://fieldcoach.example/notes/7f3a?tab=plan&amp;x=%3C1%3E"');
  });

  it("refuses a booking it cannot send, naming why", () => {
    expect(() => fieldDayEventBody(booking({ noteUrl: "/notes/7f3a" }))).toThrow(/absolute URL/);
    expect(() => fieldDayEventBody(booking({ noteUrl: "javascript:alert(1)" }))).toThrow(/http or https/);
    expect(() => fieldDayEventBody(booking({ end: Date.parse("2026-03-12T16:00:00Z") }))).toThrow(
      /end after/,
    );
    expect(() => fieldDayEventBody(booking({ transactionId: " " }))).toThrow(/transaction id/);
  });
});

describe("booking a field day", () => {
  it("creates the event in the manager's calendar and an invitation in the rep's", async () => {
    const writer = createEventWriter(world.clientFor(megan).client);
    const booked = await writer.createFieldDay(
      booking({ transactionId: "tx-invite", subject: "Field day A" }),
    );
    expect(booked.event).toMatchObject({
      isOrganizer: true,
      categories: [FIELD_DAY_CATEGORY],
      subject: "Field day A",
    });
    expect(booked.webLink).toContain("outlook.office365.com");
    const repView = await readCalendarView(world.clientFor(alex).client, alex.id, week);
    const [invitation] = subjectsIn(repView, "Field day A");
    expect(invitation).toMatchObject({
      iCalUId: booked.iCalUId,
      isOrganizer: false,
      ownerResponse: "none",
      showAs: "tentative",
      organizer: { email: megan.mail },
    });
    expect(invitation!.id).not.toBe(booked.id);
  });

  it("yields one event when the connection drops after Graph created it and the client sends it again", async () => {
    const { client, waits } = world.clientFor(megan, { backoffMs: 20 });
    world.sim.faults.dropConnections({ times: 1, when: "after", match: (t) => t.kind === "events.create" });
    const booked = await createEventWriter(client).createFieldDay(
      booking({ transactionId: "tx-dropped", subject: "Field day B" }),
    );
    expect(world.sim.stats()).toMatchObject({ dropped: 1, byKind: { "events.create": 2 } });
    expect(waits).toEqual([20]);
    const created = world.sim.state.meetings().filter((m) => m.subject === "Field day B");
    expect(created).toHaveLength(1);
    expect(booked.iCalUId).toBe(created[0]!.iCalUId);
    const again = await createEventWriter(client).createFieldDay(
      booking({ transactionId: "tx-dropped", subject: "Field day B" }),
    );
    expect(again.id).toBe(booked.id);
    expect(world.sim.state.meetings().filter((m) => m.subject === "Field day B")).toHaveLength(1);
  });

  it("books another event for another transaction id", async () => {
    const writer = createEventWriter(world.clientFor(megan).client);
    const first = await writer.createFieldDay(booking({ transactionId: "tx-c1", subject: "Field day C" }));
    const second = await writer.createFieldDay(booking({ transactionId: "tx-c2", subject: "Field day C" }));
    expect(second.id).not.toBe(first.id);
  });

  it("needs Calendars.ReadWrite: a read-only token gets a permission error naming it", async () => {
    const writer = createEventWriter(world.clientWithScopes(megan, ["Calendars.Read"]).client);
    await expect(writer.createFieldDay(booking({ transactionId: "tx-ro" }))).rejects.toMatchObject({
      kind: "permission",
      status: 403,
      neededScopes: ["Calendars.ReadWrite"],
    });
  });
});

describe("the session extension", () => {
  it("round-trips: written at creation, read back, rewritten", async () => {
    const { client } = world.clientFor(megan);
    const booked = await createEventWriter(client).createFieldDay(
      booking({ transactionId: "tx-ext", sessionId: "s-1" }),
    );
    const links = createEventSessionLinks(client);
    expect(await links.sessionIdOf(megan.id, booked.id)).toBe("s-1");
    await links.linkSession(megan.id, booked.id, "s-2");
    expect(await links.sessionIdOf(megan.id, booked.id)).toBe("s-2");
  });

  it("is absent on an event FieldCoach did not book, and on the rep's copy", async () => {
    const { client } = world.clientFor(megan);
    await createEventWriter(client).createFieldDay(
      booking({ transactionId: "tx-ext2", subject: "Field day E" }),
    );
    const repCopy = subjectsIn(
      await readCalendarView(world.clientFor(alex).client, alex.id, week),
      "Field day E",
    )[0]!;
    expect(
      await createEventSessionLinks(world.clientFor(alex).client).sessionIdOf(alex.id, repCopy.id),
    ).toBeUndefined();
    const someoneElses = world.sim.state.eventId(megan.id, org.tenant.meetings[0]!.iCalUId);
    expect(await createEventSessionLinks(client).sessionIdOf(megan.id, someoneElses)).toBeUndefined();
  });

  it("reads only FieldCoach's extension name", () => {
    expect(sessionIdOfExtension({ extensionName: "Com.Contoso.Deal", sessionId: "x" })).toBeUndefined();
    expect(sessionIdOfExtension({ extensionName: "COM.FIELDCOACH.SESSION", sessionId: "x" })).toBe("x");
  });
});

describe("invitations answered and meetings cancelled", () => {
  it("show in the organizer's delta as updates and removals", async () => {
    const { client } = world.clientFor(megan);
    const booked = await createEventWriter(client).createFieldDay(
      booking({ transactionId: "tx-answer", subject: "Field day F" }),
    );
    const [first] = await syncCalendars(client, [{ mailboxId: megan.id, window: week, state: undefined }]);
    if (first === undefined || !first.ok) throw new Error("first sync failed");

    const alexClient = world.clientFor(alex).client;
    const repCopy = subjectsIn(await readCalendarView(alexClient, alex.id, week), "Field day F")[0]!;
    await alexClient.send({
      method: "POST",
      url: `/users/${alex.id}/events/${repCopy.id}/accept`,
      permission: PERMISSIONS.writeCalendar,
      body: { sendResponse: true },
    });
    const [answered] = await syncCalendars(client, [
      { mailboxId: megan.id, window: week, state: first.state },
    ]);
    if (answered === undefined || !answered.ok) throw new Error("second sync failed");
    expect(answered.changed).toHaveLength(1);
    expect((answered.changed[0] as CalendarEvent).attendees).toEqual([
      expect.objectContaining({ email: alex.mail, response: "accepted" }),
    ]);

    await client.send({
      method: "POST",
      url: `/users/${megan.id}/events/${booked.id}/cancel`,
      permission: PERMISSIONS.writeCalendar,
      body: { Comment: "Rescheduling" },
    });
    const [cancelled] = await syncCalendars(client, [
      { mailboxId: megan.id, window: week, state: answered.state },
    ]);
    expect(cancelled).toMatchObject({ ok: true, changed: [], removedIds: [booked.id] });
    const alexAfter = subjectsIn(await readCalendarView(alexClient, alex.id, week), "Field day F")[0]!;
    expect(alexAfter.isCancelled).toBe(true);
  });

  it("refuses a cancel from an attendee and an answer from the organizer", async () => {
    const { client } = world.clientFor(megan);
    const booked = await createEventWriter(client).createFieldDay(
      booking({ transactionId: "tx-refuse", subject: "Field day G" }),
    );
    await expect(
      client.send({
        method: "POST",
        url: `/users/${megan.id}/events/${booked.id}/accept`,
        permission: PERMISSIONS.writeCalendar,
        body: {},
      }),
    ).rejects.toMatchObject({ kind: "bad-request", status: 400 });
    const alexClient = world.clientFor(alex).client;
    const repCopy = subjectsIn(await readCalendarView(alexClient, alex.id, week), "Field day G")[0]!;
    await expect(
      alexClient.send({
        method: "POST",
        url: `/users/${alex.id}/events/${repCopy.id}/cancel`,
        permission: PERMISSIONS.writeCalendar,
        body: {},
      }),
    ).rejects.toMatchObject({ kind: "bad-request", status: 400 });
  });
});
