import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDevIssuer, type DevIssuer } from "../src/dev-issuer/dev-issuer.ts";
import { type DevIssuerServer, startDevIssuerServer } from "../src/dev-issuer/token-endpoint.ts";
import { readCalendarView } from "../src/graph/calendar-view.ts";
import { createGraphClient } from "../src/graph/client.ts";
import { createEventWriter } from "../src/graph/create-field-day.ts";
import { createScheduleReader } from "../src/graph/get-schedule.ts";
import { GraphError } from "../src/graph/map-error.ts";
import { createMsalAppTokenProvider, createMsalOboTokenProvider } from "../src/graph/msal-token-provider.ts";
import { type GraphSimulator, startGraphSimulator } from "../src/graph-sim/server.ts";
import { NOW, salesOrg, window } from "./graph-test-support.ts";

const org = salesOrg();
const megan = org.managers[0]!;
const nestor = org.managers[1]!;
const api = "api://fieldcoach.example/5f1c0a9e-1111-4000-8000-00000000f1e1";
const readOnlyApp = {
  clientId: "5f1c0a9e-1111-4000-8000-00000000f1e1",
  clientSecret: "dev-secret",
  apiAudiences: [api],
  delegatedScopes: ["Calendars.Read", "User.Read.All"],
  appRoles: ["Calendars.Read"],
};
const march = window("2026-03-01T00:00:00Z", "2026-03-15T00:00:00Z");
let issuer: DevIssuer;
let issuerServer: DevIssuerServer;
let sim: GraphSimulator;

beforeAll(async () => {
  issuer = await createDevIssuer({ tenantId: org.tenant.tenantId, now: () => NOW });
  issuerServer = await startDevIssuerServer({ issuer, clients: [readOnlyApp] });
  sim = await startGraphSimulator({ tenant: org.tenant, jwks: issuer.jwks, now: () => NOW });
});

afterAll(async () => {
  await sim.close();
  await issuerServer.close();
});

/** The token a Teams tab would send to FieldCoach's API for this user. */
function apiToken(user: typeof megan): Promise<string> {
  return issuer.issueToken({
    tenantId: org.tenant.tenantId,
    oid: user.id,
    appId: "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
    audience: api,
    expiresIn: 3600,
    version: "2.0",
    scopes: ["access_as_user"],
    name: user.displayName,
    upn: user.userPrincipalName,
  });
}

const config = {
  clientId: readOnlyApp.clientId,
  clientSecret: readOnlyApp.clientSecret,
  tenantId: org.tenant.tenantId,
};

describe("On-Behalf-Of through msal-node against the dev issuer", () => {
  it("reads the signed-in manager's calendar with a Graph token exchanged once and cached per user", async () => {
    const tokensFor = createMsalOboTokenProvider({ ...config, authority: issuerServer.msal });
    const before = issuerServer.tokenRequestCount();
    const client = createGraphClient({ baseUrl: sim.baseUrl, getToken: tokensFor(await apiToken(megan)) });
    expect(await readCalendarView(client, megan.id, march)).toHaveLength(30);
    expect(await readCalendarView(client, megan.id, march)).toHaveLength(30);
    expect(issuerServer.tokenRequestCount() - before).toBe(1);
    const other = createGraphClient({ baseUrl: sim.baseUrl, getToken: tokensFor(await apiToken(nestor)) });
    expect(await readCalendarView(other, nestor.id, march)).toHaveLength(0);
    expect(issuerServer.tokenRequestCount() - before).toBe(2);
  });

  it("keeps the user's identity: the token opens the user's own mailbox and not a colleague's", async () => {
    const tokensFor = createMsalOboTokenProvider({ ...config, authority: issuerServer.msal });
    const client = createGraphClient({ baseUrl: sim.baseUrl, getToken: tokensFor(await apiToken(megan)) });
    await expect(readCalendarView(client, nestor.id, march)).rejects.toMatchObject({
      kind: "permission",
      status: 403,
    });
  });

  it("fails booking with a permission error naming Calendars.ReadWrite when the tenant consented to reading only", async () => {
    const requests = sim.stats().requests;
    const tokensFor = createMsalOboTokenProvider({ ...config, authority: issuerServer.msal });
    const client = createGraphClient({ baseUrl: sim.baseUrl, getToken: tokensFor(await apiToken(megan)) });
    const error = await createEventWriter(client)
      .createFieldDay({
        organizerId: megan.id,
        subject: "Field day",
        start: Date.parse("2026-03-12T16:00:00Z"),
        end: Date.parse("2026-03-12T20:00:00Z"),
        attendees: [{ email: org.reps[0]!.mail, name: null }],
        noteUrl: "https://fieldcoach.example/notes/1",
        transactionId: "tx-obo",
        sessionId: "s-obo",
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({
      kind: "permission",
      code: "consent_required",
      neededScopes: ["Calendars.ReadWrite"],
    });
    expect(sim.stats().requests).toBe(requests);
  });

  it("turns a refused exchange into a permission error before any Graph request", async () => {
    const tokensFor = createMsalOboTokenProvider({
      ...config,
      clientSecret: "wrong",
      authority: issuerServer.msal,
    });
    const requests = sim.stats().requests;
    const client = createGraphClient({ baseUrl: sim.baseUrl, getToken: tokensFor(await apiToken(megan)) });
    await expect(readCalendarView(client, megan.id, march)).rejects.toMatchObject({
      kind: "permission",
      neededScopes: ["Calendars.Read", "Calendars.ReadWrite"],
    });
    expect(sim.stats().requests).toBe(requests);
  });

  it("asks for the least privileged permission the tenant consented to, and remembers it", async () => {
    const tokensFor = createMsalOboTokenProvider({ ...config, authority: issuerServer.msal });
    const reader = createScheduleReader(
      createGraphClient({ baseUrl: sim.baseUrl, getToken: tokensFor(await apiToken(megan)) }),
    );
    const before = issuerServer.tokenRequestCount();
    const twoDays = window("2026-03-02T00:00:00Z", "2026-03-04T00:00:00Z");
    expect((await reader.schedules(megan.id, [org.reps[0]!.mail], twoDays)).schedules).toHaveLength(1);
    // Calendars.ReadBasic is refused (not consented), then Calendars.Read is granted.
    expect(issuerServer.tokenRequestCount() - before).toBe(2);
    await reader.schedules(megan.id, [org.reps[1]!.mail], twoDays);
    expect(issuerServer.tokenRequestCount() - before).toBe(2);
  });

  it("gets an app-only token by client credentials for the opt-in app mode", async () => {
    const getToken = createMsalAppTokenProvider({ ...config, authority: issuerServer.msal });
    const client = createGraphClient({ baseUrl: sim.baseUrl, getToken, mode: "application" });
    expect(await readCalendarView(client, org.reps[0]!.id, march)).toHaveLength(10);
  });
});
