/**
 * The people of the demo sales organisation: a VP of sales, four first-line managers with a fixed
 * story each (see TeamPattern), and six to ten reps per manager drawn from the seed, in offices across
 * US Pacific, Mountain, Central and Eastern time, Central Europe and the UK.
 */

import { addDays } from "../domain/instant.ts";
import { toIanaZone } from "../domain/time-zone.ts";
import type { SimUser } from "../graph-sim/tenant-data.ts";
import type { Rng } from "./prng.ts";

/** The coaching story a manager's calendar tells. */
export type TeamPattern =
  /** Reps pull the manager into big-deal calls; field days are rare: mostly sales development. */
  | "big-deal-heavy"
  /** Half and full field days with every rep every two to four weeks: mostly skill development. */
  | "field-day-cadence"
  /** Field days get booked, then cancelled, shortened or moved: protected time eroding. */
  | "eroding-field-days"
  /** One-on-ones and team meetings only; new hires have never had a field day. */
  | "overdue-new-hires";

export interface Office {
  readonly city: string;
  /** Windows zone name, as mailbox settings hold it. */
  readonly windowsZone: string;
  readonly domain: string;
  readonly room: { readonly email: string; readonly name: string };
  readonly hours: readonly (readonly [string, string])[];
}

export interface DemoPerson {
  readonly user: SimUser;
  /** IANA zone of the mailbox. */
  readonly zone: string;
  readonly office: Office;
  readonly firstName: string;
  /** Minutes after local midnight the working day starts and ends. */
  readonly workStart: number;
  readonly workEnd: number;
  /** YYYY-MM-DD; no meeting of theirs starts before it. */
  readonly hireDate: string;
}

export interface DemoTeam {
  readonly pattern: TeamPattern;
  readonly manager: DemoPerson;
  readonly reps: readonly DemoPerson[];
}

export interface Roster {
  readonly vp: DemoPerson;
  readonly teams: readonly DemoTeam[];
  readonly everyone: readonly DemoPerson[];
}

const US_HOURS = [
  ["08:00", "17:00"],
  ["08:30", "17:30"],
  ["09:00", "17:30"],
] as const;
const EU_HOURS = [
  ["09:00", "17:30"],
  ["08:30", "17:00"],
] as const;

export const OFFICES = {
  newYork: office("New York", "Eastern Standard Time", "contoso.com", "hudson", "NYC Hudson", US_HOURS),
  seattle: office("Seattle", "Pacific Standard Time", "contoso.com", "rainier", "SEA Rainier", US_HOURS),
  denver: office("Denver", "Mountain Standard Time", "contoso.com", "longs", "DEN Longs Peak", US_HOURS),
  chicago: office("Chicago", "Central Standard Time", "contoso.com", "michigan", "CHI Michigan", US_HOURS),
  berlin: office("Berlin", "W. Europe Standard Time", "eu.contoso.com", "spree", "BER Spree", EU_HOURS),
  london: office("London", "GMT Standard Time", "eu.contoso.com", "thames", "LON Thames", EU_HOURS),
} as const;

function office(
  city: string,
  windowsZone: string,
  domain: string,
  room: string,
  roomName: string,
  hours: readonly (readonly [string, string])[],
): Office {
  return { city, windowsZone, domain, room: { email: `${room}@${domain}`, name: roomName }, hours };
}

interface TeamPlan {
  readonly pattern: TeamPattern;
  readonly manager: readonly [string, string];
  readonly managerOffice: Office;
  /** Where the reps sit, most often the first. */
  readonly repOffices: readonly Office[];
  readonly newHires: number;
}

// The managers and their stories are fixed so that a demo can name them; the reps come from the seed.
const TEAM_PLANS: readonly TeamPlan[] = [
  {
    pattern: "big-deal-heavy",
    manager: ["Marcus", "Bell"],
    managerOffice: OFFICES.newYork,
    repOffices: [OFFICES.newYork, OFFICES.newYork, OFFICES.newYork, OFFICES.chicago],
    newHires: 1,
  },
  {
    pattern: "field-day-cadence",
    manager: ["Dana", "Whitfield"],
    managerOffice: OFFICES.seattle,
    repOffices: [OFFICES.seattle, OFFICES.seattle, OFFICES.seattle, OFFICES.denver],
    newHires: 2,
  },
  {
    pattern: "eroding-field-days",
    manager: ["Lena", "Hofmann"],
    managerOffice: OFFICES.berlin,
    repOffices: [OFFICES.berlin, OFFICES.berlin, OFFICES.london],
    newHires: 1,
  },
  {
    pattern: "overdue-new-hires",
    manager: ["Tomás", "Rivera"],
    managerOffice: OFFICES.chicago,
    repOffices: [OFFICES.chicago, OFFICES.chicago, OFFICES.newYork, OFFICES.seattle],
    newHires: 3,
  },
];

const VP_NAME = ["Renata", "Okafor"] as const;

/** The four managers every seed has, and the story each one's calendar tells. */
export const TEAM_STORIES: readonly {
  readonly manager: string;
  readonly name: string;
  readonly pattern: TeamPattern;
}[] = TEAM_PLANS.map((plan) => ({
  manager: `${addressPart(plan.manager[0])}.${addressPart(plan.manager[1])}@${plan.managerOffice.domain}`,
  name: plan.manager.join(" "),
  pattern: plan.pattern,
}));

