import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { parseCadencePolicy, type RepCadenceOverride } from "../domain/cadence-policy.ts";
import type { Development, Initiator, MeetingKind } from "../domain/classify.ts";
import type { CoachingTotals as DomainTotals, WeekTotals as DomainWeekTotals } from "../domain/metrics.ts";
import type { MetricName as StoredMetricName, NoteStatus as StoredNoteStatus } from "../store/schema.ts";
import {
  type CoachingTotals,
  type development,
  email,
  etagOf,
  ifMatch,
  type initiator,
  type meetingKind,
  type WeekTotals,
  windowQuery,
} from "./common.ts";
import { badRequestError, consentRequiredError } from "./errors.ts";
import { commentBody } from "./executive.ts";
import { meResponse } from "./me.ts";
import {
  createNoteBody,
  type Note,
  note,
  noteDraftBody,
  type noteStatus,
  notesQuery,
  versionConflictError,
} from "./notes.ts";
import { type MetricName, planBody } from "./plans.ts";
import { behavioursBody, type CadenceOverride, cadencePolicyDocument } from "./settings.ts";

const NOTE: Note = {
  id: "00000000-0000-4000-8000-000000000001",
  version: 3,
  meeting: { iCalUId: "040000008200E00074C5B7101A82E008", start: "2026-03-02T09:00:00Z", kind: "field-day" },
  rep: { email: "rita@contoso.com", name: "Rita Rep" },
  manager: { email: "max@contoso.com", name: "Max Manager" },
  status: "shared",
  focus: [{ behaviourId: "asks-open-questions", rating: 3, evidence: "Asked five open questions" }],
  wentWell: "Strong opening",
  gaps: "Rushed the close",
  reflection: "",
  privateNotes: null,
  actions: [],
  carriedActions: [],
  reviewComments: [],
  createdAt: "2026-03-02T12:00:00Z",
  updatedAt: "2026-03-02T12:05:00+01:00",
  sharedAt: "2026-03-02T12:05:00Z",
  signedOffAt: null,
};

