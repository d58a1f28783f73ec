import type { Interval } from "./interval.ts";
import type { OrgIndex, Person } from "./org.ts";
import { type WorkWeek, workWeekOf } from "./working-hours.ts";

/**
 * What classification looks up for every event, built once per call: classifying a year of a
 * manager's calendar must cost less than parsing it, so nothing here is recomputed per event.
 */
export interface ClassificationContext {
  readonly org: OrgIndex;
  readonly manager: Person;
  /** The manager's primary address and aliases, lower-case. */
  readonly managerAddresses: ReadonlySet<string>;
  /** Every address (primary and alias, lower-case) of the manager's reps. */
  readonly repsByAddress: ReadonlyMap<string, Person>;
  readonly window: Interval;
  workWeekOf(person: Person): WorkWeek;
}

/** Throws RangeError when `managerAddress` is nobody in the org: callers check that first. */
export function classificationContext(
  org: OrgIndex,
  managerAddress: string,
  window: Interval,
): ClassificationContext {
  const manager = org.personByAddress(managerAddress);
  if (manager === undefined) throw new RangeError(`${managerAddress} is not a person in the org`);
  const repsByAddress = new Map<string, Person>();
  for (const rep of org.repsOf(manager.email)) {
    repsByAddress.set(rep.email, rep);
    for (const alias of rep.aliases) repsByAddress.set(alias, rep);
  }
  const weeks = new Map<string, WorkWeek>();
  return {
    org,
    manager,
    managerAddresses: new Set([manager.email, ...manager.aliases]),
    repsByAddress,
    window,
    workWeekOf: (person) => {
      let week = weeks.get(person.email);
      if (week === undefined) {
        week = workWeekOf(person.workingHours);
        weeks.set(person.email, week);
      }
      return week;
    },
  };
}
