import { describe, expect, it } from "vitest";
import { addDays, localDate, localWeekday } from "../domain/instant.ts";
import { isSameOrSubdomain } from "../domain/org.ts";
import { toIanaZone } from "../domain/time-zone.ts";
import { userByAddress } from "../graph-sim/mailbox-copy.ts";
import type { SimMeeting, SimUser } from "../graph-sim/tenant-data.ts";
import { BIG_DEAL_THRESHOLD } from "./accounts.ts";
import { FIELD_DAY_CATEGORY } from "./field-days.ts";
import { generateDemoTenant, isMondayDate } from "./generate-demo-tenant.ts";
import { roleOf } from "./org-file.ts";
import { TEAM_STORIES } from "./roster.ts";

const anchor = "2026-03-02";
const tenant = generateDemoTenant({ seed: 7, anchor });
const anchorAt = Date.parse(`${anchor}T00:00:00Z`);
const story = (pattern: string) => TEAM_STORIES.find((s) => s.pattern === pattern)!;
const user = (address: string) => userByAddress(tenant, address)!;
const repsOf = (manager: SimUser) => tenant.users.filter((u) => u.managerId === manager.id);
const isInternal = (address: string) =>
  tenant.domains.some((d) => isSameOrSubdomain(address.split("@")[1]!, d));
const fieldDays = (m: SimMeeting) => m.categories.includes(FIELD_DAY_CATEGORY);
const clocks = new Map<string, Intl.DateTimeFormat>();
function clockIn(zone: string): Intl.DateTimeFormat {
  let format = clocks.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    clocks.set(zone, format);
  }
  return format;
}

