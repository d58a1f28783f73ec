/**
 * A sales organisation of any size for the multi-instance tests: a VP, `managers` first-line managers
 * reporting to them, and `repsEach` reps under each. Every manager's calendar holds, for the four weeks
 * up to the anchor week, a one-on-one with each rep and a customer call a rep organised, so that every
 * calendar has something to sync and every manager has meetings to write notes on.
 */

import {
  attendeeOf,
  buildMeeting,
  buildTenant,
  buildUser,
} from "../../../src/demo-tenant/sim-test-builders.ts";
import type { SimMeeting, SimTenant, SimUser } from "../../../src/graph-sim/tenant-data.ts";

export interface SalesOrg {
  readonly tenant: SimTenant;
  readonly vp: SimUser;
  readonly managers: readonly SimUser[];
  /** Per manager, in the order of `managers`. */
  readonly reps: readonly (readonly SimUser[])[];
}

const WEEKS = 4;
const guid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
const DAY = 86_400_000;

/** `anchor`: the Monday (YYYY-MM-DD) of the current week. */
export function salesOrg(options: {
  readonly managers: number;
  readonly repsEach: number;
  readonly anchor: string;
}): SalesOrg {
  const vp = buildUser("vera", { id: guid(1), jobTitle: "VP Sales" });
  const managers = Array.from({ length: options.managers }, (_, m) =>
    buildUser(`manager${m}`, { id: guid(0x1000 + m), managerId: vp.id, jobTitle: "Sales Manager" }),
  );
  const reps = managers.map((manager, m) =>
    Array.from({ length: options.repsEach }, (_, r) =>
      buildUser(`m${m}rep${r}`, { id: guid(0x100000 + m * 0x100 + r), managerId: manager.id }),
    ),
  );
  const monday = Date.parse(`${options.anchor}T00:00:00Z`);
  const meetings: SimMeeting[] = [];
  let next = 0;
  const uid = () =>
    `040000008200E00074C5B7101A82E008${(next++).toString(16).toUpperCase().padStart(40, "0")}`;
  managers.forEach((manager, m) => {
    for (let week = WEEKS - 1; week >= 0; week--) {
      const day = (offset: number) =>
        new Date(monday - week * 7 * DAY + offset * DAY).toISOString().slice(0, 10);
      reps[m]!.forEach((rep, r) => {
        meetings.push(
          buildMeeting(manager, {
            iCalUId: uid(),
            subject: `${manager.displayName} / ${rep.displayName} one-on-one`,
            start: `${day(0)}T${String(16 + r).padStart(2, "0")}:00:00.000Z`,
            end: `${day(0)}T${String(16 + r).padStart(2, "0")}:30:00.000Z`,
            attendees: [attendeeOf(rep)],
          }),
        );
      });
      const rep = reps[m]![week % reps[m]!.length]!;
      meetings.push(
        buildMeeting(rep, {
          iCalUId: uid(),
          subject: "Discovery call with Fabrikam",
          start: `${day(1)}T17:00:00.000Z`,
          end: `${day(1)}T18:00:00.000Z`,
          attendees: [
            attendeeOf(manager),
            { email: "buyer@fabrikam.com", name: "Fabrikam buyer", type: "required", response: "accepted" },
          ],
        }),
      );
    }
  });
  return { tenant: buildTenant([vp, ...managers, ...reps.flat()], meetings), vp, managers, reps };
}
