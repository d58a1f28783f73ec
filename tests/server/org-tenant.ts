/**
 * A small tenant for the server's tests, with every relation the authorization rules tell apart:
 *
 *   vera (executive) ─ mia (manager) ─ ana, ben (reps)
 *                    └ max (manager) ─ cat (rep)
 *   otto (executive) ─ omar (manager) ─ zoe (rep)      another branch
 *   ida: nobody's manager or report (the one the tests give the admin role)
 *
 * Mia's calendar holds a field day with Ana, a one-on-one Ben asked for, a private appointment with Ana
 * and a customer call Ben brought her into, in the week of 2026-03-02.
 */

import { attendeeOf, buildMeeting, buildTenant, buildUser } from "../../src/demo-tenant/sim-test-builders.ts";
import type { SimTenant, SimUser } from "../../src/graph-sim/tenant-data.ts";

export const NOW = Date.parse("2026-03-04T15:00:00Z");

const EASTERN = {
  timeZone: "Eastern Standard Time",
  workingHours: {
    daysOfWeek: ["monday", "tuesday", "wednesday", "thursday", "friday"],
    startTime: "08:00:00.0000000",
    endTime: "17:00:00.0000000",
    timeZone: "Eastern Standard Time",
  },
};

function person(local: string, manager: SimUser | null, jobTitle: string): SimUser {
  return buildUser(local, { ...EASTERN, managerId: manager?.id ?? null, jobTitle });
}

export interface OrgTenant {
  readonly tenant: SimTenant;
  readonly vera: SimUser;
  readonly mia: SimUser;
  readonly max: SimUser;
  readonly ana: SimUser;
  readonly ben: SimUser;
  readonly cat: SimUser;
  readonly otto: SimUser;
  readonly omar: SimUser;
  readonly zoe: SimUser;
  readonly ida: SimUser;
  /** iCalUIds of Mia's meetings. */
  readonly meetings: {
    readonly fieldDay: string;
    readonly oneOnOne: string;
    readonly privateOne: string;
    readonly customerCall: string;
  };
}

const uid = (n: number) =>
  `040000008200E00074C5B7101A82E00800000000000000000000000000000000100000${String(n).padStart(4, "0")}`;

export function orgTenant(tenantId = "9a3c1f0e-0000-4000-8000-000000000001", prefix = ""): OrgTenant {
  const named = (local: string) => `${prefix}${local}`;
  const vera = person(named("vera"), null, "VP Sales");
  const mia = person(named("mia"), vera, "Sales Manager");
  const max = person(named("max"), vera, "Sales Manager");
  const ana = person(named("ana"), mia, "Account Executive");
  const ben = person(named("ben"), mia, "Account Executive");
  const cat = person(named("cat"), max, "Account Executive");
  const otto = person(named("otto"), null, "VP Sales");
  const omar = person(named("omar"), otto, "Sales Manager");
  const zoe = person(named("zoe"), omar, "Account Executive");
  const ida = person(named("ida"), null, "IT Administrator");
  const meetings = { fieldDay: uid(1), oneOnOne: uid(2), privateOne: uid(3), customerCall: uid(4) };
  const tenant: SimTenant = {
    ...buildTenant(
      [vera, mia, max, ana, ben, cat, otto, omar, zoe, ida],
      [
        buildMeeting(mia, {
          iCalUId: meetings.fieldDay,
          subject: "Field day with Ana",
          start: "2026-03-03T13:00:00.000Z",
          end: "2026-03-03T21:00:00.000Z",
          attendees: [attendeeOf(ana)],
          categories: ["Field day"],
        }),
        buildMeeting(ben, {
          iCalUId: meetings.oneOnOne,
          subject: "Pricing question",
          start: "2026-03-02T15:00:00.000Z",
          end: "2026-03-02T15:30:00.000Z",
          attendees: [attendeeOf(mia)],
        }),
        buildMeeting(mia, {
          iCalUId: meetings.privateOne,
          subject: "Ana's performance concerns",
          body: "Confidential: discuss with HR first.",
          start: "2026-03-04T14:00:00.000Z",
          end: "2026-03-04T14:30:00.000Z",
          attendees: [attendeeOf(ana)],
          sensitivity: "private",
        }),
        buildMeeting(ben, {
          iCalUId: meetings.customerCall,
          subject: "Fabrikam renewal",
          start: "2026-03-05T16:00:00.000Z",
          end: "2026-03-05T17:00:00.000Z",
          attendees: [
            attendeeOf(mia),
            { email: "buyer@fabrikam.com", name: "Buyer", type: "required", response: "accepted" },
          ],
        }),
      ],
    ),
    tenantId,
    accounts: [{ domain: "fabrikam.com", name: "Fabrikam", openPipeline: 2_000_000 }],
    bigDealThreshold: 1_000_000,
  };
  return { tenant, vera, mia, max, ana, ben, cat, otto, omar, zoe, ida, meetings };
}