describe("generateDemoTenant", () => {
  it("is a function of its seed and anchor", () => {
    expect(JSON.stringify(generateDemoTenant({ seed: 7, anchor }))).toBe(JSON.stringify(tenant));
    const other = generateDemoTenant({ seed: 8, anchor });
    expect(other.users.map((u) => u.displayName)).not.toEqual(tenant.users.map((u) => u.displayName));
    expect(other.meetings.length).not.toBe(tenant.meetings.length);
  });

  it("refuses an anchor that is not a Monday", () => {
    expect(isMondayDate("2026-03-02")).toBe(true);
    expect(isMondayDate("2026-03-03")).toBe(false);
    expect(isMondayDate("2026-02-30")).toBe(false);
    expect(() => generateDemoTenant({ seed: 1, anchor: "2026-03-04" })).toThrow(RangeError);
  });

  it("has a VP, four managers with six to ten reps each, in at least three zones", () => {
    const roles = tenant.users.map((u) => roleOf(u, tenant));
    expect(roles.filter((r) => r === "executive")).toHaveLength(1);
    const managers = tenant.users.filter((u) => roleOf(u, tenant) === "manager");
    expect(managers.map((m) => m.mail).sort()).toEqual(TEAM_STORIES.map((s) => s.manager).sort());
    for (const manager of managers) expect(repsOf(manager).length).toBeGreaterThanOrEqual(6);
    for (const manager of managers) expect(repsOf(manager).length).toBeLessThanOrEqual(10);
    const zones = new Set(tenant.users.map((u) => u.timeZone));
    for (const zone of ["Pacific Standard Time", "Eastern Standard Time", "W. Europe Standard Time"]) {
      expect(zones).toContain(zone);
    }
    for (const u of tenant.users) expect(toIanaZone(u.workingHours.timeZone), u.mail).toBeDefined();
  });

  it("uses the tenant's domains, a subdomain and aliases, all addresses distinct", () => {
    expect(tenant.users.some((u) => u.mail.endsWith("@eu.contoso.com"))).toBe(true);
    const addresses = tenant.users.flatMap((u) => [u.mail, ...u.aliases]);
    expect(new Set(addresses).size).toBe(addresses.length);
    for (const address of addresses) expect(isInternal(address), address).toBe(true);
    expect(tenant.users.filter((u) => u.aliases.length > 0).length).toBeGreaterThan(5);
    expect(new Set(tenant.users.map((u) => u.id)).size).toBe(tenant.users.length);
  });

  it("has new hires from the last six months and accounts with deals above the threshold", () => {
    const sixMonthsAgo = addDays(anchor, -182);
    const newHires = tenant.users.filter((u) => u.hireDate !== null && u.hireDate > sixMonthsAgo);
    expect(newHires.length).toBeGreaterThanOrEqual(4);
    for (const u of tenant.users) expect(u.hireDate! <= anchor).toBe(true);
    expect(tenant.accounts.filter((a) => a.openPipeline >= BIG_DEAL_THRESHOLD).length).toBeGreaterThan(10);
    expect(tenant.accounts.filter((a) => a.openPipeline < BIG_DEAL_THRESHOLD).length).toBeGreaterThan(10);
  });

  it("spans thirteen past and five coming weeks, every meeting created before the anchor", () => {
    const starts = tenant.meetings.map((m) => Date.parse(m.start));
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(
      Date.parse(`${addDays(anchor, -91)}T00:00:00Z`) - 86_400_000,
    );
    expect(Math.max(...starts)).toBeLessThan(Date.parse(`${addDays(anchor, 35)}T00:00:00Z`));
    expect(starts.filter((s) => s >= anchorAt).length).toBeGreaterThan(1000);
    for (const m of tenant.meetings) {
      expect(Date.parse(m.createdDateTime!)).toBeLessThan(anchorAt);
      expect(Date.parse(m.lastModifiedDateTime!)).toBeGreaterThanOrEqual(Date.parse(m.createdDateTime!));
      expect(Date.parse(m.end)).toBeGreaterThan(Date.parse(m.start));
    }
    expect(new Set(tenant.meetings.map((m) => m.iCalUId)).size).toBe(tenant.meetings.length);
  });

  it("books internally organized meetings inside the organizer's working hours, after they joined", () => {
    for (const m of tenant.meetings) {
      const organizer = userByAddress(tenant, m.organizer);
      if (organizer === undefined || m.isAllDay) continue;
      const zone = toIanaZone(organizer.timeZone)!;
      const start = Date.parse(m.start);
      const end = Date.parse(m.end);
      const day = localDate(start, zone);
      expect(localWeekday(start, zone), m.subject).toBeLessThanOrEqual(5);
      expect(localDate(end - 1, zone)).toBe(day);
      const clock = (at: number) => clockIn(zone).format(at);
      expect(clock(start) >= organizer.workingHours.startTime.slice(0, 8), `${m.subject} ${m.start}`).toBe(
        true,
      );
      expect(clock(end - 1) < organizer.workingHours.endTime.slice(0, 8), `${m.subject} ${m.end}`).toBe(true);
      expect(day >= organizer.hireDate!).toBe(true);
      for (const a of m.attendees) {
        const attendee = userByAddress(tenant, a.email);
        if (attendee !== undefined) expect(day >= addDays(attendee.hireDate!, -1), a.email).toBe(true);
      }
    }
  });

  it("holds the calendar patterns the product is about", () => {
    const meetings = tenant.meetings;
    const series = meetings.filter((m) => m.seriesKey !== undefined);
    expect(series.filter((m) => m.isException).length).toBeGreaterThan(20);
    expect(series.filter((m) => m.isCancelled).length).toBeGreaterThan(20);
    expect(meetings.some((m) => m.isAllDay && m.showAs === "oof")).toBe(true);
    expect(meetings.some((m) => m.isAllDay && m.showAs === "workingElsewhere")).toBe(true);
    expect(meetings.filter((m) => m.sensitivity === "private").length).toBeGreaterThan(50);
    expect(meetings.filter((m) => m.subject === "Focus time" && m.showAs === "free").length).toBeGreaterThan(
      100,
    );
    expect(meetings.some((m) => m.attendees.some((a) => a.response === "declined"))).toBe(true);
    expect(meetings.filter((m) => !m.seriesKey && m.isCancelled).length).toBeGreaterThan(20);
    expect(meetings.some((m) => m.attendees.some((a) => a.type === "resource"))).toBe(true);
    const customerOrganized = meetings.filter((m) => !isInternal(m.organizer));
    expect(customerOrganized.length).toBeGreaterThan(200);
    // Customers sometimes invite a rep by an old address: an alias, not the primary one.
    expect(
      customerOrganized.some((m) =>
        m.attendees.some((a) => userByAddress(tenant, a.email)?.mail !== a.email && isInternal(a.email)),
      ),
    ).toBe(true);
    const fullDays = meetings.filter(
      (m) => fieldDays(m) && (m.isAllDay || Date.parse(m.end) - Date.parse(m.start) >= 6 * 3_600_000),
    );
    const halfDays = meetings.filter(
      (m) => fieldDays(m) && Date.parse(m.end) - Date.parse(m.start) === 4 * 3_600_000,
    );
    expect(fullDays.length).toBeGreaterThan(5);
    expect(halfDays.length).toBeGreaterThan(5);
  });

  it("gives each manager the story their name stands for", () => {
    const count = (pattern: string, keep: (m: SimMeeting, manager: SimUser, reps: SimUser[]) => boolean) => {
      const manager = user(story(pattern).manager);
      const reps = repsOf(manager);
      return tenant.meetings.filter((m) => Date.parse(m.start) < anchorAt && keep(m, manager, reps)).length;
    };
    const repInvitesManager = (m: SimMeeting, manager: SimUser, reps: SimUser[]) =>
      reps.some((r) => r.mail === m.organizer) && m.attendees.some((a) => a.email === manager.mail);
    const heldFieldDays = (m: SimMeeting, manager: SimUser) =>
      fieldDays(m) && m.organizer === manager.mail && !m.isCancelled;
    const cancelledFieldDays = (m: SimMeeting, manager: SimUser) =>
      fieldDays(m) && m.organizer === manager.mail && m.isCancelled;

    expect(count("big-deal-heavy", repInvitesManager)).toBeGreaterThan(
      3 * count("field-day-cadence", repInvitesManager),
    );
    expect(count("field-day-cadence", heldFieldDays)).toBeGreaterThan(
      3 * count("big-deal-heavy", heldFieldDays),
    );
    expect(count("eroding-field-days", cancelledFieldDays)).toBeGreaterThan(
      count("field-day-cadence", cancelledFieldDays),
    );
    const tomas = user(story("overdue-new-hires").manager);
    const newHires = repsOf(tomas).filter((r) => r.hireDate! > addDays(anchor, -182));
    expect(newHires.length).toBeGreaterThanOrEqual(3);
    for (const rep of newHires) {
      expect(tenant.meetings.some((m) => fieldDays(m) && m.attendees.some((a) => a.email === rep.mail))).toBe(
        false,
      );
    }
  });
});
