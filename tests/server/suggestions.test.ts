import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoTenant } from "../../src/demo-tenant/generate-demo-tenant.ts";
import { TEAM_STORIES } from "../../src/demo-tenant/roster.ts";
import type { SimTenant, SimUser } from "../../src/graph-sim/tenant-data.ts";
import { openTestStore, type ServerWorld, startServerWorld } from "./server-world.ts";

const NOW = Date.parse("2026-03-02T13:00:00Z");
let world: ServerWorld;
let tenant: SimTenant;
let manager: SimUser;

beforeAll(async () => {
  tenant = generateDemoTenant({ seed: 1, anchor: "2026-03-02" });
  const story = TEAM_STORIES.find((s) => s.pattern === "overdue-new-hires")!;
  manager = tenant.users.find((user) => user.mail === story.manager)!;
  const { store } = await openTestStore("pglite");
  world = await startServerWorld({ tenants: [tenant], now: NOW, store });
});

afterAll(async () => {
  await world.close();
  await world.store.close();
});

interface SuggestionJson {
  id: string;
  rep: { email: string; name: string };
  day: string;
  start: string;
  end: string;
  score: number;
  reasons: string[];
  status: string;
}

interface RepCalendarJson {
  rep: { email: string };
  read: boolean;
  via?: string;
  why?: string;
}

const sim = () => world.tenants[0]!.sim;
const createdByFieldCoach = () =>
  sim()
    .state.meetings()
    .filter(
      (m) => m.categories.includes("Field day") && sim().state.transactionIdOf(m.iCalUId) !== undefined,
    );

describe("field-day suggestions", () => {
  it("suggests blocks for the reps who are due, with reasons, best first", async () => {
    const response = await world.call(manager, "GET", "/api/suggestions");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.suggestions.length).toBeGreaterThan(0);
    for (const suggestion of body.suggestions as SuggestionJson[]) {
      expect(suggestion.status).toBe("offered");
      expect(Date.parse(suggestion.start)).toBeGreaterThanOrEqual(NOW);
    }
    const scores = body.suggestions.map((s: { score: number }) => s.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    expect(body.zone).toMatch(/\//);
  });

  it("lets only the manager book; an executive above may look but not accept", async () => {
    const vp = tenant.users.find((user) => user.id === manager.managerId)!;
    const listed = await world.call(
      vp,
      "GET",
      `/api/suggestions?manager=${encodeURIComponent(manager.mail)}`,
    );
    expect(listed.statusCode).toBe(200);
    const first = listed.json().suggestions[0] as SuggestionJson;
    expect((await world.call(vp, "POST", `/api/suggestions/${first.id}/accept`)).statusCode).toBe(404);
  });

  it("books one event and one note however often it is accepted, even when Graph's answer is lost", async () => {
    const suggestion = (await world.call(manager, "GET", "/api/suggestions")).json()
      .suggestions[0] as SuggestionJson;
    const before = createdByFieldCoach().length;
    // The create reaches Graph but its answer never comes back: the client sends it again.
    sim().faults.dropConnections({
      times: 1,
      when: "after",
      match: (target) => target.kind === "events.create",
    });
    const first = await world.call(manager, "POST", `/api/suggestions/${suggestion.id}/accept`);
    expect(first.statusCode).toBe(200);
    expect(sim().stats().dropped).toBe(1);
    const second = await world.call(manager, "POST", `/api/suggestions/${suggestion.id}/accept`);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect(first.json().suggestion.status).toBe("accepted");
    expect(createdByFieldCoach().length).toBe(before + 1);
    const booked = createdByFieldCoach().at(-1)!;
    expect(booked.attendees.map((a) => a.email)).toEqual([suggestion.rep.email]);
    expect(sim().state.bodyOf(booked.iCalUId)?.content).toContain(`#/note/${first.json().noteId}`);
    const notes = (
      await world.call(manager, "GET", `/api/notes?meeting=${encodeURIComponent(booked.iCalUId)}`)
    ).json().notes;
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      id: first.json().noteId,
      status: "draft",
      rep: { email: suggestion.rep.email },
    });
    const events = await world.call(
      manager,
      "GET",
      `/api/events?from=${suggestion.start}&to=${suggestion.end}&iCalUId=${encodeURIComponent(booked.iCalUId)}`,
    );
    expect(events.json().events[0]).toMatchObject({
      kind: "field-day",
      initiator: "manager",
      development: "skill",
    });
  });

  it("does not offer a dismissed rep and day again, and refuses to book it", async () => {
    const suggestion = (await world.call(manager, "GET", "/api/suggestions"))
      .json()
      .suggestions.find((s: SuggestionJson) => s.status === "offered") as SuggestionJson;
    const dismissed = await world.call(manager, "POST", `/api/suggestions/${suggestion.id}/dismiss`);
    expect(dismissed.statusCode).toBe(200);
    expect(dismissed.json().suggestion.status).toBe("dismissed");
    const again = (await world.call(manager, "GET", "/api/suggestions")).json()
      .suggestions as SuggestionJson[];
    expect(again.some((s) => s.rep.email === suggestion.rep.email && s.day === suggestion.day)).toBe(false);
    const accept = await world.call(manager, "POST", `/api/suggestions/${suggestion.id}/accept`);
    expect(accept.statusCode).toBe(409);
    expect(accept.json().code).toBe("conflict");
  });
});