const FIRST_NAMES = [
  "Aisha",
  "Ben",
  "Carmen",
  "Daniel",
  "Elif",
  "Farah",
  "Gabriel",
  "Hannah",
  "Ivan",
  "Jasmine",
  "Kenji",
  "Laura",
  "Mateo",
  "Nadia",
  "Oliver",
  "Priya",
  "Quentin",
  "Rosa",
  "Samuel",
  "Tara",
  "Umar",
  "Valentina",
  "Wei",
  "Ximena",
  "Yusuf",
  "Zoe",
  "Amara",
  "Bruno",
  "Chloe",
  "Dmitri",
  "Emma",
  "Felix",
  "Grace",
  "Hugo",
  "Ines",
  "Jonas",
  "Keisha",
  "Liam",
  "Maya",
  "Noah",
  "Olga",
  "Pablo",
  "Rhea",
  "Sofia",
  "Theo",
  "Uma",
  "Victor",
  "Wanda",
  "Yara",
  "Zane",
] as const;
const LAST_NAMES = [
  "Adeyemi",
  "Brennan",
  "Castillo",
  "Dubois",
  "Eriksen",
  "Fischer",
  "Garcia",
  "Haddad",
  "Ishikawa",
  "Jensen",
  "Kowalski",
  "Lindqvist",
  "Moreau",
  "Nakamura",
  "O'Neill",
  "Petrov",
  "Quinn",
  "Rossi",
  "Schneider",
  "Tanaka",
  "Usman",
  "Varga",
  "Weber",
  "Xu",
  "Yilmaz",
  "Zimmermann",
  "Abbott",
  "Becker",
  "Chen",
  "Diaz",
  "Evans",
  "Ferreira",
  "Gupta",
  "Hughes",
  "Iyer",
  "Johansson",
  "Kim",
  "Lopez",
  "Murphy",
  "Novak",
  "Okoye",
  "Patel",
  "Reyes",
  "Silva",
  "Torres",
  "Walsh",
  "Young",
  "Zhang",
] as const;

/** Lower-case ASCII for addresses: "Tomás O'Neill" → "tomas", "oneill". */
export function addressPart(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

function timeText(hhmm: string): string {
  return `${hhmm}:00.0000000`;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/** Builds the organisation. `anchor` is the Monday everything is relative to. */
export function buildRoster(rng: Rng, anchor: string): Roster {
  const usedNames = new Set<string>();
  const usedAddresses = new Set<string>();
  const everyone: DemoPerson[] = [];

  const person = (
    name: readonly [string, string],
    where: Office,
    jobTitle: string,
    managerId: string | null,
    hireDate: string,
  ): DemoPerson => {
    const [first, last] = name;
    usedNames.add(`${first} ${last}`);
    const mail = `${addressPart(first)}.${addressPart(last)}@${where.domain}`;
    const aliases: string[] = [];
    // People on the European subdomain also receive mail at the parent domain.
    if (where.domain !== "contoso.com")
      aliases.push(`${addressPart(first)}.${addressPart(last)}@contoso.com`);
    const short = `${addressPart(first)[0]}${addressPart(last)}@contoso.com`;
    if (rng.chance(0.4) && !usedAddresses.has(short)) aliases.push(short);
    for (const address of [mail, ...aliases]) usedAddresses.add(address);
    const [start, end] = rng.pick(where.hours);
    const zone = toIanaZone(where.windowsZone);
    if (zone === undefined) throw new RangeError(`no IANA zone for ${where.windowsZone}`);
    const user: SimUser = {
      id: rng.guid(),
      displayName: `${first} ${last}`,
      mail,
      userPrincipalName: mail,
      jobTitle,
      aliases,
      managerId,
      hireDate,
      timeZone: where.windowsZone,
      workingHours: {
        daysOfWeek: ["monday", "tuesday", "wednesday", "thursday", "friday"],
        startTime: timeText(start),
        endTime: timeText(end),
        timeZone: where.windowsZone,
      },
    };
    const made: DemoPerson = {
      user,
      zone,
      office: where,
      firstName: first,
      workStart: minutesOf(start),
      workEnd: minutesOf(end),
      hireDate,
    };
    everyone.push(made);
    return made;
  };

  const freshName = (): [string, string] => {
    for (;;) {
      const name: [string, string] = [rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)];
      const key = `${name[0]} ${name[1]}`;
      const address = `${addressPart(name[0])}.${addressPart(name[1])}`;
      const clash = [...usedAddresses].some((a) => a.startsWith(`${address}@`));
      if (!usedNames.has(key) && !clash) return name;
    }
  };

  const yearsAgo = (min: number, max: number): string => addDays(anchor, -rng.int(min * 365, max * 365));
  const vp = person(VP_NAME, OFFICES.newYork, "Vice President, Sales", null, yearsAgo(6, 9));
  const teams = TEAM_PLANS.map((plan): DemoTeam => {
    const region = plan.managerOffice.city;
    const manager = person(
      plan.manager,
      plan.managerOffice,
      `Sales Manager, ${region}`,
      vp.user.id,
      yearsAgo(2, 7),
    );
    const size = rng.int(6, 10);
    const reps = Array.from({ length: size }, (_, i) => {
      const isNewHire = i >= size - plan.newHires;
      // New hires joined 4 to 22 weeks before the anchor: inside the six months that earn a tighter cadence.
      const hired = isNewHire ? addDays(anchor, -rng.int(28, 154)) : yearsAgo(1, 8);
      const title = isNewHire
        ? "Account Executive"
        : rng.pick(["Account Executive", "Senior Account Executive"]);
      return person(
        freshName(),
        i === 0 ? plan.repOffices[0]! : rng.pick(plan.repOffices),
        title,
        manager.user.id,
        hired,
      );
    });
    return { pattern: plan.pattern, manager, reps };
  });
  return { vp, teams, everyone };
}
