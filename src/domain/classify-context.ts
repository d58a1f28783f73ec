import type { Zone } from "luxon";
import { type SentenceCache, sentenceCache } from "./classify-reasons.ts";
import { addDays, MS_PER_DAY, MS_PER_MINUTE } from "./instant.ts";
import type { Interval } from "./interval.ts";
import { type Account, domainOf, type OrgIndex, type Person, WEEKDAYS, type WorkingHours } from "./org.ts";
import { wallClockInstant, weekdayOfDate, zoneNamed } from "./zoned-time.ts";

/** What one address is to the manager whose calendar is being classified. */
export interface AddressInfo {
  readonly role: "manager" | "rep" | "colleague" | "external";
  /** The person it names, when the org knows it. */
  readonly person: Person | undefined;
  /** Who it stands for: the person's primary address, or the address itself for strangers. */
  readonly key: string;
  /** Lower-case domain of the address. */
  readonly domain: string;
  /** For an external address, the customer account of its domain (or a parent domain). */
  readonly account: Account | undefined;
}

/**
 * What classification looks up for every event, built once per call: classifying a year of a
 * manager's calendar must cost less than parsing it, so nothing here is recomputed per event.
 */
export interface ClassificationContext {
  readonly org: OrgIndex;
  readonly manager: Person;
  /** The manager's primary address and aliases, lower-case. */
  readonly managerAddresses: ReadonlySet<string>;
  readonly window: Interval;
  /** What a lower-case address is: the manager, a rep of theirs, a colleague or an outsider. */
  addressInfo(address: string): AddressInfo;
  readonly sentences: SentenceCache;
  /** A person's working hours on a date of their own calendar; undefined on a day they do not work. */
  workingHoursOn(person: Person, date: string): Interval | undefined;
}

/** Throws RangeError when `managerAddress` is nobody in the org: callers check that first. */
export function classificationContext(
  org: OrgIndex,
  managerAddress: string,
  window: Interval,
): ClassificationContext {
  const manager = org.personByAddress(managerAddress);
  if (manager === undefined) throw new RangeError(`${managerAddress} is not a person in the org`);
  const managerAddresses = new Set([manager.email, ...manager.aliases]);
  const reps = new Set(org.repsOf(manager.email));
  const addresses = new Map<string, AddressInfo>();
  const describe = (address: string): AddressInfo => {
    const person = org.personByAddress(address);
    const domain = domainOf(address);
    const key = person?.email ?? address;
    if (managerAddresses.has(address)) return { role: "manager", person, key, domain, account: undefined };
    if (person !== undefined && reps.has(person))
      return { role: "rep", person, key, domain, account: undefined };
    if (org.isInternalAddress(address)) return { role: "colleague", person, key, domain, account: undefined };
    return { role: "external", person, key, domain, account: org.accountFor(address) };
  };
  // Zone arithmetic is the slowest step of classification: each person's day is worked out once.
  const days = new Map<string, Interval | null>();
  const zones = new Map<string, Zone>();
  const zoneOf = (name: string): Zone => {
    let zone = zones.get(name);
    if (zone === undefined) {
      zone = zoneNamed(name);
      if (zone === undefined) throw new RangeError(`unknown time zone ${name}`);
      zones.set(name, zone);
    }
    return zone;
  };
  return {
    org,
    manager,
    managerAddresses,
    window,
    sentences: sentenceCache(),
    addressInfo: (address) => {
      let info = addresses.get(address);
      if (info === undefined) {
        info = describe(address);
        addresses.set(address, info);
      }
      return info;
    },
    workingHoursOn: (person, date) => {
      const key = `${person.email} ${date}`;
      let day = days.get(key);
      if (day === undefined) {
        const hours = person.workingHours;
        day = workingHoursOn(hours, zoneOf(hours.timeZone), date) ?? null;
        days.set(key, day);
      }
      return day ?? undefined;
    },
  };
}

/**
 * A person's working hours on one date, as working-hours.ts lays out each day of a work week. All-day
 * events are rare but each needs this for a new date, and a Luxon wall-clock conversion costs as much
 * as classifying dozens of timed events: so on the many dates with no clock change nearby, one offset
 * serves the whole day, and only near a change does the full conversion run.
 */
function workingHoursOn(hours: WorkingHours, zone: Zone, date: string): Interval | undefined {
  if (!hours.daysOfWeek.includes(WEEKDAYS[weekdayOfDate(date) - 1]!)) return undefined;
  const midnightAsUtc = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
  const offset = zone.offset(midnightAsUtc - MS_PER_DAY);
  if (offset === zone.offset(midnightAsUtc + 2 * MS_PER_DAY)) {
    const shift = midnightAsUtc - offset * MS_PER_MINUTE;
    return { start: shift + secondsOf(hours.startTime) * 1000, end: shift + secondsOf(hours.endTime) * 1000 };
  }
  const start = wallClockInstant(date, hours.startTime, zone);
  // An end time that the clock change skips could move past midnight; the working day ends there.
  const end = Math.min(
    wallClockInstant(date, hours.endTime, zone),
    wallClockInstant(addDays(date, 1), "00:00:00", zone),
  );
  return end > start ? { start, end } : undefined;
}

function secondsOf(time: string): number {
  return Number(time.slice(0, 2)) * 3600 + Number(time.slice(3, 5)) * 60 + Number(time.slice(6, 8));
}
