/**
 * Certificate credentials at the development issuer's token endpoint, checked as Entra ID checks them:
 * the app sends a JWT (`client_assertion`, of type jwt-bearer) signed with the private key of a
 * certificate uploaded to its registration. The header names the certificate by thumbprint (`x5t#S256`,
 * or the older SHA-1 `x5t`); the signature must verify with that certificate's public key; `iss` and `sub`
 * are the client id; `aud` is the token endpoint (or the tenant's v2 issuer); and the token must be
 * within its lifetime.
 */

import { createHash, X509Certificate } from "node:crypto";
import { decodeProtectedHeader, errors, jwtVerify } from "jose";
import { type DevClient, TokenGrantError } from "./token-grants.ts";

export const JWT_BEARER_ASSERTION = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** Seconds of clock skew tolerated between the app and the issuer, as Entra tolerates some. */
const CLOCK_SKEW_SECONDS = 300;

export interface ClientAssertionCheck {
  /** `aud` values the assertion may carry. */
  readonly audiences: readonly string[];
  /** The instant the assertion's lifetime is checked at. */
  readonly now: number;
}

/** Throws `invalid_client` unless `assertion` proves the client holds one of its registered certificates. */
export async function verifyClientAssertion(
  client: DevClient,
  assertion: string | null,
  check: ClientAssertionCheck,
): Promise<void> {
  if (assertion === null || assertion === "") {
    throw new TokenGrantError(
      400,
      "invalid_request",
      900144,
      "The request body must contain the following parameter: 'client_assertion'.",
    );
  }
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    throw invalidClient(700027, "Client assertion is not a well-formed JWT.");
  }
  const sha256 = typeof header["x5t#S256"] === "string" ? header["x5t#S256"] : undefined;
  const sha1 = typeof header.x5t === "string" ? header.x5t : undefined;
  const certificate = (client.certificates ?? [])
    .map((pem) => new X509Certificate(pem))
    .find(
      (candidate) =>
        (sha256 !== undefined && thumbprint(candidate, "sha256") === sha256) ||
        (sha1 !== undefined && thumbprint(candidate, "sha1") === sha1),
    );
  if (certificate === undefined) {
    throw invalidClient(
      700027,
      "The certificate with identifier used to sign the client assertion is not registered on application.",
    );
  }
  try {
    await jwtVerify(assertion, certificate.publicKey, {
      algorithms: ["PS256", "RS256"],
      audience: [...check.audiences],
      issuer: client.clientId,
      subject: client.clientId,
      currentDate: new Date(check.now),
      clockTolerance: CLOCK_SKEW_SECONDS,
      requiredClaims: ["exp", "nbf"],
    });
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      throw invalidClient(700024, "Client assertion is not within its valid time range.");
    }
    if (error instanceof errors.JWTClaimValidationFailed) {
      if (error.claim === "nbf") {
        throw invalidClient(700024, "Client assertion is not within its valid time range.");
      }
      if (error.claim === "iss" || error.claim === "sub") {
        throw invalidClient(
          700021,
          "Client assertion application identifier doesn't match 'client_id' parameter.",
        );
      }
      throw invalidClient(700027, `Client assertion claim '${error.claim}' is invalid: ${error.reason}.`);
    }
    throw invalidClient(700027, "Client assertion failed signature validation.");
  }
}

/** A certificate's thumbprint as a JWS header names it: base64url of the hash of its DER form. */
function thumbprint(certificate: X509Certificate, hash: "sha256" | "sha1"): string {
  return createHash(hash).update(certificate.raw).digest("base64url");
}

function invalidClient(errorCode: number, description: string): TokenGrantError {
  return new TokenGrantError(401, "invalid_client", errorCode, description);
}