function issues(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("common schemas", () => {
  it("compare email addresses in lower case", () => {
    expect(email.parse("Rita.Rep@Contoso.COM")).toBe("rita.rep@contoso.com");
    expect(issues(email, "Rita Rep")).toEqual([": must be an email address"]);
  });

  it("take a window that ends after it starts and spans at most 53 weeks", () => {
    expect(
      windowQuery.parse({ from: "2026-03-01T00:00:00+01:00", to: "2026-04-01T00:00:00+02:00" }),
    ).toBeTruthy();
    expect(issues(windowQuery, { from: "2026-03-02T00:00:00Z", to: "2026-03-01T00:00:00Z" })).toEqual([
      "to: must end after it starts",
    ]);
    expect(issues(windowQuery, { from: "2025-01-01T00:00:00Z", to: "2026-03-01T00:00:00Z" })).toEqual([
      "to: must span at most 53 weeks",
    ]);
    expect(issues(windowQuery, { from: "2026-03-01T00:00:00", to: "2026-03-02T00:00:00Z" })).toEqual([
      "from: must be an ISO 8601 date-time with an offset",
    ]);
  });

  it("read If-Match as the ETag FieldCoach sent, or a bare number", () => {
    expect(ifMatch.parse({ "if-match": etagOf(3) })).toEqual({ "if-match": 3 });
    expect(ifMatch.parse({ "if-match": "0" })).toEqual({ "if-match": 0 });
    for (const bad of ['W/"3"', "*", "three", '"3", "4"']) {
      expect(issues(ifMatch, { "if-match": bad })).toEqual([
        'if-match: must be the version to replace, such as "3"',
      ]);
    }
  });
});

describe("area schemas", () => {
  it("describe a note, and a 412 that carries the current one", () => {
    expect(note.parse(NOTE)).toEqual(NOTE);
    expect(
      versionConflictError.parse({
        code: "version_conflict",
        message: "Someone saved this note first.",
        current: NOTE,
      }),
    ).toMatchObject({ current: { version: 3 } });
    expect(
      issues(note, { ...NOTE, focus: [{ behaviourId: "Asks Questions", rating: 5, evidence: "" }] }),
    ).toEqual([
      "focus.0.behaviourId: must be lower-case words joined by hyphens",
      "focus.0.rating: must be from 1 to 4",
    ]);
  });

  it("limit a draft to three focus behaviours and whole actions", () => {
    const draft = { focus: NOTE.focus, wentWell: "", gaps: "", privateNotes: "", actions: [] };
    expect(noteDraftBody.parse(draft)).toEqual(draft);
    expect(
      issues(noteDraftBody, {
        ...draft,
        focus: [...NOTE.focus, ...NOTE.focus, ...NOTE.focus, ...NOTE.focus],
      }),
    ).toEqual(["focus: must name at most three behaviours"]);
    expect(
      issues(noteDraftBody, {
        ...draft,
        actions: [{ id: "not-a-uuid", text: "", owner: "boss", due: "next week" }],
      }),
    ).toHaveLength(4);
  });

  it("ask notes by meeting or rep, and create one for a meeting and rep", () => {
    expect(issues(notesQuery, {})).toEqual(["meeting: needs meeting, rep or both"]);
    expect(notesQuery.parse({ rep: "Rita@Contoso.com" })).toEqual({ rep: "rita@contoso.com" });
    expect(createNoteBody.parse({ meeting: "abc", rep: "RITA@contoso.com" })).toEqual({
      meeting: "abc",
      rep: "rita@contoso.com",
    });
  });

  it("describe the signed-in person with their reporting tree", () => {
    const me = {
      tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
      mode: "demo",
      person: { objectId: "oid-eve", email: "eve@contoso.com", name: "Eve Exec", timeZone: null },
      roles: ["executive", "admin"],
      manager: null,
      reports: [
        {
          email: "max@contoso.com",
          name: "Max",
          role: "manager",
          reports: [{ email: "rita@contoso.com", name: "Rita", role: "rep", reports: [] }],
        },
      ],
    };
    expect(meResponse.parse(me)).toEqual(me);
    const broken = structuredClone(me);
    broken.reports[0]!.reports[0]!.role = "intern";
    expect(issues(meResponse, broken)).toHaveLength(1);
  });

  it("trim review comments and make them plain comments unless they record a debrief", () => {
    expect(commentBody.parse({ id: NOTE.id, body: "  Debriefed on Monday " })).toEqual({
      id: NOTE.id,
      body: "Debriefed on Monday",
      debrief: false,
    });
    expect(issues(commentBody, { id: NOTE.id, body: "   " })).toEqual(["body: must not be empty"]);
  });

  it("refuse a plan or a library that repeats a behaviour", () => {
    expect(
      issues(planBody, {
        focus: [
          { behaviourId: "listens", targetRating: 3 },
          { behaviourId: "listens", targetRating: 4 },
        ],
        goals: [],
        cadenceOverride: null,
      }),
    ).toEqual(["focus: must not repeat a behaviour"]);
    const listens = { id: "listens", name: "Listens", description: "" };
    expect(issues(behavioursBody, { behaviours: [listens, listens] })).toEqual([
      "behaviours: must not repeat an id",
    ]);
  });

  it("accept the POLICY.json documents the domain accepts, and refuse unknown fields", () => {
    const documents = [
      {},
      { blockLength: "full-day", horizonWeeks: 6, preferredWeekdays: ["tuesday"] },
      {
        everyWeeks: { newHire: 1 },
        reps: { "rita@contoso.com": { halfDayHours: 3.5, tentativeIsBusy: false } },
      },
    ];
    for (const document of documents) {
      expect(cadencePolicyDocument.parse(document)).toEqual(document);
      expect(() => parseCadencePolicy(document)).not.toThrow();
    }
    expect(issues(cadencePolicyDocument, { horizonWeeks: 9 })).toEqual(["horizonWeeks: must be at most 8"]);
    expect(issues(cadencePolicyDocument, { fieldDayLength: 4 })).toHaveLength(1);
  });

  it("describe the bodies of 400 and of missing consent", () => {
    expect(
      badRequestError.parse({
        code: "bad_request",
        message: "The request is invalid.",
        issues: [{ path: "$.to", message: "must end after it starts" }],
      }),
    ).toBeTruthy();
    expect(
      consentRequiredError.parse({
        code: "consent_required",
        message: "An administrator must consent.",
        adminConsentUrl:
          "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/adminconsent?client_id=x",
        scopes: ["Calendars.Read"],
      }),
    ).toBeTruthy();
  });
});

describe("the contract and the code behind it", () => {
  it("use the same vocabularies as the domain and the store", () => {
    expectTypeOf<z.infer<typeof initiator>>().toEqualTypeOf<Initiator>();
    expectTypeOf<z.infer<typeof meetingKind>>().toEqualTypeOf<MeetingKind>();
    expectTypeOf<z.infer<typeof development>>().toEqualTypeOf<Development>();
    expectTypeOf<z.infer<typeof noteStatus>>().toEqualTypeOf<StoredNoteStatus>();
    expectTypeOf<MetricName>().toEqualTypeOf<StoredMetricName>();
    expectTypeOf<DomainTotals>().toExtend<CoachingTotals>();
    expectTypeOf<DomainWeekTotals>().toExtend<WeekTotals>();
    expectTypeOf<CadenceOverride>().toExtend<RepCadenceOverride>();
  });
});
