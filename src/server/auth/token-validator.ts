import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from "jose";
import type { Instant } from "../../domain/instant.ts";
import { TokenError } from "./token-error.ts";

/** Who is calling: always taken from a validated token, never from the page or the Teams context. */
export interface Principal {
  /** Lower-case Entra tenant id (`tid`). */
  readonly tenantId: string;
  /** Entra object id of the user (`oid`): with the tenant, the person's identity. */
  readonly objectId: string;
  readonly name: string | null;
  /** The sign-in name (`preferred_username` in v2, `upn` or `unique_name` in v1), when present. */
  readonly upn: string | null;
  /** Delegated scopes granted to the calling app (`scp`). */
  readonly scopes: readonly string[];
  /** App roles assigned to the user (`roles`), such as an admin role. */
  readonly roles: readonly string[];
}

export interface TokenValidatorOptions {
  /** Accepted `aud` values: FieldCoach's client id (v2 tokens) and its Application ID URI (v1). */
  readonly audiences: readonly string[];
  /** Tenant ids allowed to use this deployment. */
  readonly allowedTenants: readonly string[];
  /** The access-token version pinned in the app registration; it decides the issuer. */
  readonly tokenVersion: 1 | 2;
  /** The delegated scope FieldCoach's API exposes, which every token must carry. */
  readonly requiredScope: string;
  /** Where a tenant's signing keys are published; Entra's by default. */
  readonly jwksUrlFor?: (tenantId: string) => string;
  /** The issuer a tenant's tokens must name exactly; Entra's for `tokenVersion` by default. */
  readonly issuerFor?: (tenantId: string) => string;
  /** The time tokens are checked against; the real clock by default. */
  readonly clock?: () => Instant;
  /** Allowed clock skew between Entra and this server. */
  readonly clockToleranceSeconds?: number;
  /**
   * How long after fetching a key set an unknown `kid` may not trigger another fetch (jose's cooldown),
   * and how long a key set is used before it is fetched again.
   */
  readonly jwks?: { readonly cooldownMs?: number; readonly maxAgeMs?: number; readonly timeoutMs?: number };
}

export interface TokenValidator {
  /** The caller of a token, or a TokenError saying why the token is refused. */
  validate(token: string): Promise<Principal>;
}

const ALGORITHM = "RS256";

export function entraJwksUrl(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`;
}

export function entraIssuer(tenantId: string, tokenVersion: 1 | 2): string {
  return tokenVersion === 2
    ? `https://login.microsoftonline.com/${tenantId}/v2.0`
    : `https://sts.windows.net/${tenantId}/`;
}

/**
 * Validates access tokens for FieldCoach's own API the way Entra ID issues them: RS256 only, signed by
 * a key of the token's own tenant (fetched by `kid`, fetched again when an unknown `kid` appears),
 * the exact issuer of that tenant, one of our audiences, within its lifetime, from an allowed tenant,
 * and with our scope. The tenant is checked before any key is fetched, so no token makes the server
 * fetch keys for a tenant it does not serve.
 */
