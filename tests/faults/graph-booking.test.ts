/*
 * Booking a suggested field day (POST /api/suggestions/:id/accept) while Graph fails: 429s with
 * Retry-After, 503s, dropped connections, answers lost after Graph acted, answers that come too late,
 * and a double click on a slow Graph. Whatever happens, the manager's calendar holds at most one event
 * per suggestion (its transactionId), a booking FieldCoach answered is there with one note, a booking
 * that failed says so (502 `graph_unavailable`, a sentence, Retry-After) and is offered again, and its
 * retry books the event Graph may already hold rather than a second one. Coaching notes do not need
 * Graph: they open and autosave while it refuses everything.
 */

import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Suggestion } from "../../src/api/suggestions.ts";
import { generateDemoTenant } from "../../src/demo-tenant/generate-demo-tenant.ts";
import { TEAM_STORIES } from "../../src/demo-tenant/roster.ts";
import type { FaultMatch, SimFaults } from "../../src/graph-sim/sim-faults.ts";
import type { SimTenant, SimUser } from "../../src/graph-sim/tenant-data.ts";
import { openStore } from "../../src/store/store.ts";
import { type FaultWorld, startFaultWorld } from "../support/fault-world.ts";

const NOW = Date.parse("2026-03-04T15:00:00Z");
const BUSY = "Microsoft 365 is busy or unreachable; try again shortly.";
const creates: FaultMatch = (target) => target.kind === "events.create";

let world: FaultWorld;
let tenant: SimTenant;
let tomas: SimUser;
let dana: SimUser;
/** Tomás's offers, read once: listing again would replace the offers not yet decided. */
let offers: Suggestion[];

beforeAll(async () => {
  tenant = generateDemoTenant({ seed: 1, anchor: "2026-03-02" });
  const managerOf = (pattern: string) =>
    tenant.users.find((user) => user.mail === TEAM_STORIES.find((s) => s.pattern === pattern)!.manager)!;
  tomas = managerOf("overdue-new-hires");
  dana = managerOf("field-day-cadence");
  const store = await openStore({ kind: "pglite", memory: true });
  world = await startFaultWorld({ tenant, now: NOW, store });
  const listed = await world.call(tomas, "GET", "/api/suggestions");
  expect(listed.statusCode).toBe(200);
  offers = listed.json().suggestions;
  expect(offers.length).toBeGreaterThanOrEqual(6);
});

afterAll(async () => {
  await world.close();
  await world.store.close();
});

const sim = () => world.sim;
const accept = (manager: SimUser, id: string) => world.call(manager, "POST", `/api/suggestions/${id}/accept`);
const transactionOf = async (id: string) =>
  (await world.store.suggestions.get(tenant.tenantId, id))!.transactionId;
/** Accepts with faults turned on in the simulator, turned off again once FieldCoach has answered. */
async function acceptWhile(faults: (faults: SimFaults) => void, manager: SimUser, id: string) {
  world.waits.length = 0;
  sim().resetStats();
  faults(sim().faults);
  try {
    return await accept(manager, id);
  } finally {
    sim().faults.clear();
  }
}

/** The events in Graph created with a suggestion's transactionId. */
const eventsOf = async (id: string) => {
  const transactionId = await transactionOf(id);
  return sim()
    .state.meetings()
    .filter((meeting) => sim().state.transactionIdOf(meeting.iCalUId) === transactionId);
};

/** The booking as FieldCoach answered it: one event in Graph, one note for it, the event classified. */
async function expectBookedOnce(id: string, body: { noteId: string; event: { iCalUId: string } }) {
  const events = await eventsOf(id);
  expect(events).toHaveLength(1);
  expect(body.event.iCalUId).toBe(events[0]!.iCalUId);
  const notes = await world.store.notes.list(tenant.tenantId, { meetingICalUId: events[0]!.iCalUId });
  expect(notes.map((note) => note.noteId)).toEqual([body.noteId]);
  expect(sim().state.bodyOf(events[0]!.iCalUId)?.content).toContain(`#/note/${body.noteId}`);
  const stored = await world.store.events.withICalUId(tenant.tenantId, events[0]!.iCalUId);
  expect(stored.map((event) => event.kind)).toEqual(["field-day"]);
  expect((await world.store.suggestions.get(tenant.tenantId, id))!.eventId).not.toBeNull();
}

/** What the manager is told when the booking failed: 502, a sentence, and when to try again. */
function expectToldToRetry(response: LightMyRequestResponse, retryAfter: string) {
  expect(response.statusCode).toBe(502);
  expect(response.json()).toEqual({ code: "graph_unavailable", message: BUSY });
  expect(response.headers["retry-after"]).toBe(retryAfter);
}

/**
 * After a failed booking: nothing is booked as far as FieldCoach knows and the suggestion is offered
 * again; accepting it again books once, the event Graph may already hold included.
 */
async function expectRetryBooksOnce(manager: SimUser, id: string) {
  const suggestion = (await world.store.suggestions.get(tenant.tenantId, id))!;
  expect(suggestion).toMatchObject({ status: "offered", eventId: null, noteId: null });
  const notes = await world.store.notes.list(tenant.tenantId, {
    managerEmails: [manager.mail],
    repEmails: [suggestion.repEmail],
  });
  expect(notes.filter((note) => note.meetingStart === suggestion.start)).toEqual([]);
  const booked = await accept(manager, id);
  expect(booked.statusCode).toBe(200);
  await expectBookedOnce(id, booked.json());
}

