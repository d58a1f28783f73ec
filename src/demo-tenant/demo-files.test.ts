import { describe, expect, it } from "vitest";
import { type CalendarEvent, isIncomplete } from "../domain/calendar-event.ts";
import { classifyEvents } from "../domain/classify.ts";
import { buildOrgIndex } from "../domain/org.ts";
import { parseOrg } from "../domain/parse-org.ts";
import { mapGraphEventList } from "../graph/map-event.ts";
import { mapGetSchedule } from "../graph/map-schedule.ts";
import { demoFilesOf, SCHEDULE_DAYS } from "./demo-files.ts";
import { generateDemoTenant } from "./generate-demo-tenant.ts";
import { TEAM_STORIES } from "./roster.ts";

const anchor = "2026-03-02";
const anchorAt = Date.parse(`${anchor}T00:00:00Z`);
const tenant = generateDemoTenant({ seed: 3, anchor });
// Through JSON text, as the commands read the files.
const files = demoFilesOf(tenant, anchor);
const org = parseOrg(JSON.parse(JSON.stringify(files.org)));
const index = buildOrgIndex(org);
const calendars = new Map(
  [...files.calendarViews].map(([email, view]) => [
    email,
    mapGraphEventList(JSON.parse(JSON.stringify(view))).map((e) => {
      if (isIncomplete(e)) throw new Error(`incomplete event in ${email}`);
      return e;
    }),
  ]),
);

describe("ORG.json of the demo tenant", () => {
  it("parses, with roles from the reporting lines", () => {
    expect(org.people).toHaveLength(tenant.users.length);
    expect(org.people.filter((p) => p.role === "executive").map((p) => p.name)).toEqual(["Renata Okafor"]);
    expect(
      org.people
        .filter((p) => p.role === "manager")
        .map((p) => p.email)
        .sort(),
    ).toEqual(TEAM_STORIES.map((s) => s.manager).sort());
    for (const story of TEAM_STORIES) {
      expect(index.repsOf(story.manager).length).toBeGreaterThanOrEqual(6);
      expect(index.subtreeOf("renata.okafor@contoso.com")).toContainEqual(
        index.personByAddress(story.manager),
      );
    }
    expect(index.isInternalAddress("someone@eu.contoso.com")).toBe(true);
    expect(org.people.find((p) => p.email === "lena.hofmann@eu.contoso.com")?.timeZone).toBe("Europe/Berlin");
  });
});

describe("calendarView files", () => {
  const copies = new Map<string, { owner: string; event: CalendarEvent }[]>();
  for (const [owner, events] of calendars) {
    for (const event of events) {
      const list = copies.get(event.iCalUId!) ?? [];
      list.push({ owner, event });
      copies.set(event.iCalUId!, list);
    }
  }

  it("holds one calendar per person, inside the thirteen past and five coming weeks, in start order", () => {
    expect(files.calendarViews.size).toBe(tenant.users.length);
    for (const events of calendars.values()) {
      expect(events.length).toBeGreaterThan(50);
      for (const e of events) {
        expect(e.end).toBeGreaterThan(files.calendarWindow.start);
        expect(e.start).toBeLessThan(files.calendarWindow.end);
      }
      expect(events.map((e) => e.start)).toEqual([...events.map((e) => e.start)].sort((a, b) => a - b));
    }
  });

  it("shows one meeting with the same iCalUId everywhere, an id per mailbox, and one organizer's copy", () => {
    let shared = 0;
    for (const list of copies.values()) {
      const ids = new Set(list.map((c) => c.event.id));
      expect(ids.size).toBe(list.length);
      const first = list[0]!.event;
      const organizerInside = index.personByAddress(first.organizer!.email) !== undefined;
      const organizers = list.filter((c) => c.event.isOrganizer);
      if (organizerInside && !first.isCancelled) {
        expect(organizers).toHaveLength(1);
        expect(index.personByAddress(organizers[0]!.owner)?.email).toBe(first.organizer!.email);
      } else {
        expect(organizers).toHaveLength(0);
      }
      for (const c of list) expect([c.event.start, c.event.subject]).toEqual([first.start, first.subject]);
      if (list.length > 1) shared++;
    }
    expect(shared).toBeGreaterThan(1000);
  });

  it("expands series into occurrences and exceptions that share a master id per mailbox", () => {
    const all = [...calendars.values()].flat();
    expect(all.some((e) => e.type === "seriesMaster")).toBe(false);
    const exceptions = all.filter((e) => e.type === "exception");
    expect(exceptions.length).toBeGreaterThan(20);
    for (const e of exceptions) {
      const owner = [...calendars].find(([, events]) => events.includes(e))![1];
      expect(owner.some((o) => o.type === "occurrence" && o.seriesMasterId === e.seriesMasterId)).toBe(true);
    }
  });
});

describe("getSchedule files", () => {
  it("cover each manager and their reps for five weeks in 30-minute slots", () => {
    expect([...files.schedules.keys()].sort()).toEqual(TEAM_STORIES.map((s) => s.manager).sort());
    for (const [manager, schedule] of files.schedules) {
      const mapped = mapGetSchedule(JSON.parse(JSON.stringify(schedule)));
      expect(mapped.unusable).toEqual([]);
      expect(mapped.schedules.map((s) => s.email)).toEqual([
        manager,
        ...index.repsOf(manager).map((r) => r.email),
      ]);
      for (const info of schedule.value) {
        expect(info.availabilityView).toHaveLength(SCHEDULE_DAYS * 48);
        expect(info.availabilityView).toMatch(/[1-4]/);
      }
      expect(files.scheduleWindow).toEqual({ start: anchorAt, end: anchorAt + SCHEDULE_DAYS * 86_400_000 });
    }
  });
});

describe("classification of the demo managers' calendars", () => {
  const window = { start: files.calendarWindow.start, end: anchorAt };
  const hours = (pattern: string) => {
    const manager = TEAM_STORIES.find((s) => s.pattern === pattern)!.manager;
    const results = classifyEvents({ manager, org: index, events: calendars.get(manager)!, window });
    const sum = (development: string) =>
      results.filter((r) => r.development === development).reduce((total, r) => total + r.hours, 0);
    return {
      skill: sum("skill"),
      sales: sum("sales"),
      fieldDays: results.filter((r) => r.kind === "field-day").length,
    };
  };

  it("shows the big-deal-heavy manager mostly selling and the field-day manager mostly coaching", () => {
    const bigDeal = hours("big-deal-heavy");
    const cadence = hours("field-day-cadence");
    expect(bigDeal.sales).toBeGreaterThan(2 * bigDeal.skill);
    expect(cadence.skill).toBeGreaterThan(2 * cadence.sales);
    expect(cadence.fieldDays).toBeGreaterThan(3 * bigDeal.fieldDays);
  });
});
