import type { z } from "zod";
import type { ROUTES } from "../api/routes.ts";
import type { ApiAnswer, HttpMethod, Transport } from "./http-transport.ts";
import { isRecord } from "./is-record.ts";

type Routes = typeof ROUTES;
/** The routes the pages call (health checks are for probes). */
export type ClientRoute = Exclude<keyof Routes, "health" | "ready">;

type Spec<R extends ClientRoute> = Routes[R];
type InputOf<S, K extends string> = S extends { readonly [P in K]: infer T extends z.ZodType }
  ? z.input<T>
  : never;

/** What a call of route R takes: exactly the parts its contract names. */
export type CallInput<R extends ClientRoute> = (Spec<R> extends { readonly params: z.ZodType }
  ? { readonly params: InputOf<Spec<R>, "params"> }
  : unknown) &
  (Spec<R> extends { readonly query: z.ZodType } ? { readonly query: InputOf<Spec<R>, "query"> } : unknown) &
  (Spec<R> extends { readonly body: z.ZodType } ? { readonly body: InputOf<Spec<R>, "body"> } : unknown) &
  (Spec<R> extends { readonly headers: z.ZodType } ? { readonly ifMatch: number } : unknown);

export type CallOutput<R extends ClientRoute> = z.output<Spec<R>["response"]>;

/**
 * Method, path and body type of each route, checked against the contract at compile time (the
 * `satisfies` clause fails when a path or method differs from src/api/routes.ts). The table itself is
 * not imported, because its zod schemas would load with the first page.
 */
const ENDPOINTS = {
  getMe: ["GET", "/api/me"],
  getDashboard: ["GET", "/api/team/dashboard"],
  listEvents: ["GET", "/api/events"],
  setOverride: ["PUT", "/api/events/:iCalUId/override"],
  listSuggestions: ["GET", "/api/suggestions"],
  acceptSuggestion: ["POST", "/api/suggestions/:id/accept"],
  dismissSuggestion: ["POST", "/api/suggestions/:id/dismiss"],
  listNotes: ["GET", "/api/notes"],
  createNote: ["POST", "/api/notes"],
  getNote: ["GET", "/api/notes/:id"],
  saveNote: ["PUT", "/api/notes/:id"],
  shareNote: ["POST", "/api/notes/:id/share"],
  saveReflection: ["PUT", "/api/notes/:id/reflection"],
  signOffNote: ["POST", "/api/notes/:id/sign-off"],
  setActionStatus: ["PUT", "/api/notes/:id/actions/:actionId"],
  getPlan: ["GET", "/api/reps/:email/plan"],
  savePlan: ["PUT", "/api/reps/:email/plan"],
  importMetrics: ["POST", "/api/reps/:email/metrics/import", "text/csv"],
  getExecutiveOverview: ["GET", "/api/executive/overview"],
  listReports: ["GET", "/api/reports"],
  addReviewComment: ["POST", "/api/reports/:noteId/comments"],
  getPolicy: ["GET", "/api/settings/policy"],
  savePolicy: ["PUT", "/api/settings/policy"],
  getBehaviours: ["GET", "/api/settings/behaviours"],
  saveBehaviours: ["PUT", "/api/settings/behaviours"],
  getTenantSettings: ["GET", "/api/settings/tenant"],
  saveTenantSettings: ["PUT", "/api/settings/tenant"],
  exportPerson: ["GET", "/api/admin/people/:email/export"],
  deletePerson: ["DELETE", "/api/admin/people/:email"],
} as const satisfies {
  readonly [R in ClientRoute]:
    | readonly [Spec<R>["method"], Spec<R>["path"]]
    | readonly [Spec<R>["method"], Spec<R>["path"], "text/csv"];
};

export interface ApiClient {
  call<R extends ClientRoute>(route: R, input: CallInput<R>): Promise<CallOutput<R>>;
  /** The same, with the ETag's version where the route sends one. */
  callVersioned<R extends ClientRoute>(route: R, input: CallInput<R>): Promise<ApiAnswer<CallOutput<R>>>;
}

/** One API client for both hosts, typed from the contract in src/api. */
export function createApiClient(transport: Transport): ApiClient {
  const callVersioned = <R extends ClientRoute>(route: R, input: CallInput<R>) => {
    const [method, path, contentType]: readonly [HttpMethod, string, string?] = ENDPOINTS[route];
    const parts: Partial<Record<"params" | "query" | "body" | "ifMatch", unknown>> = input as object;
    return transport.send<CallOutput<R>>({
      method,
      path: fillPath(path, textFields(parts.params)),
      ...(parts.query === undefined ? {} : { query: textFields(parts.query) }),
      ...(parts.body === undefined ? {} : { body: parts.body }),
      ...(contentType === undefined ? {} : { contentType }),
      ...(typeof parts.ifMatch === "number" ? { ifMatch: parts.ifMatch } : {}),
    });
  };
  return {
    callVersioned,
    call: async (route, input) => (await callVersioned(route, input)).body,
  };
}

/** `/api/notes/:id` with its parameters encoded, as the contract's pathFor does. */
export function fillPath(path: string, params: Readonly<Record<string, string>>): string {
  return path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new RangeError(`${path} needs the parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** Path parameters and query values as text; absent query values are left out. */
function textFields(fields: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(fields)) return out;
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) out[name] = String(value);
  }
  return out;
}
