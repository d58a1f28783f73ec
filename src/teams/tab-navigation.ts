import type { MeResponse } from "../api/me.ts";
import type { Route } from "../ui/router/route.ts";

type Role = MeResponse["roles"][number];

export interface NavItem {
  /** The page it opens; also the tab's value. */
  readonly page: "team" | "suggestions" | "my-coaching" | "coaches" | "settings";
  readonly label: string;
  readonly route: Route;
}

const ITEMS: readonly (NavItem & { readonly for: readonly Role[] })[] = [
  { page: "team", label: "My team", route: { page: "team" }, for: ["manager"] },
  { page: "suggestions", label: "Field days", route: { page: "suggestions" }, for: ["manager"] },
  { page: "my-coaching", label: "My coaching", route: { page: "my-coaching" }, for: ["rep"] },
  { page: "coaches", label: "Coaching the coaches", route: { page: "coaches" }, for: ["executive"] },
  { page: "settings", label: "Settings", route: { page: "settings" }, for: ["admin", "executive"] },
];

/** The tabs a person sees: their own pages, in the order of their working day. */
export function navItemsFor(roles: readonly Role[]): NavItem[] {
  return ITEMS.filter((item) => item.for.some((role) => roles.includes(role))).map(
    ({ for: _, ...item }) => item,
  );
}

/** Where "home" leads: the first page of the person's tabs. */
export function homeRouteFor(roles: readonly Role[]): Route {
  return navItemsFor(roles)[0]?.route ?? { page: "not-found", path: "" };
}

/** Which tab is lit for a route: deeper pages light the tab they belong to. */
export function selectedNavPage(route: Route, roles: readonly Role[]): NavItem["page"] | undefined {
  switch (route.page) {
    case "team":
    case "suggestions":
    case "my-coaching":
    case "coaches":
    case "settings":
      return route.page;
    case "rep":
      return roles.includes("rep") ? "my-coaching" : roles.includes("manager") ? "team" : undefined;
    case "note":
    case "meeting":
      return roles.includes("manager")
        ? "team"
        : roles.includes("rep")
          ? "my-coaching"
          : roles.includes("executive")
            ? "coaches"
            : undefined;
    default:
      return undefined;
  }
}
