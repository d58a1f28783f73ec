/*
 * FieldCoach authenticated by a certificate instead of a client secret, as FIELDCOACH_CLIENT_CERTIFICATE
 * configures it: msal-node signs a client assertion with the certificate's key, the development issuer
 * checks it against the certificate registered on the app, and the Graph tokens it yields (On-Behalf-Of
 * and app-only) open the simulator's calendars.
 */

import { createPrivateKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseClientCertificate } from "../src/config/client-certificate.ts";
import { createDevIssuer, type DevIssuer } from "../src/dev-issuer/dev-issuer.ts";
import { type DevIssuerServer, startDevIssuerServer } from "../src/dev-issuer/token-endpoint.ts";
import { readCalendarView } from "../src/graph/calendar-view.ts";
import { createGraphClient } from "../src/graph/client.ts";
import {
  certificateThumbprintSha256,
  createMsalAppTokenProvider,
  createMsalOboTokenProvider,
} from "../src/graph/msal-token-provider.ts";
import { type GraphSimulator, startGraphSimulator } from "../src/graph-sim/server.ts";
import { NOW, salesOrg, window } from "./graph-test-support.ts";

const PEM = readFileSync(new URL("./fixtures/client-certificate.pem", import.meta.url), "utf8");
// Computed independently with `openssl x509 -noout -fingerprint -sha256`.
const THUMBPRINT = "44832b5a38faa17d08dd37a04e002ffecade151ece00e81a215402f7686d0beb";
const parsed = parseClientCertificate(PEM);
if ("problem" in parsed) throw new Error(`the test certificate ${parsed.problem}`);
const certificate = { privateKeyPem: parsed.privateKeyPem, certificatePem: parsed.certificatePem };

const org = salesOrg();
const megan = org.managers[0]!;
const api = "api://fieldcoach.example/5f1c0a9e-2222-4000-8000-00000000ce27";
const withCertificate = {
  clientId: "5f1c0a9e-2222-4000-8000-00000000ce27",
  certificates: [parsed.certificatePem],
  apiAudiences: [api],
  delegatedScopes: ["Calendars.Read"],
  appRoles: ["Calendars.Read"],
};
const withSecretOnly = {
  clientId: "5f1c0a9e-3333-4000-8000-00000000ce27",
  clientSecret: "only-a-secret",
  apiAudiences: [api],
  delegatedScopes: ["Calendars.Read"],
  appRoles: ["Calendars.Read"],
};
const march = window("2026-03-01T00:00:00Z", "2026-03-15T00:00:00Z");
let issuer: DevIssuer;
let issuerServer: DevIssuerServer;
let sim: GraphSimulator;

beforeAll(async () => {
  issuer = await createDevIssuer({ tenantId: org.tenant.tenantId, now: () => NOW });
  issuerServer = await startDevIssuerServer({ issuer, clients: [withCertificate, withSecretOnly] });
  sim = await startGraphSimulator({ tenant: org.tenant, jwks: issuer.jwks, now: () => NOW });
});

afterAll(async () => {
  await sim.close();
  await issuerServer.close();
});

function apiToken(): Promise<string> {
  return issuer.issueToken({
    tenantId: org.tenant.tenantId,
    oid: megan.id,
    appId: "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
    audience: api,
    expiresIn: 3600,
    version: "2.0",
    scopes: ["access_as_user"],
  });
}

const config = (clientId: string) => ({
  clientId,
  clientCertificate: certificate,
  tenantId: org.tenant.tenantId,
  authority: issuerServer.msal,
});

describe("a certificate credential", () => {
  it("names the certificate by the SHA-256 thumbprint Entra lists", () => {
    expect(certificateThumbprintSha256(certificate.certificatePem)).toBe(THUMBPRINT);
  });

  it("exchanges a user's token On-Behalf-Of and reads their calendar", async () => {
    const tokensFor = createMsalOboTokenProvider(config(withCertificate.clientId));
    const client = createGraphClient({ baseUrl: sim.baseUrl, getToken: tokensFor(await apiToken()) });
    expect(await readCalendarView(client, megan.id, march)).toHaveLength(30);
  });

  it("gets an app-only token by client credentials and reads a rep's calendar", async () => {
    const getToken = createMsalAppTokenProvider(config(withCertificate.clientId));
    const client = createGraphClient({ baseUrl: sim.baseUrl, getToken, mode: "application" });
    expect(await readCalendarView(client, org.reps[0]!.id, march)).toHaveLength(10);
  });

  it("is refused, before any Graph request, when the certificate is not registered on the app", async () => {
    const requests = sim.stats().requests;
    const before = issuerServer.tokenRequestCount();
    const obo = createGraphClient({
      baseUrl: sim.baseUrl,
      getToken: createMsalOboTokenProvider(config(withSecretOnly.clientId))(await apiToken()),
    });
    await expect(readCalendarView(obo, megan.id, march)).rejects.toMatchObject({
      kind: "permission",
      code: "invalid_client",
      message: expect.stringContaining("not registered on application"),
    });
    const app = createGraphClient({
      baseUrl: sim.baseUrl,
      getToken: createMsalAppTokenProvider(config(withSecretOnly.clientId)),
      mode: "application",
    });
    await expect(readCalendarView(app, org.reps[0]!.id, march)).rejects.toMatchObject({
      kind: "permission",
      code: "invalid_client",
    });
    expect(issuerServer.tokenRequestCount() - before).toBeGreaterThanOrEqual(2);
    expect(sim.stats().requests).toBe(requests);
  });
});

describe("the development issuer's check of a client assertion", () => {
  let pinned: DevIssuerServer;
  const clientId = withCertificate.clientId;

  beforeAll(async () => {
    pinned = await startDevIssuerServer({
      issuer,
      clients: [withCertificate],
      clientAssertionNow: () => NOW,
    });
  });

  afterAll(async () => {
    await pinned.close();
  });

  const assertion = (claims: { aud?: string; iss?: string; nbf?: number; exp?: number } = {}) =>
    new SignJWT({ jti: "b7d8c2f0-0000-4000-8000-000000000001" })
      .setProtectedHeader({
        alg: "PS256",
        "x5t#S256": Buffer.from(THUMBPRINT, "hex").toString("base64url"),
      })
      .setIssuer(claims.iss ?? clientId)
      .setSubject(clientId)
      .setAudience(claims.aud ?? pinned.tokenEndpoint)
      .setNotBefore(claims.nbf ?? NOW / 1000)
      .setExpirationTime(claims.exp ?? NOW / 1000 + 600)
      .sign(createPrivateKey(certificate.privateKeyPem));

  const clientCredentials = async (clientAssertion: string) => {
    const response = await fetch(pinned.tokenEndpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: clientId,
        scope: "https://graph.microsoft.com/.default",
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: clientAssertion,
      }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("grants a token for a well-formed assertion signed with the registered certificate's key", async () => {
    const answer = await clientCredentials(await assertion());
    expect(answer.status).toBe(200);
    expect(answer.body.access_token).toEqual(expect.any(String));
  });

  it.each([
    ["addressed to another audience", { aud: "https://login.example.com/token" }, 700027],
    ["issued by another app", { iss: withSecretOnly.clientId }, 700021],
    ["expired", { nbf: NOW / 1000 - 3600, exp: NOW / 1000 - 1200 }, 700024],
    ["not yet valid", { nbf: NOW / 1000 + 1200, exp: NOW / 1000 + 1800 }, 700024],
  ])("refuses an assertion %s", async (_case, claims, code) => {
    const answer = await clientCredentials(await assertion(claims));
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: "invalid_client", error_codes: [code] });
  });
});
