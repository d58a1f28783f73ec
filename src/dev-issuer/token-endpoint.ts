/**
 * The development issuer over HTTP on loopback: the tenant's OpenID configuration, its JWKS and a token
 * endpoint answering On-Behalf-Of and client-credentials requests as Entra does (the app authenticated
 * by its client secret or by a client assertion signed with a registered certificate), so that
 * `@azure/msal-node` runs against it offline (with an `https` authority in `knownAuthorities` and
 * `authorityMetadata` whose `token_endpoint` is this loopback URL).
 */

import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { JWT_BEARER_ASSERTION, verifyClientAssertion } from "./client-assertion.ts";
import type { DevIssuer } from "./dev-issuer.ts";
import {
  type AssertionClaims,
  checkClientSecret,
  clientCredentialsGrant,
  clientNamed,
  type DevClient,
  OBO_GRANT_TYPE,
  onBehalfOfGrant,
  TokenGrantError,
} from "./token-grants.ts";

export interface DevIssuerServerOptions {
  readonly issuer: DevIssuer;
  readonly clients: readonly DevClient[];
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Lifetime of issued Graph tokens; MSAL renews tokens within 5 minutes of expiry, so keep it above that. */
  readonly tokenLifetimeSeconds?: number;
  /**
   * The clock certificate credentials (client assertions) are checked against. MSAL stamps them with the
   * machine's own clock, which no test can pin, so this defaults to that clock rather than the issuer's.
   */
  readonly clientAssertionNow?: () => number;
}

/** What `@azure/msal-node` needs to use this issuer as its authority without any network beyond loopback. */
export interface MsalAuthorityConfig {
  readonly authority: string;
  readonly knownAuthorities: readonly string[];
  readonly authorityMetadata: string;
  readonly cloudDiscoveryMetadata: string;
}

export interface DevIssuerServer {
  readonly url: string;
  readonly tokenEndpoint: string;
  readonly jwksUri: string;
  readonly msal: MsalAuthorityConfig;
  /** How many token requests were answered (successfully or not): tests check MSAL's cache with it. */
  tokenRequestCount(): number;
  close(): Promise<void>;
}

const AUTHORITY_HOST = "login.microsoftonline.com";

