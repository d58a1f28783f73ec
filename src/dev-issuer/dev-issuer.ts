/**
 * A local stand-in for Microsoft Entra ID's token signing, for demo mode and tests: one RSA key pair,
 * its JWKS, and tokens with Entra's claim shapes. Nothing here is safe for production: the key lives
 * in memory and anyone holding the issuer can mint any token.
 */

import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type JSONWebKeySet,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from "jose";
import { entraClaims, issuerFor, type TokenRequest } from "./entra-claims.ts";

export interface DevIssuerOptions {
  readonly tenantId: string;
  /** Milliseconds since the epoch; tests pin it. */
  readonly now?: () => number;
}

export interface VerifyOptions {
  /** Accepted `aud` values. */
  readonly audience: string | readonly string[];
}

export interface DevIssuer {
  readonly tenantId: string;
  /** The public key set, as Entra serves it at the tenant's `jwks_uri`. */
  readonly jwks: JSONWebKeySet;
  readonly now: () => number;
  /** Signs a token for this tenant (the request's `tenantId` must be this issuer's). */
  issueToken(request: TokenRequest): Promise<string>;
  /**
   * Checks signature, expiry, audience and that the issuer is this tenant's v1 or v2 issuer; returns the
   * claims or throws (jose's errors, which name what failed).
   */
  verify(token: string, options: VerifyOptions): Promise<JWTPayload>;
}

const ALGORITHM = "RS256";

export async function createDevIssuer(options: DevIssuerOptions): Promise<DevIssuer> {
  const now = options.now ?? Date.now;
  const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  const jwks: JSONWebKeySet = { keys: [{ ...jwk, kid, alg: ALGORITHM, use: "sig" }] };
  const keySet = createLocalJWKSet(jwks);
  const issuers = [issuerFor(options.tenantId, "1.0"), issuerFor(options.tenantId, "2.0")];

  return {
    tenantId: options.tenantId,
    jwks,
    now,
    async issueToken(request) {
      if (request.tenantId !== options.tenantId) {
        throw new RangeError(`this issuer signs for tenant ${options.tenantId}, not ${request.tenantId}`);
      }
      const claims = entraClaims(request, now() / 1000);
      return new SignJWT({ ...claims })
        .setProtectedHeader({ alg: ALGORITHM, typ: "JWT", kid })
        .sign(privateKey);
    },
    async verify(token, verifyOptions) {
      const { payload } = await jwtVerify(token, keySet, {
        algorithms: [ALGORITHM],
        audience: [
          ...(typeof verifyOptions.audience === "string" ? [verifyOptions.audience] : verifyOptions.audience),
        ],
        issuer: issuers,
        currentDate: new Date(now()),
      });
      return payload;
    },
  };
}