export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  const allowed = new Set(options.allowedTenants.map((tenant) => tenant.toLowerCase()));
  const jwksUrlFor = options.jwksUrlFor ?? entraJwksUrl;
  const issuerFor = options.issuerFor ?? ((tenantId: string) => entraIssuer(tenantId, options.tokenVersion));
  const clock = options.clock ?? Date.now;
  const keySets = new Map<string, JWTVerifyGetKey>();

  const keySetFor = (tenantId: string): JWTVerifyGetKey => {
    let keySet = keySets.get(tenantId);
    if (keySet === undefined) {
      keySet = createRemoteJWKSet(new URL(jwksUrlFor(tenantId)), {
        cooldownDuration: options.jwks?.cooldownMs ?? 5 * 60_000,
        cacheMaxAge: options.jwks?.maxAgeMs ?? 24 * 60 * 60_000,
        timeoutDuration: options.jwks?.timeoutMs ?? 5_000,
      });
      keySets.set(tenantId, keySet);
    }
    return keySet;
  };

  return {
    async validate(token) {
      const tenantId = unverifiedTenant(token);
      if (!allowed.has(tenantId)) {
        throw new TokenError(
          "token_tenant_not_allowed",
          `Tenant ${tenantId} is not allowed to use FieldCoach.`,
        );
      }
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keySetFor(tenantId), {
          algorithms: [ALGORITHM],
          issuer: issuerFor(tenantId),
          audience: [...options.audiences],
          clockTolerance: options.clockToleranceSeconds ?? 30,
          currentDate: new Date(clock()),
          requiredClaims: ["exp", "iat", "tid", "oid"],
        }));
      } catch (error) {
        throw classify(error);
      }
      const scopes =
        typeof payload.scp === "string" ? payload.scp.split(" ").filter((scope) => scope !== "") : [];
      if (!scopes.includes(options.requiredScope)) {
        throw new TokenError(
          "token_scope_missing",
          `The token does not grant the ${options.requiredScope} scope.`,
        );
      }
      const objectId = payload.oid;
      if (typeof objectId !== "string" || objectId === "") {
        throw new TokenError("token_claims_missing", "The token names no user (oid).");
      }
      return {
        tenantId,
        objectId,
        name: stringClaim(payload, "name"),
        upn:
          stringClaim(payload, "preferred_username") ??
          stringClaim(payload, "upn") ??
          stringClaim(payload, "unique_name"),
        scopes,
        roles: Array.isArray(payload.roles) ? payload.roles.filter((role) => typeof role === "string") : [],
      };
    },
  };
}

/** Reads the header and the tenant before anything is verified, to refuse early what can never pass. */
function unverifiedTenant(token: string): string {
  let alg: unknown;
  let tid: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
    tid = decodeJwt(token).tid;
  } catch (error) {
    throw new TokenError("token_malformed", "The access token is not a well-formed JWT.", { cause: error });
  }
  if (alg !== ALGORITHM) {
    throw new TokenError(
      "token_algorithm_not_allowed",
      `Tokens signed with ${String(alg)} are not accepted.`,
    );
  }
  if (typeof tid !== "string" || tid === "") {
    throw new TokenError("token_claims_missing", "The token names no tenant (tid).");
  }
  return tid.toLowerCase();
}

function classify(error: unknown): TokenError {
  if (error instanceof TokenError) return error;
  if (error instanceof errors.JWTExpired) {
    return new TokenError("token_expired", "The access token has expired.", { cause: error });
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === "missing") {
      return new TokenError("token_claims_missing", `The token lacks the ${error.claim} claim.`, {
        cause: error,
      });
    }
    switch (error.claim) {
      case "aud":
        return new TokenError("token_audience_invalid", "The token is not meant for FieldCoach.", {
          cause: error,
        });
      case "iss":
        return new TokenError("token_issuer_invalid", "The token was not issued by its tenant.", {
          cause: error,
        });
      case "nbf":
      case "iat":
        return new TokenError("token_not_yet_valid", "The token is not valid yet.", { cause: error });
    }
    return new TokenError("token_claims_missing", `The token's ${error.claim} claim is invalid.`, {
      cause: error,
    });
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new TokenError("token_signature_invalid", "The token is not signed by its tenant's keys.", {
      cause: error,
    });
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new TokenError("token_algorithm_not_allowed", "The token's algorithm is not accepted.", {
      cause: error,
    });
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return new TokenError("token_malformed", "The access token is not a well-formed JWT.", { cause: error });
  }
  // Anything else happened while fetching keys (timeout, HTTP error, bad JSON): not the caller's fault.
  return new TokenError("signing_keys_unavailable", "The tenant's signing keys could not be fetched.", {
    cause: error,
  });
}

function stringClaim(payload: JWTPayload, name: string): string | null {
  const value = payload[name];
  return typeof value === "string" && value !== "" ? value : null;
}
