/**
 * Every JSON route the server answers (the API contract's, the demo sign-in's and Graph's notification
 * endpoints) with one request each that it accepts, built from the hostile world's records. The fuzz
 * starts from these and breaks one part at a time.
 */

import { randomUUID } from "node:crypto";
import { pathParameters, ROUTES, type RouteName } from "../../../src/api/routes.ts";
import type { HostileWorld, Method } from "./hostile-world.ts";

export interface FuzzedRoute {
  readonly name: string;
  readonly method: Method;
  readonly path: string;
  readonly parameters: readonly string[];
  /** Needs a signed-in caller. */
  readonly signedIn: boolean;
  readonly csv: boolean;
  readonly versioned: boolean;
}

/** A request a route accepts, before it is made hostile. */
export interface ValidRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  /** JSON for JSON routes, text for the CSV import; undefined when the route takes no body. */
  readonly body: unknown;
}

const publicRoute = (name: string, method: Method, path: string): FuzzedRoute => ({
  name,
  method,
  path,
  parameters: [],
  signedIn: false,
  csv: false,
  versioned: false,
});

const PUBLIC_ROUTES: readonly FuzzedRoute[] = [
  publicRoute("demoPeople", "GET", "/api/demo/people"),
  publicRoute("demoSignIn", "POST", "/api/demo/sign-in"),
  publicRoute("graphNotification", "POST", "/graph/notifications"),
  publicRoute("graphLifecycle", "POST", "/graph/lifecycle"),
];

export const FUZZED_ROUTES: readonly FuzzedRoute[] = [
  ...Object.entries(ROUTES).map(([name, spec]) => ({
    name,
    method: spec.method,
    path: spec.path,
    parameters: pathParameters(spec),
    signedIn: spec.auth !== "none",
    csv: "bodyType" in spec && spec.bodyType === "csv",
    versioned: "headers" in spec,
  })),
  ...PUBLIC_ROUTES,
];

const WINDOW = { from: "2026-03-02T00:00:00Z", to: "2026-03-09T00:00:00Z" };

export function validRequest(route: FuzzedRoute, hostile: HostileWorld): ValidRequest {
  const { org, records } = hostile;
  const note = (id: string) => ({ id });
  const requests: Record<RouteName, ValidRequest> & Record<string, ValidRequest> = {
    getMe: request(),
    getDashboard: request({ query: { ...WINDOW, manager: org.mia.mail } }),
    listEvents: request({ query: { ...WINDOW, rep: org.ana.mail } }),
    setOverride: request({
      params: { iCalUId: org.meetings.oneOnOne },
      body: { initiator: "rep", kind: "one-on-one", reason: "Ben asked for it" },
    }),
    listSuggestions: request({ query: { manager: org.mia.mail } }),
    acceptSuggestion: request({ params: { id: records.suggestionId }, body: {} }),
    dismissSuggestion: request({ params: { id: records.suggestionId }, body: {} }),
    listNotes: request({ query: { meeting: org.meetings.fieldDay, rep: org.ana.mail } }),
    createNote: request({ body: { meeting: org.meetings.customerCall, rep: org.ben.mail } }),
    getNote: request({ params: note(records.reportId) }),
    saveNote: request({
      params: note(records.draftId),
      body: {
        focus: [{ behaviourId: "plans-the-call", rating: 2, evidence: "Had an agenda." }],
        wentWell: "Calm.",
        gaps: "Rushed.",
        privateNotes: "",
        actions: [{ id: randomUUID(), text: "Send the recap", owner: "rep", due: "2026-03-10" }],
      },
    }),
    shareNote: request({ params: note(records.draftId), body: {} }),
    saveReflection: request({ params: note(records.sharedId), body: { reflection: "I rushed the close." } }),
    signOffNote: request({ params: note(records.sharedId), body: {} }),
    setActionStatus: request({
      params: { id: records.sharedId, actionId: records.sharedActionId },
      body: { status: "done" },
    }),
    getPlan: request({ params: { email: org.ana.mail } }),
    savePlan: request({
      params: { email: org.ana.mail },
      body: {
        focus: [{ behaviourId: "plans-the-call", targetRating: 4 }],
        goals: [{ id: records.goalId, text: "Plan every call", due: null, status: "open" }],
        cadenceOverride: { blockLength: "full-day", everyWeeks: { other: 3 } },
      },
    }),
    importMetrics: request({
      params: { email: org.ana.mail },
      body: "date,pipeline,proposals\n2026-03-01,14,2\n",
    }),
    getExecutiveOverview: request({ query: WINDOW }),
    listReports: request({ query: { status: "unreviewed", manager: org.mia.mail } }),
    addReviewComment: request({
      params: { noteId: records.reportId },
      body: { id: randomUUID(), body: "Good call plan.", debrief: false },
    }),
    getPolicy: request(),
    savePolicy: request({
      body: { document: { maxFieldDaysPerWeek: 3, reps: { [org.ana.mail]: { travelBufferMinutes: 15 } } } },
    }),
    getBehaviours: request(),
    saveBehaviours: request({
      body: {
        behaviours: [
          { id: "plans-the-call", name: "Plans the call", description: "Sets an objective." },
          { id: "asks-open-questions", name: "Asks open questions", description: "" },
        ],
      },
    }),
    getTenantSettings: request(),
    saveTenantSettings: request({
      body: {
        settings: {
          bigDealThreshold: 500_000,
          accounts: [{ domain: "fabrikam.com", name: "Fabrikam", openPipeline: 2_000_000 }],
          retentionMonths: 24,
          readRepCalendars: false,
        },
      },
    }),
    exportPerson: request({ params: { email: org.ana.mail } }),
    // Somebody nobody knows: the fuzz must not erase the people the other routes are tried on.
    deletePerson: request({ params: { email: "nobody@contoso.com" } }),
    health: request(),
    ready: request(),
    demoPeople: request(),
    demoSignIn: request({ body: { objectId: org.mia.id, admin: false } }),
    graphNotification: request({
      body: {
        value: [
          {
            subscriptionId: randomUUID(),
            clientState: "a guess",
            changeType: "updated",
            resource: `Users/${org.mia.id}/Events/AAMk=`,
            tenantId: org.tenant.tenantId,
          },
        ],
      },
    }),
    graphLifecycle: request({
      body: {
        value: [
          {
            subscriptionId: randomUUID(),
            clientState: "a guess",
            lifecycleEvent: "reauthorizationRequired",
            tenantId: org.tenant.tenantId,
          },
        ],
      },
    }),
  };
  const valid = requests[route.name];
  if (valid === undefined) throw new RangeError(`no valid request for ${route.name}`);
  return valid;
}

function request(parts: Partial<ValidRequest> = {}): ValidRequest {
  return { params: {}, query: {}, body: undefined, ...parts };
}