export async function startDevIssuerServer(options: DevIssuerServerOptions): Promise<DevIssuerServer> {
  const { issuer } = options;
  const tenantId = issuer.tenantId;
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  let tokenRequests = 0;
  let base = "";

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      sendJson(res, 500, { error: "server_error", error_description: String(error) });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", base).pathname;
    if (req.method === "GET" && path === `/${tenantId}/v2.0/.well-known/openid-configuration`) {
      sendJson(res, 200, openIdConfiguration(base, tenantId));
      return;
    }
    if (req.method === "GET" && path === `/${tenantId}/discovery/v2.0/keys`) {
      sendJson(res, 200, issuer.jwks);
      return;
    }
    if (req.method === "POST" && path === `/${tenantId}/oauth2/v2.0/token`) {
      tokenRequests += 1;
      const form = new URLSearchParams(await readBody(req));
      try {
        sendJson(res, 200, await grant(form));
      } catch (error) {
        if (!(error instanceof TokenGrantError)) throw error;
        sendJson(res, error.status, {
          error: error.error,
          error_description: error.message,
          error_codes: [error.errorCode],
          timestamp: `${new Date(issuer.now()).toISOString().replace("T", " ").slice(0, 19)}Z`,
          ...(error.suberror === undefined ? {} : { suberror: error.suberror }),
        });
      }
      return;
    }
    sendJson(res, 404, { error: "not_found", error_description: `No route for ${req.method} ${path}` });
  }

  async function authenticatedClient(form: URLSearchParams): Promise<DevClient> {
    const client = clientNamed(options.clients, form.get("client_id"));
    if (form.get("client_assertion_type") === JWT_BEARER_ASSERTION) {
      await verifyClientAssertion(client, form.get("client_assertion"), {
        audiences: [`${base}/${tenantId}/oauth2/v2.0/token`, `https://${AUTHORITY_HOST}/${tenantId}/v2.0`],
        now: (options.clientAssertionNow ?? Date.now)(),
      });
    } else {
      checkClientSecret(client, form.get("client_secret"));
    }
    return client;
  }

  async function grant(form: URLSearchParams): Promise<Record<string, unknown>> {
    const client = await authenticatedClient(form);
    const grantType = form.get("grant_type");
    if (grantType === OBO_GRANT_TYPE && form.get("requested_token_use") === "on_behalf_of") {
      const assertion = await verifiedAssertion(form.get("assertion"));
      const request = onBehalfOfGrant(client, assertion, form.get("scope"), tenantId, lifetime);
      return tokenResponse(await issuer.issueToken(request), request.scopes ?? [], lifetime);
    }
    if (grantType === "client_credentials") {
      const request = clientCredentialsGrant(
        client,
        form.get("scope"),
        tenantId,
        servicePrincipalId(client.clientId),
        lifetime,
      );
      return tokenResponse(await issuer.issueToken(request), [".default"], lifetime);
    }
    throw new TokenGrantError(
      400,
      "unsupported_grant_type",
      70003,
      `The app requested an unsupported grant type '${grantType ?? ""}'.`,
    );
  }

  async function verifiedAssertion(token: string | null): Promise<AssertionClaims> {
    if (token === null)
      throw new TokenGrantError(
        400,
        "invalid_request",
        900144,
        "The request body must contain the following parameter: 'assertion'.",
      );
    const audiences = options.clients.flatMap((c) => c.apiAudiences);
    let claims: Record<string, unknown>;
    try {
      claims = await issuer.verify(token, { audience: audiences });
    } catch (error) {
      throw new TokenGrantError(
        400,
        "invalid_grant",
        50013,
        `Assertion failed signature, audience or lifetime validation: ${String(error)}`,
      );
    }
    const text = (key: string): string | undefined =>
      typeof claims[key] === "string" ? (claims[key] as string) : undefined;
    const tid = text("tid");
    const oid = text("oid");
    const aud = text("aud");
    if (tid !== tenantId || oid === undefined || aud === undefined) {
      throw new TokenGrantError(
        400,
        "invalid_grant",
        50013,
        "Assertion lacks tid, oid or aud for this tenant.",
      );
    }
    const scp = text("scp");
    const name = text("name");
    const upn = text("preferred_username") ?? text("upn");
    return {
      tid,
      oid,
      aud,
      ...(scp === undefined ? {} : { scp }),
      ...(name === undefined ? {} : { name }),
      ...(upn === undefined ? {} : { upn }),
    };
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  const tokenEndpoint = `${base}/${tenantId}/oauth2/v2.0/token`;
  const authority = `https://${AUTHORITY_HOST}/${tenantId}`;
  return {
    url: base,
    tokenEndpoint,
    jwksUri: `${base}/${tenantId}/discovery/v2.0/keys`,
    msal: {
      authority,
      knownAuthorities: [AUTHORITY_HOST],
      authorityMetadata: JSON.stringify(openIdConfiguration(base, tenantId)),
      cloudDiscoveryMetadata: JSON.stringify({
        tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
        "api-version": "1.1",
        metadata: [
          { preferred_network: AUTHORITY_HOST, preferred_cache: AUTHORITY_HOST, aliases: [AUTHORITY_HOST] },
        ],
      }),
    },
    tokenRequestCount: () => tokenRequests,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function openIdConfiguration(base: string, tenantId: string): Record<string, unknown> {
  return {
    issuer: `https://${AUTHORITY_HOST}/${tenantId}/v2.0`,
    token_endpoint: `${base}/${tenantId}/oauth2/v2.0/token`,
    authorization_endpoint: `${base}/${tenantId}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/${tenantId}/oauth2/v2.0/logout`,
    jwks_uri: `${base}/${tenantId}/discovery/v2.0/keys`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt"],
    id_token_signing_alg_values_supported: ["RS256"],
    tenant_region_scope: "EU",
  };
}

function tokenResponse(
  accessToken: string,
  scopes: readonly string[],
  lifetime: number,
): Record<string, unknown> {
  return {
    token_type: "Bearer",
    scope: scopes
      .map((s) =>
        s === ".default" ? "https://graph.microsoft.com/.default" : `https://graph.microsoft.com/${s}`,
      )
      .join(" "),
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: accessToken,
  };
}

/** A stable object id for an app's service principal in this tenant. */
function servicePrincipalId(clientId: string): string {
  const hex = createHash("sha256").update(`sp|${clientId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(text);
}