const repsOf = (boss: SimUser) => tenant.users.filter((user) => user.managerId === boss.id);
const internal = (address: string) => tenant.domains.some((domain) => address.endsWith(`@${domain}`));

/** The rep's meetings with someone outside the tenant that lie wholly inside the block, from the tenant itself. */
function externalMeetingsInside(rep: SimUser, suggestion: SuggestionJson) {
  const start = Date.parse(suggestion.start);
  const end = Date.parse(suggestion.end);
  return tenant.meetings.filter(
    (m) =>
      !m.isCancelled &&
      (m.organizer === rep.mail ||
        m.attendees.some((a) => a.email === rep.mail && a.response !== "declined")) &&
      [m.organizer, ...m.attendees.map((a) => a.email)].some((address) => !internal(address)) &&
      Date.parse(m.start) >= start &&
      Date.parse(m.end) <= end,
  );
}

describe("ranking by the reps' own calendars", () => {
  it("with app-only Calendars.Read, reads every rep's calendar and rides along on their ordinary customer calls", async () => {
    const body = (await world.call(manager, "GET", "/api/suggestions")).json();
    const calendars = body.repCalendars as RepCalendarJson[];
    expect(calendars.map((c) => c.rep.email).sort()).toEqual(
      repsOf(manager)
        .map((rep) => rep.mail)
        .sort(),
    );
    expect(calendars.every((c) => c.read && c.via === "application")).toBe(true);
    const offered = (body.suggestions as SuggestionJson[]).filter((s) => s.status === "offered");
    const riding = offered.filter((s) => s.reasons[0]!.startsWith("Rides along on "));
    expect(riding.length).toBeGreaterThan(0);
    for (const suggestion of riding) {
      const calls = Number(
        /^Rides along on (\d+) customer calls? \(none a big deal\)/.exec(suggestion.reasons[0]!)![1],
      );
      expect(calls).toBeGreaterThan(0);
      expect(suggestion.score).toBeGreaterThanOrEqual(calls * 1000);
      const rep = tenant.users.find((user) => user.mail === suggestion.rep.email)!;
      expect(externalMeetingsInside(rep, suggestion).length).toBeGreaterThanOrEqual(calls);
    }
    for (const suggestion of offered) {
      expect(suggestion.reasons[0]).not.toContain("their calendar was not read");
    }
  });

  it("a rep whose calendar Graph keeps failing is ranked without it, and the page still comes", async () => {
    const before = (await world.call(manager, "GET", "/api/suggestions")).json()
      .suggestions as SuggestionJson[];
    const failingEmail = before.find((s) => s.status === "offered")!.rep.email;
    const failing = repsOf(manager).find((rep) => rep.mail === failingEmail)!;
    const others = repsOf(manager).filter((rep) => rep !== failing);
    sim().faults.serviceUnavailable({
      times: 1_000,
      retryAfterSeconds: 0,
      match: (target) => target.kind === "calendarView" && target.mailbox === failing.id,
    });
    const response = await world.call(manager, "GET", "/api/suggestions");
    sim().faults.clear();
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const calendars = new Map((body.repCalendars as RepCalendarJson[]).map((c) => [c.rep.email, c]));
    expect(calendars.get(failing.mail)).toEqual({
      rep: { email: failing.mail, name: failing.displayName },
      read: false,
      why: "Microsoft Graph did not answer in time; try again later",
    });
    for (const rep of others) expect(calendars.get(rep.mail)).toMatchObject({ read: true });
    const theirs = (body.suggestions as SuggestionJson[]).filter(
      (s) => s.status === "offered" && s.rep.email === failing.mail,
    );
    expect(theirs.length).toBeGreaterThan(0);
    for (const suggestion of theirs) {
      expect(suggestion.reasons[0]).toBe(
        `${failing.displayName}'s customer calls are unknown: their calendar was not read`,
      );
    }
    const again = (await world.call(manager, "GET", "/api/suggestions")).json();
    expect((again.repCalendars as RepCalendarJson[]).every((c) => c.read)).toBe(true);
  });

  it("uses FieldCoach's own access only while an administrator has reading reps' calendars turned on", async () => {
    const admin = tenant.users.find((user) => user.managerId === null)!;
    const setReading = async (on: boolean) => {
      const current = (await world.call(admin, "GET", "/api/settings/tenant", { admin: true })).json();
      const saved = await world.call(admin, "PUT", "/api/settings/tenant", {
        admin: true,
        headers: { "If-Match": `"${current.version}"` },
        body: { settings: { ...current.settings, readRepCalendars: on } },
      });
      expect(saved.statusCode).toBe(200);
    };
    await setReading(false);
    const off = (await world.call(manager, "GET", "/api/suggestions")).json();
    for (const calendar of off.repCalendars as RepCalendarJson[]) {
      expect(calendar).toEqual({
        rep: calendar.rep,
        read: false,
        why: "their calendar is not shared with you",
      });
    }
    await setReading(true);
    const on = (await world.call(manager, "GET", "/api/suggestions")).json();
    expect((on.repCalendars as RepCalendarJson[]).every((c) => c.read && c.via === "application")).toBe(true);
  });

  describe("without application access", () => {
    let bare: ServerWorld;
    let sharing: SimUser;

    beforeAll(async () => {
      // One rep shares their calendar with the manager in Outlook; nobody else does.
      sharing = repsOf(manager)[0]!;
      const sharedTenant = {
        ...tenant,
        users: tenant.users.map((user) =>
          user.id === sharing.id
            ? { ...user, calendarShares: [{ userId: manager.id, role: "read" as const }] }
            : user,
        ),
      };
      const { store } = await openTestStore("pglite");
      bare = await startServerWorld({
        tenants: [sharedTenant],
        now: NOW,
        store,
        applicationPermissions: ["TeamsActivity.Send"],
      });
    });

    afterAll(async () => {
      await bare.close();
      await bare.store.close();
    });

    it("reads as the manager only the calendar shared with them; the others are ranked without and say why", async () => {
      const response = await bare.call(manager, "GET", "/api/suggestions");
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.suggestions.length).toBeGreaterThan(0);
      const calendars = body.repCalendars as RepCalendarJson[];
      for (const calendar of calendars) {
        expect(calendar).toEqual(
          calendar.rep.email === sharing.mail
            ? { rep: calendar.rep, read: true, via: "shared" }
            : {
                rep: calendar.rep,
                read: false,
                why: "their calendar is not shared with you, and FieldCoach's own access (Calendars.Read) does not reach it",
              },
        );
      }
      const offered = (body.suggestions as SuggestionJson[]).filter((s) => s.status === "offered");
      const own = offered.filter((s) => s.rep.email === sharing.mail);
      expect(own.length).toBeGreaterThan(0);
      for (const suggestion of own)
        expect(suggestion.reasons[0]).toMatch(/^Rides along on \d+ customer calls?/);
      for (const suggestion of offered.filter((s) => s.rep.email !== sharing.mail)) {
        expect(suggestion.reasons[0]).toBe(
          `${suggestion.rep.name}'s customer calls are unknown: their calendar was not read`,
        );
      }
    });

    it("an executive above sees the suggestions, without the calendar shared with the manager alone", async () => {
      const vp = tenant.users.find((user) => user.id === manager.managerId)!;
      const response = await bare.call(
        vp,
        "GET",
        `/api/suggestions?manager=${encodeURIComponent(manager.mail)}`,
      );
      expect(response.statusCode).toBe(200);
      const calendars = response.json().repCalendars as RepCalendarJson[];
      expect(calendars.length).toBe(repsOf(manager).length);
      expect(
        calendars.every((c) => !c.read && c.why!.startsWith("their calendar is not shared with you")),
      ).toBe(true);
    });
  });
});
