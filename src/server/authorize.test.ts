import { describe, expect, it } from "vitest";
import type { PersonRecord } from "../store/repositories/people.ts";
import {
  canEditNote,
  canEditPlan,
  canRecordMetrics,
  canReflect,
  canReview,
  canSeePrivateNotes,
  canSeeTeam,
  canSetPolicy,
  type NoteParties,
  noteAccess,
  personAccess,
  type Viewer,
} from "./authorize.ts";
import { buildHierarchy } from "./hierarchy.ts";

function person(local: string, manager: string | null, role: PersonRecord["role"] = "rep"): PersonRecord {
  return {
    objectId: `oid-${local}`,
    email: `${local}@contoso.com`,
    name: local,
    aliases: [],
    role,
    timeZone: "America/New_York",
    workingHours: null,
    hireDate: null,
    managerObjectId: manager === null ? null : `oid-${manager}`,
    managerEmail: manager === null ? null : `${manager}@contoso.com`,
    syncedAt: 0,
  };
}

// vp ─ mia ─ ana, ben      vp2 ─ omar ─ zoe
//    └ max ─ cat
const people = [
  person("vp", null, "executive"),
  person("mia", "vp", "manager"),
  person("max", "vp", "manager"),
  person("ana", "mia"),
  person("ben", "mia"),
  person("cat", "max"),
  person("vp2", null, "executive"),
  person("omar", "vp2", "manager"),
  person("zoe", "omar"),
  person("admin", null),
];
const hierarchy = buildHierarchy(people);

function viewer(local: string | null, isAdmin = false): Viewer {
  return {
    tenantId: "t",
    objectId: `oid-${local}`,
    email: local === null ? null : `${local}@contoso.com`,
    isAdmin,
  };
}

const note = (status: NoteParties["status"]): NoteParties => ({
  managerEmail: "mia@contoso.com",
  repEmail: "ana@contoso.com",
  status,
});

describe("note access", () => {
  it("gives the manager the whole note at every status", () => {
    for (const status of ["draft", "shared", "signed-off"] as const) {
      expect(noteAccess(viewer("mia"), note(status), hierarchy)).toBe("author");
    }
    expect(canSeePrivateNotes("author")).toBe(true);
  });

  it("shows the rep nothing before the note is shared, then everything but the private notes", () => {
    expect(noteAccess(viewer("ana"), note("draft"), hierarchy)).toBeUndefined();
    expect(noteAccess(viewer("ana"), note("shared"), hierarchy)).toBe("rep");
    expect(noteAccess(viewer("ana"), note("signed-off"), hierarchy)).toBe("rep");
    expect(canSeePrivateNotes("rep")).toBe(false);
  });

  it("lets executives above the manager review, at any depth, once out of draft, without the private notes", () => {
    expect(noteAccess(viewer("vp"), note("draft"), hierarchy)).toBeUndefined();
    expect(noteAccess(viewer("vp"), note("shared"), hierarchy)).toBe("reviewer");
    expect(noteAccess(viewer("vp"), note("signed-off"), hierarchy)).toBe("reviewer");
    expect(canSeePrivateNotes("reviewer")).toBe(false);
  });

  it("shows nobody else anything: other reps, peers, other branches, admins, people outside the directory", () => {
    for (const who of [
      viewer("ben"),
      viewer("max"),
      viewer("cat"),
      viewer("vp2"),
      viewer("omar"),
      viewer("zoe"),
    ]) {
      for (const status of ["draft", "shared", "signed-off"] as const) {
        expect(noteAccess(who, note(status), hierarchy)).toBeUndefined();
      }
    }
    expect(noteAccess(viewer("admin", true), note("signed-off"), hierarchy)).toBeUndefined();
    expect(noteAccess(viewer(null, true), note("signed-off"), hierarchy)).toBeUndefined();
  });

  it("lets the manager edit until sign-off, the rep reflect while shared, executives review once signed off", () => {
    expect(canEditNote("author", note("draft"))).toBe(true);
    expect(canEditNote("author", note("shared"))).toBe(true);
    expect(canEditNote("author", note("signed-off"))).toBe(false);
    expect(canEditNote("rep", note("shared"))).toBe(false);
    expect(canReflect("rep", note("shared"))).toBe(true);
    expect(canReflect("rep", note("signed-off"))).toBe(false);
    expect(canReflect("author", note("shared"))).toBe(false);
    expect(canReview("reviewer", note("signed-off"))).toBe(true);
    expect(canReview("reviewer", note("shared"))).toBe(false);
    expect(canReview("author", note("signed-off"))).toBe(false);
  });
});

describe("people and teams", () => {
  it("tells self, direct manager and executives apart", () => {
    expect(personAccess(viewer("ana"), "ana@contoso.com", hierarchy)).toBe("self");
    expect(personAccess(viewer("mia"), "ana@contoso.com", hierarchy)).toBe("manager");
    expect(personAccess(viewer("vp"), "ana@contoso.com", hierarchy)).toBe("executive");
    expect(personAccess(viewer("ben"), "ana@contoso.com", hierarchy)).toBeUndefined();
    expect(personAccess(viewer("max"), "ana@contoso.com", hierarchy)).toBeUndefined();
    expect(personAccess(viewer("vp2"), "ana@contoso.com", hierarchy)).toBeUndefined();
    expect(personAccess(viewer("admin", true), "ana@contoso.com", hierarchy)).toBeUndefined();
  });

  it("lets the direct manager keep the plan and anyone above record metrics", () => {
    expect(canEditPlan("manager")).toBe(true);
    expect(canEditPlan("executive")).toBe(false);
    expect(canEditPlan("self")).toBe(false);
    expect(canRecordMetrics("executive")).toBe(true);
    expect(canRecordMetrics("self")).toBe(false);
  });

  it("shows a team to its manager and those above, not to peers or admins", () => {
    expect(canSeeTeam(viewer("mia"), "mia@contoso.com", hierarchy)).toBe(true);
    expect(canSeeTeam(viewer("vp"), "mia@contoso.com", hierarchy)).toBe(true);
    expect(canSeeTeam(viewer("max"), "mia@contoso.com", hierarchy)).toBe(false);
    expect(canSeeTeam(viewer("vp2"), "mia@contoso.com", hierarchy)).toBe(false);
    expect(canSeeTeam(viewer("admin", true), "mia@contoso.com", hierarchy)).toBe(false);
  });

  it("lets admins and executives set the cadence policy, not managers", () => {
    expect(canSetPolicy(viewer("admin", true), hierarchy)).toBe(true);
    expect(canSetPolicy(viewer("vp"), hierarchy)).toBe(true);
    expect(canSetPolicy(viewer("mia"), hierarchy)).toBe(false);
  });

  it("stops at a cycle in the reporting lines", () => {
    const looped = buildHierarchy([person("a", "b", "manager"), person("b", "a", "manager")]);
    expect(looped.managersOf("a@contoso.com")).toEqual(["b@contoso.com"]);
    expect(looped.subtreeOf("a@contoso.com").map((p) => p.email)).toEqual(["b@contoso.com"]);
    expect(looped.isAbove("a@contoso.com", "a@contoso.com")).toBe(false);
  });
});
