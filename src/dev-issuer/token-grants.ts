/**
 * The two OAuth grants the development issuer answers, decided without I/O: On-Behalf-Of (a user's
 * token for our API exchanged for a Graph token keeping the user's `oid`/`tid`) and client credentials
 * (an app-only Graph token). Errors carry Entra's error codes so that MSAL reports them as Entra would.
 */

import type { TokenRequest } from "./entra-claims.ts";

export const GRAPH_RESOURCE = "https://graph.microsoft.com";
export const OBO_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

/** An app registration the issuer knows, with what the tenant consented to for it. */
export interface DevClient {
  readonly clientId: string;
  /** A client secret the app may authenticate with; none when it uses certificates only. */
  readonly clientSecret?: string;
  /** PEMs of the certificates uploaded to the registration, for client assertions signed with their keys. */
  readonly certificates?: readonly string[];
  /** `aud` values a user's token for this app's API may carry (client id, App ID URI). */
  readonly apiAudiences: readonly string[];
  /** Delegated Graph permissions consented for this app ("Calendars.Read"). */
  readonly delegatedScopes: readonly string[];
  /** Application Graph permissions granted to this app ("Calendars.Read"). */
  readonly appRoles: readonly string[];
}

/** The verified claims of the incoming user token an OBO request carries. */
export interface AssertionClaims {
  readonly tid: string;
  readonly oid: string;
  readonly aud: string;
  readonly scp?: string;
  readonly name?: string;
  readonly upn?: string;
}

export class TokenGrantError extends Error {
  readonly error: string;
  readonly status: number;
  /** Entra's AADSTS number. */
  readonly errorCode: number;
  readonly suberror: string | undefined;

  constructor(status: number, error: string, errorCode: number, description: string, suberror?: string) {
    super(`AADSTS${errorCode}: ${description}`);
    this.name = "TokenGrantError";
    this.status = status;
    this.error = error;
    this.errorCode = errorCode;
    this.suberror = suberror;
  }
}

const OIDC_SCOPES = new Set(["openid", "profile", "offline_access", "email"]);

/** The registered client with this id, or an `unauthorized_client` error. */
export function clientNamed(clients: readonly DevClient[], clientId: string | null): DevClient {
  const client = clients.find((c) => c.clientId === clientId);
  if (client === undefined) {
    throw new TokenGrantError(
      400,
      "unauthorized_client",
      700016,
      `Application with identifier '${clientId ?? ""}' was not found in the directory.`,
    );
  }
  return client;
}

/** Throws `invalid_client` unless the client has a secret and this is it. */
export function checkClientSecret(client: DevClient, clientSecret: string | null): void {
  if (client.clientSecret === undefined || clientSecret !== client.clientSecret) {
    throw new TokenGrantError(401, "invalid_client", 7000215, "Invalid client secret provided.");
  }
}

/** Graph permission names from a `scope` parameter ("https://graph.microsoft.com/Calendars.Read openid"). */
export function graphPermissionsOf(scope: string | null): {
  readonly names: readonly string[];
  readonly isDefault: boolean;
} {
  const names: string[] = [];
  let isDefault = false;
  for (const item of (scope ?? "").split(/\s+/).filter((s) => s !== "")) {
    if (OIDC_SCOPES.has(item)) continue;
    const name = item.startsWith(`${GRAPH_RESOURCE}/`) ? item.slice(GRAPH_RESOURCE.length + 1) : item;
    if (name === ".default") isDefault = true;
    else names.push(name);
  }
  if (!isDefault && names.length === 0) {
    throw new TokenGrantError(
      400,
      "invalid_scope",
      70011,
      "The provided value for the input parameter 'scope' is not valid.",
    );
  }
  return { names, isDefault };
}

/** The Graph token an On-Behalf-Of exchange yields, or why it cannot. */
export function onBehalfOfGrant(
  client: DevClient,
  assertion: AssertionClaims,
  scope: string | null,
  tenantId: string,
  expiresIn: number,
): TokenRequest {
  if (!client.apiAudiences.includes(assertion.aud)) {
    throw new TokenGrantError(
      400,
      "invalid_grant",
      50013,
      "Assertion audience does not match the client app presenting the assertion.",
    );
  }
  if (assertion.scp === undefined) {
    throw new TokenGrantError(400, "invalid_grant", 50013, "The assertion is not a user's delegated token.");
  }
  const requested = graphPermissionsOf(scope);
  const missing = requested.names.filter((name) => !client.delegatedScopes.includes(name));
  if (missing.length > 0) {
    throw new TokenGrantError(
      400,
      "invalid_grant",
      65001,
      `The user or administrator has not consented to use the application with ID '${client.clientId}'. Missing: ${missing.join(" ")}.`,
      "consent_required",
    );
  }
  return {
    tenantId,
    oid: assertion.oid,
    appId: client.clientId,
    audience: GRAPH_RESOURCE,
    expiresIn,
    version: "1.0",
    scopes: requested.isDefault ? client.delegatedScopes : requested.names,
    ...(assertion.name === undefined ? {} : { name: assertion.name }),
    ...(assertion.upn === undefined ? {} : { upn: assertion.upn }),
  };
}

/** The app-only Graph token a client-credentials request yields. */
export function clientCredentialsGrant(
  client: DevClient,
  scope: string | null,
  tenantId: string,
  servicePrincipalId: string,
  expiresIn: number,
): TokenRequest {
  const requested = graphPermissionsOf(scope);
  if (!requested.isDefault || requested.names.length > 0) {
    throw new TokenGrantError(
      400,
      "invalid_scope",
      1002012,
      "The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.",
    );
  }
  return {
    tenantId,
    oid: servicePrincipalId,
    appId: client.clientId,
    audience: GRAPH_RESOURCE,
    expiresIn,
    version: "1.0",
    roles: client.appRoles,
  };
}
