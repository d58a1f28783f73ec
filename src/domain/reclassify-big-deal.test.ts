import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ClassificationOverride, classifyEvents } from "./classify.ts";
import { eventArb, windowArb } from "./classify-test-arbitraries.ts";
import { attendee, buildEvent, JANE, MARY, ORG_JSON, utc } from "./classify-test-support.ts";
import { buildOrgIndex, type OrgIndex } from "./org.ts";
import { parseOrg } from "./parse-org.ts";
import { reclassifyBigDeal, type StoredBigDeal } from "./reclassify-big-deal.ts";

interface AccountsAndThreshold {
  readonly accounts: readonly { domain: string; name: string; openPipeline: number }[];
  readonly bigDealThreshold: number;
}

const orgWith = (settings: AccountsAndThreshold): OrgIndex =>
  buildOrgIndex(
    parseOrg({ ...ORG_JSON, accounts: settings.accounts, bigDealThreshold: settings.bigDealThreshold }),
  );

/** Accounts over the customer domains the event arbitraries use, parents and subdomains among them. */
const settingsArb: fc.Arbitrary<AccountsAndThreshold> = fc.record({
  accounts: fc.uniqueArray(
    fc.record({
      domain: fc.constantFrom(
        "fabrikam.com",
        "sales.fabrikam.com",
        "northwind.com",
        "example.org",
        "evil.com",
      ),
      name: fc.constantFrom("Fabrikam", "Fabrikam Sales", "Northwind", "Example", "Evil"),
      // Few values, so that ties between accounts and with the threshold come up.
      openPipeline: fc.constantFrom(0, 500_000, 1_000_000, 2_000_000),
    }),
    { selector: (account) => account.domain, maxLength: 5 },
  ),
  bigDealThreshold: fc.constantFrom(0, 1_000_000, 2_000_000),
});

const overrideArb: fc.Arbitrary<ClassificationOverride | undefined> = fc.option(
  fc.record(
    {
      initiator: fc.constantFrom("manager", "rep", "other"),
      kind: fc.constantFrom("field-day", "customer-call", "one-on-one", "group"),
      reason: fc.constantFrom("the buyer asked", "all day: as agreed", "it fall in the window"),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

const customerCall = buildEvent({
  id: "c1",
  iCalUId: "ical-c1",
  start: utc("2026-03-03T15:00"),
  end: utc("2026-03-03T16:00"),
  attendees: [attendee(JANE), attendee("buyer@fabrikam.com"), attendee("cio@northwind.com")],
});
const WINDOW = { start: utc("2026-03-02T00:00"), end: utc("2026-03-09T00:00") };

describe("reclassifyBigDeal", () => {
  it("flags a stored customer call once its account reaches the threshold, and unflags it after", () => {
    const before = orgWith({ accounts: [], bigDealThreshold: 1_000_000 });
    const [stored] = classifyEvents({ manager: MARY, org: before, events: [customerCall], window: WINDOW });
    expect(stored!.bigDeal).toBe(false);

    const fabrikam = { domain: "fabrikam.com", name: "Fabrikam", openPipeline: 2_000_000 };
    const northwind = { domain: "northwind.com", name: "Northwind", openPipeline: 3_000_000 };
    const after = reclassifyBigDeal(
      stored!,
      orgWith({ accounts: [fabrikam, northwind], bigDealThreshold: 1_000_000 }),
    );
    expect(after.bigDeal).toBe(true);
    expect(after.reasons).toContain("big deal: Northwind has 3000000 in open pipeline, at or above 1000000");

    const lowered = reclassifyBigDeal(
      { ...stored!, ...after },
      orgWith({ accounts: [fabrikam], bigDealThreshold: 2_500_000 }),
    );
    expect(lowered).toEqual({ bigDeal: false, reasons: stored!.reasons });
  });

  it("leaves meetings that are not customer calls, or not classified, as they are", () => {
    const org = orgWith({
      accounts: [{ domain: "fabrikam.com", name: "Fabrikam", openPipeline: 5 }],
      bigDealThreshold: 0,
    });
    const group: StoredBigDeal = {
      initiator: "manager",
      kind: "group",
      customerDomains: ["fabrikam.com"],
      bigDeal: false,
      reasons: ["x"],
    };
    expect(reclassifyBigDeal(group, org)).toEqual({ bigDeal: false, reasons: ["x"] });
    const unclassified: StoredBigDeal = { ...group, initiator: "none", kind: "customer-call" };
    expect(reclassifyBigDeal(unclassified, org)).toEqual({ bigDeal: false, reasons: ["x"] });
  });

  it("gives what classifying the meeting anew under the new accounts and threshold gives", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(eventArb, overrideArb), { minLength: 1, maxLength: 20 }),
        windowArb,
        settingsArb,
        settingsArb,
        (pairs, window, first, second) => {
          const events = pairs.map(([event]) => event);
          const overrides = new Map(
            pairs.flatMap(([event, override]) =>
              override === undefined ? [] : [[event.iCalUId ?? event.id, override] as const],
            ),
          );
          const classify = (org: OrgIndex) =>
            classifyEvents({ manager: MARY, org, events, window, overrides });
          const orgAfter = orgWith(second);
          const anew = classify(orgAfter);
          classify(orgWith(first)).forEach((stored, index) => {
            expect(reclassifyBigDeal(stored, orgAfter)).toEqual({
              bigDeal: anew[index]!.bigDeal,
              reasons: anew[index]!.reasons,
            });
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
