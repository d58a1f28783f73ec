import { describe, expect, it } from "vitest";
import { ORG_JSON } from "./classify-test-support.ts";
import { InputError } from "./input-error.ts";
import { normalizeClockTime, parseOrg } from "./parse-org.ts";

type Json = Record<string, unknown>;

function minimal(): {
  tenantDomains: string[];
  bigDealThreshold: unknown;
  people: Json[];
  accounts?: unknown;
} {
  return {
    tenantDomains: ["Contoso.com"],
    bigDealThreshold: 500_000,
    people: [
      { email: "Mary@Contoso.com", name: "Mary Manager", role: "manager" },
      { email: "jane@contoso.com", name: "Jane Rep", role: "rep", manager: "MARY@contoso.com" },
    ],
  };
}

function problem(input: unknown): { path: string; detail: string } {
  try {
    parseOrg(input);
  } catch (error) {
    if (error instanceof InputError) return { path: error.path, detail: error.detail };
    throw error;
  }
  throw new Error("parseOrg accepted bad input");
}

describe("parseOrg", () => {
  it("lower-cases addresses and domains, and defaults working hours to Mon–Fri 08:00–17:00 in UTC", () => {
    const org = parseOrg(minimal());
    expect(org.tenantDomains).toEqual(["contoso.com"]);
    expect(org.accounts).toEqual([]);
    expect(org.people[0]).toEqual({
      email: "mary@contoso.com",
      name: "Mary Manager",
      role: "manager",
      aliases: [],
      timeZone: "UTC",
      workingHours: {
        daysOfWeek: ["monday", "tuesday", "wednesday", "thursday", "friday"],
        startTime: "08:00:00",
        endTime: "17:00:00",
        timeZone: "UTC",
      },
    });
    expect(org.people[1]!.manager).toBe("mary@contoso.com");
  });

  it("reads Windows zone names, Graph's working-hours shape, and hire dates", () => {
    const org = parseOrg(ORG_JSON);
    const byEmail = new Map(org.people.map((p) => [p.email, p]));
    expect(byEmail.get("mary@contoso.com")!.timeZone).toBe("America/New_York");
    expect(byEmail.get("jane@contoso.com")!.workingHours).toEqual({
      daysOfWeek: ["monday", "tuesday", "wednesday", "thursday", "friday"],
      startTime: "08:00:00",
      endTime: "17:00:00",
      timeZone: "America/New_York",
    });
    expect(byEmail.get("raj@eu.contoso.com")!.workingHours).toMatchObject({
      startTime: "09:00:00",
      endTime: "17:30:00",
      timeZone: "Europe/Berlin",
    });
    const hired = minimal();
    hired.people[1]!.hireDate = "2026-01-15";
    expect(parseOrg(hired).people[1]!.hireDate).toBe("2026-01-15");
  });

  it("places a person whose zone is only in their working hours in that zone", () => {
    const lee = parseOrg(ORG_JSON).people.find((p) => p.email === "lee@contoso.com")!;
    expect(lee.workingHours.timeZone).toBe("America/Los_Angeles");
    expect(lee.timeZone).toBe("America/Los_Angeles");
  });

  it("resolves a manager named by an alias to the primary address", () => {
    const input = minimal();
    input.people[0]!.aliases = ["m.manager@contoso.com"];
    input.people[1]!.manager = "M.Manager@contoso.com";
    expect(parseOrg(input).people[1]!.manager).toBe("mary@contoso.com");
  });

  const cases: ReadonlyArray<
    readonly [string, (input: ReturnType<typeof minimal>) => unknown, string, RegExp]
  > = [
    ["a document that is not an object", () => [], "$", /expected object/],
    ["no tenant domains", (i) => ({ ...i, tenantDomains: [] }), "$.tenantDomains", /at least one domain/],
    [
      "a domain that is not one",
      (i) => ({ ...i, tenantDomains: ["contoso"] }),
      "$.tenantDomains[0]",
      /domain name/,
    ],
    [
      "a threshold as a string",
      (i) => ({ ...i, bigDealThreshold: "10" }),
      "$.bigDealThreshold",
      /expected number/,
    ],
    ["a negative threshold", (i) => ({ ...i, bigDealThreshold: -1 }), "$.bigDealThreshold", /./],
    [
      "a bad email",
      (i) => {
        i.people[0]!.email = "mary";
        return i;
      },
      "$.people[0].email",
      /email address/,
    ],
    [
      "an unknown role",
      (i) => {
        i.people[1]!.role = "seller";
        return i;
      },
      "$.people[1].role",
      /expected one of/,
    ],
    [
      "an unknown time zone",
      (i) => {
        i.people[1]!.timeZone = "Atlantis Standard Time";
        return i;
      },
      "$.people[1].timeZone",
      /not a known Windows or IANA time zone/,
    ],
    [
      "an unknown working-hours zone in Graph's shape",
      (i) => {
        i.people[1]!.workingHours = {
          daysOfWeek: ["monday"],
          startTime: "08:00",
          endTime: "17:00",
          timeZone: { name: "Nowhere" },
        };
        return i;
      },
      "$.people[1].workingHours.timeZone.name",
      /not a known/,
    ],
    [
      "a day that is not a weekday",
      (i) => {
        i.people[1]!.workingHours = { daysOfWeek: ["funday"], startTime: "08:00", endTime: "17:00" };
        return i;
      },
      "$.people[1].workingHours.daysOfWeek[0]",
      /monday/,
    ],
    [
      "a working day that ends before it starts",
      (i) => {
        i.people[1]!.workingHours = { daysOfWeek: ["monday"], startTime: "18:00", endTime: "09:00" };
        return i;
      },
      "$.people[1].workingHours.endTime",
      /after startTime/,
    ],
    [
      "a clock time past midnight",
      (i) => {
        i.people[1]!.workingHours = { daysOfWeek: ["monday"], startTime: "08:00", endTime: "24:30" };
        return i;
      },
      "$.people[1].workingHours.endTime",
      /time such as/,
    ],
    [
      "an impossible hire date",
      (i) => {
        i.people[1]!.hireDate = "2026-02-30";
        return i;
      },
      "$.people[1].hireDate",
      /date such as/,
    ],
    [
      "a manager who is not in people",
      (i) => {
        i.people[1]!.manager = "boss@contoso.com";
        return i;
      },
      "$.people[1].manager",
      /boss@contoso\.com, who is not in people/,
    ],
    [
      "two people with one address",
      (i) => {
        i.people[1]!.email = "MARY@contoso.com";
        return i;
      },
      "$.people[1].email",
      /mary@contoso\.com is used by two people/,
    ],
    [
      "an alias that is someone else's address",
      (i) => {
        i.people[1]!.aliases = ["jrep@contoso.com", "mary@contoso.com"];
        return i;
      },
      "$.people[1].aliases[1]",
      /mary@contoso\.com is used by two people/,
    ],
    ["accounts that are not a list", (i) => ({ ...i, accounts: {} }), "$.accounts", /expected array/],
  ];

  it.each(cases)("names the JSON path of %s", (_name, mutate, path, detail) => {
    const found = problem(mutate(minimal()));
    expect(found.path).toBe(path);
    expect(found.detail).toMatch(detail);
  });

  it("lets a person list their own address among their aliases", () => {
    const input = minimal();
    input.people[1]!.aliases = ["JANE@contoso.com"];
    expect(parseOrg(input).people[1]!.aliases).toEqual(["jane@contoso.com"]);
  });
});

describe("normalizeClockTime", () => {
  it.each([
    ["08:00", "08:00:00"],
    ["08:30:15", "08:30:15"],
    ["17:00:00.0000000", "17:00:00"],
  ])("writes %s as %s", (input, output) => {
    expect(normalizeClockTime(input)).toBe(output);
  });
});