describe("booking a field day while Graph fails", () => {
  it("429s with Retry-After: the create is sent again after exactly the wait Graph named, and books once", async () => {
    const offer = offers[0]!;
    const booked = await acceptWhile(
      (faults) => faults.throttle({ times: 3, retryAfterSeconds: 2, match: creates }),
      tomas,
      offer.id,
    );
    expect(booked.statusCode).toBe(200);
    expect(world.waits).toEqual([2_000, 2_000, 2_000]);
    expect(booked.json().suggestion.status).toBe("accepted");
    await expectBookedOnce(offer.id, booked.json());
  });

  it("503s and a dropped connection: the create is sent again (its transactionId makes that safe) and books once", async () => {
    const offer = offers[1]!;
    const booked = await acceptWhile(
      (faults) => {
        faults.dropConnections({ times: 1, when: "before", match: creates });
        faults.serviceUnavailable({ times: 2, match: creates });
      },
      tomas,
      offer.id,
    );
    expect(booked.statusCode).toBe(200);
    expect(sim().stats()).toMatchObject({ dropped: 1, unavailable: 2 });
    expect(world.waits).toEqual([500, 1_000, 2_000]);
    await expectBookedOnce(offer.id, booked.json());
  });

  it("a Graph that keeps refusing: 502 graph_unavailable with a sentence, nothing booked, offered again; the retry books once", async () => {
    const offer = (await world.call(dana, "GET", "/api/suggestions")).json().suggestions[0] as Suggestion;
    const refused = await acceptWhile(
      (faults) => faults.serviceUnavailable({ times: 1_000, match: creates }),
      dana,
      offer.id,
    );
    expectToldToRetry(refused, "5");
    expect(await eventsOf(offer.id)).toEqual([]);
    const listed = (await world.call(dana, "GET", "/api/suggestions")).json().suggestions as Suggestion[];
    expect(listed.find((s) => s.id === offer.id)?.status).toBe("offered");
    await expectRetryBooksOnce(dana, offer.id);
  });

  it("Graph asks to wait longer than a minute: 502 at once with Graph's Retry-After, nothing booked", async () => {
    const offer = offers[2]!;
    const refused = await acceptWhile(
      (faults) => faults.throttle({ times: 1, retryAfterSeconds: 90, match: creates }),
      tomas,
      offer.id,
    );
    expectToldToRetry(refused, "90");
    expect(world.waits).toEqual([]);
    expect(await eventsOf(offer.id)).toEqual([]);
    await expectRetryBooksOnce(tomas, offer.id);
  });

  it("Graph books but every answer is lost: 502, one event in the calendar, and the retry books that event", async () => {
    const offer = offers[3]!;
    const lost = await acceptWhile(
      (faults) => faults.dropConnections({ times: 1_000, when: "after", match: creates }),
      tomas,
      offer.id,
    );
    expectToldToRetry(lost, "5");
    expect(sim().stats().dropped).toBe(4);
    // Four creates reached Graph; the transactionId made them one event.
    expect(await eventsOf(offer.id)).toHaveLength(1);
    await expectRetryBooksOnce(tomas, offer.id);
  });

  it("Graph answers too late: every try times out, Graph still books once, and the retry books that event", async () => {
    const offer = offers[4]!;
    const transactionId = await transactionOf(offer.id);
    // Longer than the client's per-try timeout; Graph acts on each create once the delay is over.
    const late = await acceptWhile((faults) => faults.latency(1_500), tomas, offer.id);
    expectToldToRetry(late, "5");
    await expect
      .poll(() => sim().state.meetingOfTransaction(tomas.id, transactionId), { timeout: 10_000 })
      .toBeDefined();
    await expectRetryBooksOnce(tomas, offer.id);
  });

  it("a double click on a slow Graph: two accepts at once book one event and one note, and answer alike", async () => {
    const offer = offers[5]!;
    sim().faults.latency(300);
    const [first, second] = await Promise.all([accept(tomas, offer.id), accept(tomas, offer.id)]);
    sim().faults.clear();
    expect([first!.statusCode, second!.statusCode]).toEqual([200, 200]);
    expect(second!.json()).toEqual(first!.json());
    await expectBookedOnce(offer.id, first!.json());
  });

  it("while Graph refuses everything, a note of a meeting FieldCoach knows opens and autosaves", async () => {
    const rep = tenant.users.find((user) => user.managerId === tomas.id)!;
    const meeting = (
      await world.store.events.inWindow(tenant.tenantId, tomas.mail, {
        start: NOW - 30 * 86_400_000,
        end: NOW,
      })
    ).find((event) => event.reps.includes(rep.mail) && !event.isCancelled)!;
    sim().faults.serviceUnavailable({ times: 1_000 });
    sim().faults.dropConnections({ times: 1_000, when: "before" });
    sim().resetStats();
    const opened = await world.call(tomas, "POST", "/api/notes", {
      body: { meeting: meeting.iCalUId, rep: rep.mail },
    });
    expect(opened.statusCode).toBe(201);
    const saved = await world.call(tomas, "PUT", `/api/notes/${opened.json().id}`, {
      headers: { "if-match": opened.headers.etag as string },
      body: { focus: [], wentWell: "Asked open questions.", gaps: "", privateNotes: "", actions: [] },
    });
    sim().faults.clear();
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, wentWell: "Asked open questions." });
    expect(sim().stats().requests).toBe(0);
  });
});
