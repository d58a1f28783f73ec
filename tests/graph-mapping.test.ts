import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CalendarEvent } from "../src/domain/calendar-event.ts";
import { InputError } from "../src/domain/input-error.ts";
import { mapDeltaPage } from "../src/graph/map-delta-page.ts";
import { directoryPeopleOf, directoryPersonOf, verifiedDomainsOf } from "../src/graph/map-directory.ts";
import { headerLookup, kindOfStatus, mapGraphError, parseRetryAfter } from "../src/graph/map-error.ts";
import { mailboxSettingsOf } from "../src/graph/map-mailbox-settings.ts";

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as unknown;
}

const context = {
  request: "GET /users/{id}/calendarView",
  neededScopes: ["Calendars.Read"],
  tries: 1,
  now: Date.parse("2026-03-01T08:00:00Z"),
};

describe("mapGraphError", () => {
  it("reads Graph's 429 sample: retry later after the fractional Retry-After", () => {
    const envelope = fixture("throttling.429.response.envelope.json") as {
      status: number;
      headers: Record<string, string>;
      body: unknown;
    };
    const error = mapGraphError(
      { status: envelope.status, header: headerLookup(envelope.headers), body: envelope.body },
      context,
    );
    expect(error).toMatchObject({
      kind: "retry-later",
      status: 429,
      code: "TooManyRequests",
      innerCode: "429",
      requestId: "94fb3b52-452a-4535-a601-69e0a90e3aa2",
      retryAfterMs: 2128,
      neededScopes: [],
    });
  });

  it("classifies the batch sample's failed items by status and code, never by message", () => {
    const { responses } = fixture("batch.response.json") as {
      responses: { status: number; headers: unknown; body: unknown }[];
    };
    const errors = responses
      .filter((r) => r.status >= 400)
      .map((r) =>
        mapGraphError({ status: r.status, header: headerLookup(r.headers), body: r.body }, context),
      );
    expect(errors.map((e) => [e.kind, e.status, e.code])).toEqual([
      ["permission", 403, "Http403"],
      ["permission", 403, "Authorization_RequestDenied"],
      ["bad-request", 405, "Request_BadRequest"],
    ]);
    expect(errors[0]!.neededScopes).toEqual(["Calendars.Read"]);
    expect(errors[1]!.message).toContain("it needs one of: Calendars.Read");
  });

  it("maps each status to what the caller should do", () => {
    expect([429, 503, 504, 500, 502, 410, 401, 403, 404, 400, 409, 501].map(kindOfStatus)).toEqual([
      "retry-later",
      "retry-later",
      "retry-later",
      "retry-later",
      "retry-later",
      "resync",
      "permission",
      "permission",
      "not-found",
      "bad-request",
      "bad-request",
      "bad-request",
    ]);
  });

  it("keeps the sync-state code of a 410 and survives a body that is not Graph's envelope", () => {
    const gone = mapGraphError(
      {
        status: 410,
        header: () => null,
        body: { error: { code: "SyncStateNotFound", message: "The sync state generation is not found" } },
      },
      context,
    );
    expect(gone).toMatchObject({ kind: "resync", code: "SyncStateNotFound" });
    const html = mapGraphError(
      { status: 502, header: () => null, body: "<html>Bad gateway</html>" },
      { ...context, tries: 4 },
    );
    expect(html).toMatchObject({ kind: "retry-later", code: "Http502", tries: 4 });
    expect(html.message).toContain("after 4 tries");
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-03-01T08:00:00Z");
    expect(parseRetryAfter("30", now)).toBe(30_000);
    expect(parseRetryAfter("Sun, 01 Mar 2026 08:00:45 GMT", now)).toBe(45_000);
    expect(parseRetryAfter("Sun, 01 Mar 2026 07:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe("directory mapping", () => {
  it("maps Graph's manager sample to a person with a lower-case address", () => {
    expect(directoryPersonOf(fixture("manager.get.response.json"), "$")).toEqual({
      id: "7d54cb02-aaa3-4016-9f9c-a4b49422dd9b",
      displayName: "Sara Davis",
      email: "sarad@contoso.onmicrosoft.com",
      userPrincipalName: "SaraD@contoso.onmicrosoft.com",
      jobTitle: "Finance VP",
      aliases: [],
      hireDate: null,
    });
  });

  it("keeps the secondary SMTP proxy addresses as aliases and the UTC date of employeeHireDate", () => {
    const user = {
      id: "4562bcc8-c436-4f95-b7c0-4f8ce89dca5e",
      displayName: "Ana Rivera",
      mail: "Ana.Rivera@contoso.com",
      userPrincipalName: "ana@contoso.com",
      jobTitle: "Account Executive",
      proxyAddresses: [
        "SMTP:Ana.Rivera@contoso.com",
        "smtp:ana@contoso.com",
        "smtp:ANA@contoso.com",
        "smtp:arivera@eu.contoso.com",
        "SIP:ana.rivera@contoso.com",
        "X500:/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=ana",
        "smtp:Ana.Rivera@contoso.com",
      ],
      employeeHireDate: "2025-12-31T23:00:00-05:00",
    };
    expect(directoryPersonOf(user, "$")).toMatchObject({
      email: "ana.rivera@contoso.com",
      aliases: ["ana@contoso.com", "arivera@eu.contoso.com"],
      hireDate: "2026-01-01",
    });
    expect(() => directoryPersonOf({ ...user, employeeHireDate: "last spring" }, "$")).toThrow(
      new InputError("$.employeeHireDate", "must be an ISO 8601 date and time"),
    );
    expect(() => directoryPersonOf({ ...user, proxyAddresses: ["smtp:a@contoso.com", 7] }, "$")).toThrow(
      new InputError("$.proxyAddresses[1]", "must be a string"),
    );
  });

  it("maps the id-only direct-reports sample without inventing names", () => {
    expect(directoryPeopleOf(fixture("directReports.list.response.json"), "$")).toEqual([
      {
        id: "a97733ce-92a4-4e7e-8d45-8e1f3e6a69d8",
        displayName: null,
        email: null,
        userPrincipalName: null,
        jobTitle: null,
        aliases: [],
        hireDate: null,
      },
    ]);
  });

  it("skips directory objects that are not users and names the path of a bad value", () => {
    const page = { value: [{ "@odata.type": "#microsoft.graph.orgContact", id: "c1" }, { id: 7 }] };
    expect(() => directoryPeopleOf(page, "$")).toThrow(
      new InputError("$.value[1].id", "must be a non-empty string"),
    );
    expect(directoryPeopleOf({ value: [page.value[0]] }, "$")).toEqual([]);
  });

  it("reads verified domains", () => {
    const org = {
      value: [{ id: "t", verifiedDomains: [{ name: "Contoso.com" }, { name: "contoso.onmicrosoft.com" }] }],
    };
    expect(verifiedDomainsOf(org, "$")).toEqual(["contoso.com", "contoso.onmicrosoft.com"]);
  });
});

describe("mailbox settings mapping", () => {
  it("reads the sample's zone and Pacific working week", () => {
    const settings = mailboxSettingsOf(fixture("mailboxSettings.get.response.json"), "$");
    expect(settings).toMatchObject({ usable: true, timeZone: "UTC" });
    if (!settings.usable) throw new Error("unusable");
    expect(settings.workWeek).toMatchObject({ startTime: "08:00:00", endTime: "17:00:00" });
    expect(settings.workWeek!.zone.name).toBe("America/Los_Angeles");
  });

  it("reads working hours in a custom zone (the workingHours sample wrapped as mailbox settings)", () => {
    const settings = mailboxSettingsOf(
      { workingHours: fixture("mailboxSettings.workingHours.get.response.json") },
      "$",
    );
    if (!settings.usable) throw new Error(settings.why);
    expect(settings.workWeek).toMatchObject({ startTime: "09:00:00", endTime: "18:30:00" });
    expect(settings.timeZone).toBeNull();
  });

  it("points a bad value at the mailbox settings' own path", () => {
    expect(() =>
      mailboxSettingsOf(
        {
          workingHours: {
            daysOfWeek: ["funday"],
            startTime: "08:00:00",
            endTime: "17:00:00",
            timeZone: { name: "UTC" },
          },
        },
        "$",
      ),
    ).toThrow(new InputError("$.workingHours.daysOfWeek[0]", "must be a day name such as monday"));
  });

  it("says why an unknown zone makes the working week unusable", () => {
    const settings = mailboxSettingsOf(
      {
        workingHours: {
          daysOfWeek: ["monday"],
          startTime: "08:00:00",
          endTime: "17:00:00",
          timeZone: { name: "Atlantis Time" },
        },
      },
      "$",
    );
    expect(settings).toEqual({
      usable: false,
      timeZone: null,
      why: expect.stringContaining("Atlantis Time"),
    });
  });
});

describe("delta page mapping", () => {
  it("follows round one's pages and ends on a delta link", () => {
    const page1 = mapDeltaPage(fixture("calendarView.delta.round1.page1.response.json"), "$");
    expect(page1.next).toEqual({
      kind: "page",
      link: "https://graph.microsoft.com/v1.0/me/calendarView/delta?$skiptoken=R0usmcCM996atia_s",
    });
    expect((page1.changed as CalendarEvent[]).map((e) => e.subject)).toEqual([
      "Plan shopping list",
      "Pick up car",
    ]);
    const page3 = mapDeltaPage(fixture("calendarView.delta.round1.page3.response.json"), "$");
    expect(page3.next.kind).toBe("delta");
  });

  it("turns @removed tombstones into removed ids", () => {
    const round2 = mapDeltaPage(fixture("calendarView.delta.round2.page1.response.json"), "$");
    expect(round2.removedIds).toEqual(["AAMkADk0MGFkODE3LWE4MmYtNDRhOS04OGQLkRkXbBznTvAADb6ytyAAA="]);
    expect((round2.changed as CalendarEvent[]).map((e) => e.subject)).toEqual(["Attend service"]);
  });

  it("refuses a page with neither link", () => {
    expect(() => mapDeltaPage({ value: [] }, "$")).toThrow(/neither @odata.nextLink nor @odata.deltaLink/);
  });
});
