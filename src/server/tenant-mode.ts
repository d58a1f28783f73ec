/**
 * Tenant mode: real Microsoft 365 tenants signed in through Entra ID. Tokens for FieldCoach's API are
 * validated against each allowed tenant's published keys; Graph is called On-Behalf-Of the signed-in
 * person with FieldCoach's app registration (authenticated by its client secret or its certificate); the
 * store is PostgreSQL.
 */

import type { FastifyBaseLogger } from "fastify";
import { decodeJwt } from "jose";
import type { ClientCredential, TenantConfig } from "../config/load-config.ts";
import { createGraphClient, GRAPH_BASE_URL, type GraphClient } from "../graph/client.ts";
import type { TokenProvider } from "../graph/middleware-auth.ts";
import {
  createMsalAppTokenProvider,
  createMsalOboTokenProvider,
  type MsalClientCredential,
} from "../graph/msal-token-provider.ts";
import { openStore, type Store } from "../store/store.ts";
import { createTokenValidator } from "./auth/token-validator.ts";
import { type Authenticator, createAuthenticator } from "./caller.ts";
import { createGraphAccess, type GraphAccess } from "./graph-access.ts";

export interface TenantEnvironment {
  readonly mode: "tenant";
  readonly store: Store;
  readonly graph: GraphAccess;
  /** Graph as FieldCoach itself in an allowed tenant (app-only calls); undefined for any other tenant. */
  readonly appGraph: (tenantId: string) => GraphClient | undefined;
  readonly authenticate: Authenticator;
  readonly adminConsentUrl: (tenantId: string) => string;
  close(): Promise<void>;
}

export async function startTenantMode(
  config: TenantConfig,
  log: FastifyBaseLogger,
  now: () => number = Date.now,
): Promise<TenantEnvironment> {
  const credential = msalCredentialOf(config.credential);
  const store = await openStore({
    kind: "postgres",
    url: config.databaseUrl,
    onPoolError: (error) => log.warn({ err: error }, "a pooled database connection failed; it is replaced"),
  });
  const validator = createTokenValidator({
    audiences: config.audiences,
    allowedTenants: config.allowedTenants,
    tokenVersion: config.tokenVersion,
    requiredScope: config.apiScope,
    clock: now,
  });
  // One confidential client per tenant: an On-Behalf-Of exchange goes to the user's own tenant.
  const providers = new Map<string, (assertion: string) => TokenProvider>(
    config.allowedTenants.map((tenantId) => [
      tenantId,
      createMsalOboTokenProvider({ ...credential, clientId: config.clientId, tenantId }),
    ]),
  );
  const onBehalfOf = (assertion: string): TokenProvider => {
    // The assertion was validated before it got here, so its tenant is an allowed one.
    const tenantId = String(decodeJwt(assertion).tid).toLowerCase();
    const provider = providers.get(tenantId);
    if (provider === undefined) throw new RangeError(`tenant ${tenantId} is not allowed`);
    return provider(assertion);
  };
  // Client credentials per tenant too: activity-feed reminders are sent as FieldCoach, not as a person,
  // and reps' own calendars are read as FieldCoach where the tenant granted it (SPEC §9).
  const appClients = new Map<string, GraphClient>(
    config.allowedTenants.map((tenantId) => [
      tenantId,
      createGraphClient({
        baseUrl: GRAPH_BASE_URL,
        mode: "application",
        getToken: createMsalAppTokenProvider({ ...credential, clientId: config.clientId, tenantId }),
        now,
      }),
    ]),
  );
  const redirect = encodeURIComponent(`${config.publicBaseUrl}/`);
  return {
    mode: "tenant",
    store,
    graph: createGraphAccess({
      baseUrl: GRAPH_BASE_URL,
      onBehalfOf,
      application: (tenantId) => appClients.get(tenantId),
      now,
    }),
    appGraph: (tenantId) => appClients.get(tenantId),
    authenticate: createAuthenticator(validator),
    adminConsentUrl: (tenantId) =>
      `https://login.microsoftonline.com/${tenantId}/v2.0/adminconsent?client_id=${config.clientId}` +
      `&scope=${encodeURIComponent("https://graph.microsoft.com/.default")}&redirect_uri=${redirect}`,
    close: () => store.close(),
  };
}

function msalCredentialOf(credential: ClientCredential): MsalClientCredential {
  return credential.kind === "secret"
    ? { clientSecret: credential.secret }
    : {
        clientCertificate: {
          privateKeyPem: credential.privateKeyPem,
          certificatePem: credential.certificatePem,
        },
      };
}
