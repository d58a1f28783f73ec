/** Small builders of simulated tenants for tests: each test states only what it cares about. */

import type { SimAttendee, SimMeeting, SimTenant, SimUser } from "../graph-sim/tenant-data.ts";

export function buildUser(local: string, overrides: Partial<SimUser> = {}): SimUser {
  const mail = `${local}@contoso.com`;
  return {
    id: `00000000-0000-4000-8000-${local.padStart(12, "0").slice(-12)}`,
    displayName: local[0]!.toUpperCase() + local.slice(1),
    mail,
    userPrincipalName: mail,
    jobTitle: "Account Executive",
    aliases: [],
    managerId: null,
    hireDate: "2020-01-06",
    timeZone: "Pacific Standard Time",
    workingHours: {
      daysOfWeek: ["monday", "tuesday", "wednesday", "thursday", "friday"],
      startTime: "08:00:00.0000000",
      endTime: "17:00:00.0000000",
      timeZone: "Pacific Standard Time",
    },
    ...overrides,
  };
}

export function attendeeOf(user: SimUser, response: SimAttendee["response"] = "accepted"): SimAttendee {
  return { email: user.mail, name: user.displayName, type: "required", response };
}

export function buildMeeting(organizer: SimUser, overrides: Partial<SimMeeting> = {}): SimMeeting {
  return {
    iCalUId: "040000008200E00074C5B7101A82E0080000000000000000000000000000000010000000AAAA",
    subject: "Pipeline review",
    body: "Walk through the open opportunities.",
    start: "2026-03-03T17:00:00.000Z",
    end: "2026-03-03T18:00:00.000Z",
    isAllDay: false,
    organizer: organizer.mail,
    organizerName: organizer.displayName,
    attendees: [],
    showAs: "busy",
    sensitivity: "normal",
    categories: [],
    isCancelled: false,
    createdDateTime: "2026-02-20T10:00:00.000Z",
    ...overrides,
  };
}

export function buildTenant(users: readonly SimUser[], meetings: readonly SimMeeting[]): SimTenant {
  return {
    tenantId: "9a3c1f0e-0000-4000-8000-000000000001",
    domains: ["contoso.com"],
    bigDealThreshold: 250_000,
    accounts: [],
    users,
    meetings,
  };
}
