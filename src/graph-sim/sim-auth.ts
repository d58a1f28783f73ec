/**
 * Bearer-token checks as Graph makes them: a token signed by the tenant's keys, for Graph's audience,
 * from this tenant's issuer, not expired. Delegated tokens carry `scp`, app-only tokens `roles`.
 */

import { createLocalJWKSet, errors, type JSONWebKeySet, jwtVerify } from "jose";
import { type Caller, errorResponse, type SimResponse } from "./sim-http.ts";

const GRAPH_AUDIENCES = ["https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000"];

const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

export type TokenCheck =
  | { readonly ok: true; readonly caller: Caller }
  | { readonly ok: false; readonly response: SimResponse };

export function createTokenChecker(
  jwks: JSONWebKeySet,
  tenantId: string,
  now: () => number,
): (authorization: string | undefined) => Promise<TokenCheck> {
  const keys = createLocalJWKSet(jwks);
  const issuers = [
    `https://sts.windows.net/${tenantId}/`,
    `https://login.microsoftonline.com/${tenantId}/v2.0`,
  ];
  const unauthorized = (message: string): TokenCheck => ({
    ok: false,
    response: errorResponse(401, "InvalidAuthenticationToken", message, {
      now: now(),
      headers: { "WWW-Authenticate": WWW_AUTHENTICATE },
    }),
  });

  return async (authorization) => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
    if (token === undefined) return unauthorized("Access token is empty.");
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ["RS256"],
        audience: GRAPH_AUDIENCES,
        issuer: issuers,
        currentDate: new Date(now()),
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        return unauthorized("Lifetime validation failed, the token is expired.");
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === "aud") {
        return unauthorized("Invalid audience.");
      }
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === "iss") {
        return unauthorized("Invalid issuer.");
      }
      return unauthorized("IDX14100: JWT is not well formed or its signature is invalid.");
    }
    if (payload.tid !== tenantId) return unauthorized("The token is for another tenant.");
    const oid = typeof payload.oid === "string" ? payload.oid : undefined;
    if (typeof payload.scp === "string" && oid !== undefined) {
      return {
        ok: true,
        caller: { kind: "user", oid, scopes: new Set(payload.scp.split(" ").filter((s) => s !== "")) },
      };
    }
    const roles = Array.isArray(payload.roles)
      ? payload.roles.filter((r): r is string => typeof r === "string")
      : [];
    const appId =
      typeof payload.appid === "string" ? payload.appid : typeof payload.azp === "string" ? payload.azp : "";
    return { ok: true, caller: { kind: "app", appId, roles: new Set(roles) } };
  };
}
