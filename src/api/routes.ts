import { z } from "zod";
import { personDeleteResponse, personExportResponse, personParams } from "./admin.ts";
import { empty, ifMatch } from "./common.ts";
import { dashboardQuery, dashboardResponse } from "./dashboard.ts";
import type { ErrorCode } from "./errors.ts";
import { eventsQuery, eventsResponse, overrideBody, overrideParams, overrideResponse } from "./events.ts";
import {
  commentBody,
  commentParams,
  commentResponse,
  overviewQuery,
  overviewResponse,
  reportsQuery,
  reportsResponse,
} from "./executive.ts";
import { healthResponse, readyResponse } from "./health.ts";
import { meResponse } from "./me.ts";
import {
  actionParams,
  actionStatusBody,
  createNoteBody,
  note,
  noteAction,
  noteDraftBody,
  noteParams,
  notesQuery,
  notesResponse,
  reflectionBody,
} from "./notes.ts";
import { metricsImportResponse, planBody, planResponse, repParams } from "./plans.ts";
import {
  behavioursBody,
  behavioursResponse,
  policyBody,
  policyResponse,
  tenantSettingsBody,
  tenantSettingsResponse,
} from "./settings.ts";
import {
  acceptResponse,
  dismissResponse,
  suggestionParams,
  suggestionsQuery,
  suggestionsResponse,
} from "./suggestions.ts";

/**
 * One route of the API: what it takes and what it answers. The server validates requests and
 * responses with these schemas; the pages' client builds requests and reads responses with them.
 */
export interface RouteSpec {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path with `:name` parameters, as Fastify writes them. */
  readonly path: string;
  /** `user`: any signed-in person (the use case then checks the reporting line); `admin`: the admin role. */
  readonly auth: "none" | "user" | "admin";
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  /** Headers the route needs (lower-case names); a versioned write without If-Match gets 428. */
  readonly headers?: z.ZodType;
  readonly body?: z.ZodType;
  /** `csv`: the body is `text/csv`, validated as a string; JSON otherwise. */
  readonly bodyType?: "json" | "csv";
  readonly response: z.ZodType;
  /** The status of success. Creating routes answer 201 when they created and 200 when it already existed. */
  readonly status: 200 | 201;
  /** Errors particular to this route, besides those every route of its kind may return. */
  readonly errors: readonly ErrorCode[];
}

/** What any route that needs a signed-in person may answer. */
export const SIGNED_IN_ERRORS: readonly ErrorCode[] = [
  "bad_request",
  "token_missing",
  "token_malformed",
  "token_algorithm_not_allowed",
  "token_signature_invalid",
  "token_audience_invalid",
  "token_issuer_invalid",
  "token_expired",
  "token_not_yet_valid",
  "token_claims_missing",
  "token_tenant_not_allowed",
  "token_scope_missing",
  "signing_keys_unavailable",
  "rate_limited",
  "internal",
  "not_ready",
];

function route<const R extends RouteSpec>(spec: R): R {
  return spec;
}

const versioned = ["not_found", "forbidden", "version_required", "version_conflict"] as const;

