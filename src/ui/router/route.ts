/**
 * The pages' addresses live in the URL's hash (`#/rep/jane@contoso.com`): Office.js removes the
 * History API in the Outlook panel and Teams reloads a tab at its configured URL, so hash links are the
 * ones that survive in both hosts and can be pasted into a browser.
 */
export type Route =
  | { readonly page: "home" }
  | { readonly page: "team" }
  | { readonly page: "my-coaching" }
  | { readonly page: "suggestions"; readonly suggestionId?: string }
  | { readonly page: "rep"; readonly email: string }
  | { readonly page: "note"; readonly noteId: string }
  | { readonly page: "meeting"; readonly iCalUId: string; readonly rep?: string }
  | { readonly page: "coaches"; readonly managerEmail?: string }
  | { readonly page: "settings" }
  | { readonly page: "not-found"; readonly path: string };

export type PageName = Route["page"];

/** Reads `#/…` (or a Teams subPageId such as `rep/jane@contoso.com`, which is the same path). */
export function parseRoute(hashOrPath: string): Route {
  const path = hashOrPath.replace(/^#/, "").replace(/^\/+/, "");
  const [pathPart = "", query = ""] = path.split("?", 2);
  const segments = pathPart.split("/").filter((segment) => segment !== "");
  const decoded = segments.map(safeDecode);
  if (decoded.some((segment) => segment === undefined)) return { page: "not-found", path };
  const [first, second, ...rest] = decoded as string[];
  const params = new URLSearchParams(query);
  if (rest.length > 0) return { page: "not-found", path };
  switch (first) {
    case undefined:
      return { page: "home" };
    case "team":
      return second === undefined ? { page: "team" } : { page: "not-found", path };
    case "me":
      return second === undefined ? { page: "my-coaching" } : { page: "not-found", path };
    case "suggestions":
      return second === undefined ? { page: "suggestions" } : { page: "suggestions", suggestionId: second };
    case "rep":
      return second === undefined ? { page: "not-found", path } : { page: "rep", email: second };
    case "note":
      return second === undefined ? { page: "not-found", path } : { page: "note", noteId: second };
    case "meeting": {
      if (second === undefined) return { page: "not-found", path };
      const rep = params.get("rep");
      return rep === null ? { page: "meeting", iCalUId: second } : { page: "meeting", iCalUId: second, rep };
    }
    case "coaches":
      return second === undefined ? { page: "coaches" } : { page: "coaches", managerEmail: second };
    case "settings":
      return second === undefined ? { page: "settings" } : { page: "not-found", path };
    default:
      return { page: "not-found", path };
  }
}

/** The path of a route without the `#`, also what a Teams deep link carries as its subPageId. */
export function routePath(route: Route): string {
  const at = (...segments: string[]) => `/${segments.map(encodeURIComponent).join("/")}`;
  switch (route.page) {
    case "home":
      return "/";
    case "team":
      return at("team");
    case "my-coaching":
      return at("me");
    case "suggestions":
      return route.suggestionId === undefined ? at("suggestions") : at("suggestions", route.suggestionId);
    case "rep":
      return at("rep", route.email);
    case "note":
      return at("note", route.noteId);
    case "meeting": {
      const base = at("meeting", route.iCalUId);
      return route.rep === undefined ? base : `${base}?${new URLSearchParams({ rep: route.rep })}`;
    }
    case "coaches":
      return route.managerEmail === undefined ? at("coaches") : at("coaches", route.managerEmail);
    case "settings":
      return at("settings");
    case "not-found":
      return `/${route.path}`;
  }
}

export function routeHref(route: Route): string {
  return `#${routePath(route)}`;
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
