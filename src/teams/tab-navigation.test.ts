import { describe, expect, it } from "vitest";
import { homeRouteFor, navItemsFor, selectedNavPage } from "./tab-navigation.ts";

describe("tab navigation", () => {
  it("shows each person their own pages", () => {
    expect(navItemsFor(["manager"]).map((item) => item.label)).toEqual(["My team", "Field days"]);
    expect(navItemsFor(["rep"]).map((item) => item.label)).toEqual(["My coaching"]);
    expect(navItemsFor(["executive"]).map((item) => item.label)).toEqual([
      "Coaching the coaches",
      "Settings",
    ]);
    expect(navItemsFor(["rep", "admin"]).map((item) => item.label)).toEqual(["My coaching", "Settings"]);
  });

  it("opens on the first of them", () => {
    expect(homeRouteFor(["manager", "admin"])).toEqual({ page: "team" });
    expect(homeRouteFor(["executive"])).toEqual({ page: "coaches" });
    expect(homeRouteFor(["admin"])).toEqual({ page: "settings" });
    expect(homeRouteFor([])).toEqual({ page: "not-found", path: "" });
  });

  it("lights the tab a deeper page belongs to", () => {
    expect(selectedNavPage({ page: "rep", email: "a@contoso.com" }, ["manager"])).toBe("team");
    expect(selectedNavPage({ page: "rep", email: "a@contoso.com" }, ["rep"])).toBe("my-coaching");
    expect(selectedNavPage({ page: "note", noteId: "n" }, ["executive"])).toBe("coaches");
    expect(selectedNavPage({ page: "suggestions", suggestionId: "s" }, ["manager"])).toBe("suggestions");
    expect(selectedNavPage({ page: "not-found", path: "x" }, ["manager"])).toBeUndefined();
  });
});
