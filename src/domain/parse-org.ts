import { z } from "zod";
import { formatJsonPath, InputError } from "./input-error.ts";
import type { Org, Person, Weekday, WorkingHours } from "./org.ts";
import { WEEKDAYS } from "./org.ts";
import { toIanaZone } from "./time-zone.ts";

const email = z
  .string()
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "must be an email address")
  .transform((value) => value.toLowerCase());
const domain = z
  .string()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i, "must be a domain name such as contoso.com")
  .transform((value) => value.toLowerCase());
const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$/, "must be a time such as 08:00:00");
const isoDate = z.iso.date("must be a date such as 2026-05-01");
const zoneName = z
  .string()
  .refine((name) => toIanaZone(name) !== undefined, "is not a known Windows or IANA time zone");

const workingHoursInput = z.object({
  daysOfWeek: z.array(
    z
      .string()
      .transform((d) => d.toLowerCase())
      .pipe(z.enum(WEEKDAYS)),
  ),
  startTime: clockTime,
  endTime: clockTime,
  timeZone: z.union([zoneName, z.object({ name: zoneName })]).optional(),
});

const personInput = z.object({
  email,
  name: z.string().min(1, "must not be empty"),
  role: z.enum(["rep", "manager", "executive"]),
  manager: email.optional(),
  aliases: z.array(email).optional(),
  timeZone: zoneName.optional(),
  workingHours: workingHoursInput.optional(),
  hireDate: isoDate.optional(),
});

const orgInput = z.object({
  tenantDomains: z.array(domain).min(1, "must name at least one domain"),
  bigDealThreshold: z.number().finite().nonnegative(),
  people: z.array(personInput),
  accounts: z
    .array(z.object({ domain, name: z.string(), openPipeline: z.number().finite().nonnegative() }))
    .optional(),
});

export const DEFAULT_WORKING_DAYS: readonly Weekday[] = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
];

/** Normalizes "08:00" and "08:00:00.0000000" to "HH:mm:ss". */
export function normalizeClockTime(time: string): string {
  return `${time.slice(0, 5)}:${time.length >= 8 ? time.slice(6, 8) : "00"}`;
}

/**
 * Validates an ORG.json document (the format `fieldcoach classify` takes) and returns the domain Org.
 * Throws InputError naming the JSON path of the first problem.
 */
export function parseOrg(input: unknown): Org {
  const parsed = orgInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(formatJsonPath(issue.path), issue.message);
  }
  const raw = parsed.data;
  const seen = new Map<string, number>();
  const people: Person[] = raw.people.map((p, index) => {
    const addresses = [p.email, ...(p.aliases ?? [])];
    addresses.forEach((address, position) => {
      const earlier = seen.get(address);
      if (earlier !== undefined && earlier !== index) {
        const where = position === 0 ? ["email"] : ["aliases", position - 1];
        throw new InputError(
          formatJsonPath(["people", index, ...where]),
          `address ${address} is used by two people`,
        );
      }
      seen.set(address, index);
    });
    const hoursZoneName =
      p.workingHours?.timeZone === undefined
        ? undefined
        : typeof p.workingHours.timeZone === "string"
          ? p.workingHours.timeZone
          : p.workingHours.timeZone.name;
    // A person whose zone is known only from their working hours lives in that zone, not in UTC.
    const timeZone = toIanaZone(p.timeZone ?? hoursZoneName ?? "UTC")!;
    const workingHours: WorkingHours =
      p.workingHours === undefined
        ? { daysOfWeek: DEFAULT_WORKING_DAYS, startTime: "08:00:00", endTime: "17:00:00", timeZone }
        : {
            daysOfWeek: p.workingHours.daysOfWeek,
            startTime: normalizeClockTime(p.workingHours.startTime),
            endTime: normalizeClockTime(p.workingHours.endTime),
            timeZone: hoursZoneName === undefined ? timeZone : toIanaZone(hoursZoneName)!,
          };
    if (workingHours.endTime <= workingHours.startTime) {
      throw new InputError(
        formatJsonPath(["people", index, "workingHours", "endTime"]),
        "must be after startTime",
      );
    }
    return {
      email: p.email,
      name: p.name,
      role: p.role,
      ...(p.manager === undefined ? {} : { manager: p.manager }),
      aliases: p.aliases ?? [],
      timeZone,
      workingHours,
      ...(p.hireDate === undefined ? {} : { hireDate: p.hireDate }),
    };
  });
  // A manager may be named by an alias; reporting lines always use the primary address.
  const withManagers = people.map((person, index) => {
    if (person.manager === undefined) return person;
    const managerIndex = seen.get(person.manager);
    if (managerIndex === undefined) {
      throw new InputError(
        formatJsonPath(["people", index, "manager"]),
        `names ${person.manager}, who is not in people`,
      );
    }
    return { ...person, manager: people[managerIndex]!.email };
  });
  return {
    tenantDomains: raw.tenantDomains,
    bigDealThreshold: raw.bigDealThreshold,
    people: withManagers,
    accounts: raw.accounts ?? [],
  };
}
