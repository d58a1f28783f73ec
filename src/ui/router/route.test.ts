import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRoute, type Route, routeHref, routePath } from "./route.ts";

describe("parseRoute", () => {
  it("reads the deep links of the spec", () => {
    expect(parseRoute("#/rep/jane%40contoso.com")).toEqual({ page: "rep", email: "jane@contoso.com" });
    expect(parseRoute("#/rep/jane@contoso.com")).toEqual({ page: "rep", email: "jane@contoso.com" });
    expect(parseRoute("#/note/5a0c")).toEqual({ page: "note", noteId: "5a0c" });
    expect(parseRoute("#/suggestions/s-1")).toEqual({ page: "suggestions", suggestionId: "s-1" });
    expect(parseRoute("#/suggestions")).toEqual({ page: "suggestions" });
  });

  it("reads a Teams subPageId, which carries the same path without the hash", () => {
    expect(parseRoute("note/5a0c")).toEqual({ page: "note", noteId: "5a0c" });
    expect(parseRoute("")).toEqual({ page: "home" });
    expect(parseRoute("#/")).toEqual({ page: "home" });
  });

  it("reads a meeting with its rep", () => {
    expect(parseRoute("#/meeting/040000008200E0?rep=ana%40contoso.com")).toEqual({
      page: "meeting",
      iCalUId: "040000008200E0",
      rep: "ana@contoso.com",
    });
  });

  it("names what it cannot read instead of guessing", () => {
    expect(parseRoute("#/rep")).toEqual({ page: "not-found", path: "rep" });
    expect(parseRoute("#/team/extra")).toEqual({ page: "not-found", path: "team/extra" });
    expect(parseRoute("#/unknown")).toEqual({ page: "not-found", path: "unknown" });
    expect(parseRoute("#/rep/%E0%A4%A")).toEqual({ page: "not-found", path: "rep/%E0%A4%A" });
  });
});

describe("routeHref", () => {
  it("escapes what would break a path", () => {
    expect(routeHref({ page: "rep", email: "a/b@contoso.com" })).toBe("#/rep/a%2Fb%40contoso.com");
  });

  it("reads back every route it writes", () => {
    const id = fc.string({ minLength: 1 });
    const route: fc.Arbitrary<Route> = fc.oneof(
      fc.constant<Route>({ page: "home" }),
      fc.constant<Route>({ page: "team" }),
      fc.constant<Route>({ page: "my-coaching" }),
      fc.constant<Route>({ page: "settings" }),
      fc.constant<Route>({ page: "suggestions" }),
      id.map((suggestionId): Route => ({ page: "suggestions", suggestionId })),
      id.map((email): Route => ({ page: "rep", email })),
      id.map((noteId): Route => ({ page: "note", noteId })),
      fc.record({ iCalUId: id, rep: id }).map((m): Route => ({ page: "meeting", ...m })),
      id.map((iCalUId): Route => ({ page: "meeting", iCalUId })),
      fc.constant<Route>({ page: "coaches" }),
      id.map((managerEmail): Route => ({ page: "coaches", managerEmail })),
    );
    fc.assert(
      fc.property(route, (r) => {
        expect(parseRoute(routeHref(r))).toEqual(r);
        expect(parseRoute(routePath(r).slice(1))).toEqual(r);
      }),
    );
  });
});