export const ROUTES = {
  getMe: route({
    method: "GET",
    path: "/api/me",
    auth: "user",
    response: meResponse,
    status: 200,
    errors: ["graph_unavailable"],
  }),
  getDashboard: route({
    method: "GET",
    path: "/api/team/dashboard",
    auth: "user",
    query: dashboardQuery,
    response: dashboardResponse,
    status: 200,
    errors: ["forbidden", "not_found", "consent_required", "graph_unavailable"],
  }),
  listEvents: route({
    method: "GET",
    path: "/api/events",
    auth: "user",
    query: eventsQuery,
    response: eventsResponse,
    status: 200,
    errors: ["forbidden", "not_found", "consent_required", "graph_unavailable"],
  }),
  setOverride: route({
    method: "PUT",
    path: "/api/events/:iCalUId/override",
    auth: "user",
    params: overrideParams,
    body: overrideBody,
    response: overrideResponse,
    status: 200,
    errors: ["forbidden", "not_found"],
  }),
  listSuggestions: route({
    method: "GET",
    path: "/api/suggestions",
    auth: "user",
    query: suggestionsQuery,
    response: suggestionsResponse,
    status: 200,
    errors: ["forbidden", "consent_required", "graph_unavailable"],
  }),
  acceptSuggestion: route({
    method: "POST",
    path: "/api/suggestions/:id/accept",
    auth: "user",
    params: suggestionParams,
    body: empty,
    response: acceptResponse,
    status: 200,
    errors: ["forbidden", "not_found", "conflict", "consent_required", "graph_unavailable"],
  }),
  dismissSuggestion: route({
    method: "POST",
    path: "/api/suggestions/:id/dismiss",
    auth: "user",
    params: suggestionParams,
    body: empty,
    response: dismissResponse,
    status: 200,
    errors: ["forbidden", "not_found", "conflict"],
  }),
  listNotes: route({
    method: "GET",
    path: "/api/notes",
    auth: "user",
    query: notesQuery,
    response: notesResponse,
    status: 200,
    errors: ["forbidden"],
  }),
  createNote: route({
    method: "POST",
    path: "/api/notes",
    auth: "user",
    body: createNoteBody,
    response: note,
    status: 201,
    errors: ["forbidden", "not_found"],
  }),
  getNote: route({
    method: "GET",
    path: "/api/notes/:id",
    auth: "user",
    params: noteParams,
    response: note,
    status: 200,
    errors: ["forbidden", "not_found"],
  }),
  saveNote: route({
    method: "PUT",
    path: "/api/notes/:id",
    auth: "user",
    params: noteParams,
    headers: ifMatch,
    body: noteDraftBody,
    response: note,
    status: 200,
    errors: [...versioned, "conflict"],
  }),
  shareNote: route({
    method: "POST",
    path: "/api/notes/:id/share",
    auth: "user",
    params: noteParams,
    body: empty,
    response: note,
    status: 200,
    errors: ["forbidden", "not_found", "conflict"],
  }),
  saveReflection: route({
    method: "PUT",
    path: "/api/notes/:id/reflection",
    auth: "user",
    params: noteParams,
    headers: ifMatch,
    body: reflectionBody,
    response: note,
    status: 200,
    errors: [...versioned, "conflict"],
  }),
  signOffNote: route({
    method: "POST",
    path: "/api/notes/:id/sign-off",
    auth: "user",
    params: noteParams,
    body: empty,
    response: note,
    status: 200,
    errors: ["forbidden", "not_found", "conflict"],
  }),
  setActionStatus: route({
    method: "PUT",
    path: "/api/notes/:id/actions/:actionId",
    auth: "user",
    params: actionParams,
    body: actionStatusBody,
    response: noteAction,
    status: 200,
    errors: ["forbidden", "not_found"],
  }),
  getPlan: route({
    method: "GET",
    path: "/api/reps/:email/plan",
    auth: "user",
    params: repParams,
    response: planResponse,
    status: 200,
    errors: ["forbidden", "not_found"],
  }),
  savePlan: route({
    method: "PUT",
    path: "/api/reps/:email/plan",
    auth: "user",
    params: repParams,
    headers: ifMatch,
    body: planBody,
    response: planResponse,
    status: 200,
    errors: [...versioned],
  }),
  importMetrics: route({
    method: "POST",
    path: "/api/reps/:email/metrics/import",
    auth: "user",
    params: repParams,
    body: z.string(),
    bodyType: "csv",
    response: metricsImportResponse,
    status: 200,
    errors: ["forbidden", "not_found", "csv_invalid", "payload_too_large"],
  }),
  getExecutiveOverview: route({
    method: "GET",
    path: "/api/executive/overview",
    auth: "user",
    query: overviewQuery,
    response: overviewResponse,
    status: 200,
    errors: ["forbidden", "consent_required", "graph_unavailable"],
  }),
  listReports: route({
    method: "GET",
    path: "/api/reports",
    auth: "user",
    query: reportsQuery,
    response: reportsResponse,
    status: 200,
    errors: ["forbidden"],
  }),
  addReviewComment: route({
    method: "POST",
    path: "/api/reports/:noteId/comments",
    auth: "user",
    params: commentParams,
    body: commentBody,
    response: commentResponse,
    status: 201,
    errors: ["forbidden", "not_found", "conflict"],
  }),
  getPolicy: route({
    method: "GET",
    path: "/api/settings/policy",
    auth: "user",
    response: policyResponse,
    status: 200,
    errors: [],
  }),
  savePolicy: route({
    method: "PUT",
    path: "/api/settings/policy",
    auth: "user",
    headers: ifMatch,
    body: policyBody,
    response: policyResponse,
    status: 200,
    errors: ["forbidden", "version_required", "version_conflict"],
  }),
  getBehaviours: route({
    method: "GET",
    path: "/api/settings/behaviours",
    auth: "user",
    response: behavioursResponse,
    status: 200,
    errors: [],
  }),
  saveBehaviours: route({
    method: "PUT",
    path: "/api/settings/behaviours",
    auth: "admin",
    body: behavioursBody,
    response: behavioursResponse,
    status: 200,
    errors: ["forbidden"],
  }),
  getTenantSettings: route({
    method: "GET",
    path: "/api/settings/tenant",
    auth: "admin",
    response: tenantSettingsResponse,
    status: 200,
    errors: ["forbidden"],
  }),
  saveTenantSettings: route({
    method: "PUT",
    path: "/api/settings/tenant",
    auth: "admin",
    headers: ifMatch,
    body: tenantSettingsBody,
    response: tenantSettingsResponse,
    status: 200,
    errors: ["forbidden", "version_required", "version_conflict"],
  }),
  exportPerson: route({
    method: "GET",
    path: "/api/admin/people/:email/export",
    auth: "admin",
    params: personParams,
    response: personExportResponse,
    status: 200,
    errors: ["forbidden"],
  }),
  deletePerson: route({
    method: "DELETE",
    path: "/api/admin/people/:email",
    auth: "admin",
    params: personParams,
    response: personDeleteResponse,
    status: 200,
    errors: ["forbidden"],
  }),
  health: route({
    method: "GET",
    path: "/healthz",
    auth: "none",
    response: healthResponse,
    status: 200,
    errors: [],
  }),
  /** Answers 503 with the same body when a check fails, so that probes can read why. */
  ready: route({
    method: "GET",
    path: "/readyz",
    auth: "none",
    response: readyResponse,
    status: 200,
    errors: [],
  }),
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;

/** The path of a route with its parameters filled in and encoded: `pathFor(ROUTES.getNote, { id })`. */
export function pathFor(spec: RouteSpec, params: Readonly<Record<string, string>> = {}): string {
  return spec.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new RangeError(`${spec.path} needs the parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** The parameter names in a route's path, in order. */
export function pathParameters(spec: RouteSpec): string[] {
  return [...spec.path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]!);
}
