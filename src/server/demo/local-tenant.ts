/**
 * A simulated Microsoft 365 tenant on this machine: the development issuer (with its loopback token
 * endpoint for On-Behalf-Of), the Graph simulator serving the tenant, and FieldCoach's sign-in wired to
 * them exactly as to Entra ID and Graph. Demo mode runs on it; so do the server's integration tests.
 */

import { randomBytes } from "node:crypto";
import { DEMO_DEPLOYMENT } from "../../../manifest/deployment.ts";
import { createDevIssuer, type DevIssuer } from "../../dev-issuer/dev-issuer.ts";
import {
  type DevIssuerServer,
  type MsalAuthorityConfig,
  startDevIssuerServer,
} from "../../dev-issuer/token-endpoint.ts";
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
/**
 * The application permissions granted to FieldCoach in a local tenant: both that the registration lists
 * (infra/aad.manifest.json), the optional Calendars.Read included, so that the demo's suggestions rank
 * by the reps' own customer calls as in a tenant whose admin granted it.
 */
export const LOCAL_APPLICATION_PERMISSIONS = ["TeamsActivity.Send", "Calendars.Read"] as const;

export interface LocalTenant extends LocalTenantClients {
  readonly tenant: SimTenant;
  readonly issuer: DevIssuer;
  readonly issuerServer: DevIssuerServer;
  readonly sim: GraphSimulator;
  /** What a server in another process needs to connect to this tenant (`connectLocalTenant`). */
  readonly connection: LocalTenantConnection;
  readonly signIn: PublicRoutes;
  /** An access token for FieldCoach's API, as Entra would issue it to the pages for this person. */
  apiToken(
    objectId: string,
    options?: { readonly roles?: readonly string[]; readonly expiresIn?: number },
  ): Promise<string>;
  close(): Promise<void>;
}

/** Everything a server needs to reach a running local tenant; plain data, so it can go to another process. */
export interface LocalTenantConnection {
  readonly tenantId: string;
  /** The simulator's version root. */
  readonly graphBaseUrl: string;
  readonly issuer: { readonly url: string; readonly jwksUri: string; readonly msal: MsalAuthorityConfig };
  /** FieldCoach's client secret at the development issuer. */
  readonly clientSecret: string;
}

export interface LocalTenantClients {
  readonly authenticate: Authenticator;
  readonly graph: GraphAccess;
  /** Graph as FieldCoach itself (client credentials), for its app-only calls: activity-feed notifications. */
  readonly appGraph: GraphClient;
  readonly adminConsentUrl: (tenantId: string) => string;
}

export interface LocalTenantOptions {
  readonly tenant: SimTenant;
  readonly now: () => number;
  /** Graph permissions consented for FieldCoach; all it asks for by default. */
  readonly consentedScopes?: readonly string[];
  /** Graph application permissions granted to FieldCoach; LOCAL_APPLICATION_PERMISSIONS by default. */
  readonly applicationPermissions?: readonly string[];
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
        appRoles: options.applicationPermissions ?? LOCAL_APPLICATION_PERMISSIONS,
      },
    ],
  });
  const sim = await startGraphSimulator({ tenant, jwks: issuer.jwks, now });
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
  const connection: LocalTenantConnection = {
    tenantId,
    graphBaseUrl: sim.baseUrl,
    issuer: { url: issuerServer.url, jwksUri: issuerServer.jwksUri, msal: issuerServer.msal },
    clientSecret,
  };
  const clients = connectLocalTenant(connection, {
    now,
    mintToken: async (_tenantId, objectId) => ({
      token: await apiToken(objectId),
      expiresAt: now() + MINTED_TOKEN_SECONDS * 1000,
    }),
    graphClientTiming: options.graphClientTiming,
  });
  return {
    tenant,
    issuer,
    issuerServer,
    sim,
    connection,
    ...clients,
    signIn: demoSignInRoutes({
      tenant,
      issuer,
      clientId: LOCAL_CLIENT_ID,
      audience: LOCAL_APP_ID_URI,
      scope: LOCAL_API_SCOPE,
    }),
    apiToken,
    async close() {
      await sim.close();
      await issuerServer.close();
    },
  };
}

/**
 * FieldCoach's side of a local tenant, from what reaching it takes: sign-in checked against the
 * issuer's keys, Graph On-Behalf-Of each person through the issuer's token endpoint, and Graph as
 * FieldCoach itself. A server in another process connects to a local tenant this way.
 */
export function connectLocalTenant(
  connection: LocalTenantConnection,
  options: {
    readonly now: () => number;
    /** An API token for anyone: background work acts for people who sent none lately. */
    readonly mintToken: (tenantId: string, objectId: string) => Promise<{ token: string; expiresAt: number }>;
    readonly graphClientTiming?: GraphClientTiming;
  },
): LocalTenantClients {
  const { tenantId, issuer, clientSecret } = connection;
  const { now } = options;
  const validator = createTokenValidator({
    audiences: [LOCAL_CLIENT_ID, LOCAL_APP_ID_URI],
    allowedTenants: [tenantId],
    tokenVersion: 2,
    requiredScope: LOCAL_API_SCOPE,
    jwksUrlFor: () => issuer.jwksUri,
    issuerFor: (id) => entraIssuer(id, 2),
    clock: now,
  });
  const authority = { clientId: LOCAL_CLIENT_ID, clientSecret, tenantId, authority: issuer.msal };
  const appGraph = createGraphClient({
    baseUrl: connection.graphBaseUrl,
    mode: "application",
    getToken: createMsalAppTokenProvider(authority),
    now,
  });
  return {
    authenticate: createAuthenticator(validator),
    graph: createGraphAccess({
      baseUrl: connection.graphBaseUrl,
      onBehalfOf: createMsalOboTokenProvider(authority),
      mintToken: options.mintToken,
      application: (id) => (id === tenantId ? appGraph : undefined),
      now,
      clientTiming: options.graphClientTiming,
    }),
    appGraph,
    adminConsentUrl: (id) => `${issuer.url}/${id}/v2.0/adminconsent?client_id=${LOCAL_CLIENT_ID}`,
  };
}
