/**
 * The claims of an access token in the shapes Microsoft Entra ID writes them, for the local development
 * issuer. Pure: the issue time comes in as an argument.
 */

import { createHash } from "node:crypto";

export type TokenVersion = "1.0" | "2.0";

/** What a token says about who is calling and what it may do. */
export interface TokenRequest {
  readonly tenantId: string;
  /** Object id of the user, or of the calling app's service principal for app-only tokens. */
  readonly oid: string;
  /** The client (application) id the token was issued to. */
  readonly appId: string;
  readonly audience: string;
  /** Seconds from the issue time to expiry. */
  readonly expiresIn: number;
  readonly version: TokenVersion;
  /** Delegated permissions: present for a user's token, absent for an app-only token. */
  readonly scopes?: readonly string[];
  /** Application permissions (app-only) or app roles assigned to the user. */
  readonly roles?: readonly string[];
  readonly name?: string;
  /** The user's sign-in name (UPN). */
  readonly upn?: string;
  /**
   * Claims set exactly as given over Entra's, for tests that need a token Entra would never sign (the
   * issuer of another tenant, a lifetime already over): the signature stays the tenant's own.
   */
  readonly forgedClaims?: Readonly<Record<string, unknown>>;
}

export interface EntraClaims {
  readonly [claim: string]: unknown;
  readonly aud: string;
  readonly iss: string;
  readonly iat: number;
  readonly nbf: number;
  readonly exp: number;
  readonly tid: string;
  readonly oid: string;
  readonly sub: string;
  readonly ver: TokenVersion;
}

export function issuerFor(tenantId: string, version: TokenVersion): string {
  return version === "2.0"
    ? `https://login.microsoftonline.com/${tenantId}/v2.0`
    : `https://sts.windows.net/${tenantId}/`;
}

/**
 * Entra's claims for the request. A user's token carries `scp` (space-separated) and the user's names;
 * an app-only token carries `roles` and `idtyp: "app"`. v1 tokens name the client `appid` and the user
 * `upn`/`unique_name`; v2 tokens say `azp` and `preferred_username`. `sub` is pairwise per app, as in Entra.
 */
export function entraClaims(request: TokenRequest, issuedAtSeconds: number): EntraClaims {
  if (!(request.expiresIn > 0)) throw new RangeError("expiresIn must be a positive number of seconds");
  const isUser = request.scopes !== undefined;
  const iat = Math.floor(issuedAtSeconds);
  const base = {
    aud: request.audience,
    iss: issuerFor(request.tenantId, request.version),
    iat,
    nbf: iat,
    exp: iat + Math.floor(request.expiresIn),
    tid: request.tenantId,
    oid: request.oid,
    sub: pairwiseSubject(request.oid, request.appId),
    ver: request.version,
    idtyp: isUser ? "user" : "app",
  };
  const client =
    request.version === "2.0" ? { azp: request.appId, azpacr: "1" } : { appid: request.appId, appidacr: "1" };
  const names = isUser ? userNames(request) : {};
  return {
    ...base,
    ...client,
    ...names,
    ...(isUser ? { scp: request.scopes!.join(" ") } : {}),
    ...(request.roles !== undefined && request.roles.length > 0 ? { roles: [...request.roles] } : {}),
    ...request.forgedClaims,
  };
}

function userNames(request: TokenRequest): Record<string, string> {
  const out: Record<string, string> = {};
  if (request.name !== undefined) out.name = request.name;
  if (request.upn !== undefined) {
    if (request.version === "2.0") out.preferred_username = request.upn;
    else {
      out.upn = request.upn;
      out.unique_name = request.upn;
    }
  }
  return out;
}

function pairwiseSubject(oid: string, appId: string): string {
  return createHash("sha256").update(`${oid}|${appId}`).digest("base64url").slice(0, 43);
}
