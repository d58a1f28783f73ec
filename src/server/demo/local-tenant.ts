/**
 * A simulated Microsoft 365 tenant on this machine: the development issuer (with its loopback token
 * endpoint for On-Behalf-Of), the Graph simulator serving the tenant, and FieldCoach's sign-in wired to
 * them exactly as to Entra ID and Graph. Demo mode runs on it; so do the server's integration tests.
 */

import { randomBytes } from "node:crypto";
import { DEMO_DEPLOYMENT } from "../../../manifest/deployment.ts";
import { createDevIssuer, type DevIssuer } from "../../dev-issuer/dev-issuer.ts";
import { type DevIssuerServer, startDevIssuerServer } from "../../dev-issuer/token-endpoint.ts";
import { createGraphClient, type GraphClient } from "../../graph/client.ts";
import { createMsalAppTokenProvider, createMsalOboTokenProvider } from "../../graph/msal-token-provider.ts";
import { type GraphSimulator, startGraphSimulator } from "../../graph-sim/server.ts";
import type { SimTenant } from "../../graph-sim/tenant-data.ts";
import { createTokenValidator, entraIssuer } from "../auth/token-validator.ts";
import type { PublicRoutes } from "../build-app.ts";
import { type Authenticator, createAuthenticator } from "../caller.ts";
import { createGraphAccess, type GraphAccess, type GraphClientTiming } from "../graph-access.ts";
import { DELEGATED_GRAPH_PERMISSIONS } from "../services.ts";
import { demoSignInRoutes } from "./demo-sign-in.ts";

export const LOCAL_API_SCOPE = "access_as_user";
export const LOCAL_CLIENT_ID = DEMO_DEPLOYMENT.clientId;
export const LOCAL_APP_ID_URI = `api://localhost/${LOCAL_CLIENT_ID}`;
const MINTED_TOKEN_SECONDS = 3600;

export interface LocalTenant {
  readonly tenant: SimTenant;
  readonly issuer: DevIssuer;
  readonly issuerServer: DevIssuerServer;
  readonly sim: GraphSimulator;
  readonly authenticate: Authenticator;
  readonly graph: GraphAccess;
  /** Graph as FieldCoach itself (client credentials), for its app-only calls: activity-feed notifications. */
  readonly appGraph: GraphClient;
  readonly signIn: PublicRoutes;
  readonly adminConsentUrl: (tenantId: string) => string;
  /** An access token for FieldCoach's API, as Entra would issue it to the pages for this person. */
  apiToken(
    objectId: string,
    options?: { readonly roles?: readonly string[]; readonly expiresIn?: number },
  ): Promise<string>;
  close(): Promise<void>;
}

export interface LocalTenantOptions {
  readonly tenant: SimTenant;
  readonly now: () => number;
  /** Graph permissions consented for FieldCoach; all it asks for by default. */
  readonly consentedScopes?: readonly string[];
  /** The Graph clients' timing when it should not be production's (fault tests). */
  readonly graphClientTiming?: GraphClientTiming;
}

export async function startLocalTenant(options: LocalTenantOptions): Promise<LocalTenant> {
  const { tenant, now } = options;
  const tenantId = tenant.tenantId;
  const clientSecret = randomBytes(32).toString("base64url");
  const issuer = await createDevIssuer({ tenantId, now });
  const issuerServer = await startDevIssuerServer({
    issuer,
    clients: [
      {
        clientId: LOCAL_CLIENT_ID,
        clientSecret,
        apiAudiences: [LOCAL_CLIENT_ID, LOCAL_APP_ID_URI],
        delegatedScopes: options.consentedScopes ?? DELEGATED_GRAPH_PERMISSIONS,
        // The one application permission the registration asks for (infra/aad.manifest.json).
        appRoles: ["TeamsActivity.Send"],
      },
    ],
  });
  const sim = await startGraphSimulator({ tenant, jwks: issuer.jwks, now });
  const validator = createTokenValidator({
    audiences: [LOCAL_CLIENT_ID, LOCAL_APP_ID_URI],
    allowedTenants: [tenantId],
    tokenVersion: 2,
    requiredScope: LOCAL_API_SCOPE,
    jwksUrlFor: () => issuerServer.jwksUri,
    issuerFor: (id) => entraIssuer(id, 2),
    clock: now,
  });
  const apiToken: LocalTenant["apiToken"] = (objectId, tokenOptions = {}) => {
    const user = tenant.users.find((candidate) => candidate.id === objectId);
    return issuer.issueToken({
      tenantId,
      oid: objectId,
      appId: LOCAL_CLIENT_ID,
      audience: LOCAL_APP_ID_URI,
      expiresIn: tokenOptions.expiresIn ?? MINTED_TOKEN_SECONDS,
      version: "2.0",
      scopes: [LOCAL_API_SCOPE],
      ...(tokenOptions.roles === undefined ? {} : { roles: tokenOptions.roles }),
      ...(user === undefined ? {} : { name: user.displayName, upn: user.mail }),
    });
  };
  const graph = createGraphAccess({
    baseUrl: sim.baseUrl,
    onBehalfOf: createMsalOboTokenProvider({
      clientId: LOCAL_CLIENT_ID,
      clientSecret,
      tenantId,
      authority: issuerServer.msal,
    }),
    mintToken: async (_tenantId, objectId) => ({
      token: await apiToken(objectId),
      expiresAt: now() + MINTED_TOKEN_SECONDS * 1000,
    }),
    now,
    clientTiming: options.graphClientTiming,
  });
  const appGraph = createGraphClient({
    baseUrl: sim.baseUrl,
    mode: "application",
    getToken: createMsalAppTokenProvider({
      clientId: LOCAL_CLIENT_ID,
      clientSecret,
      tenantId,
      authority: issuerServer.msal,
    }),
    now,
  });
  return {
    tenant,
    issuer,
    issuerServer,
    sim,
    authenticate: createAuthenticator(validator),
    graph,
    appGraph,
    signIn: demoSignInRoutes({
      tenant,
      issuer,
      clientId: LOCAL_CLIENT_ID,
      audience: LOCAL_APP_ID_URI,
      scope: LOCAL_API_SCOPE,
    }),
    adminConsentUrl: (id) => `${issuerServer.url}/${id}/v2.0/adminconsent?client_id=${LOCAL_CLIENT_ID}`,
    apiToken,
    async close() {
      await sim.close();
      await issuerServer.close();
    },
  };
}
