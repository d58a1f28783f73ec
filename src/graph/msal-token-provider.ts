/**
 * Graph tokens from Microsoft Entra ID through `@azure/msal-node`: On-Behalf-Of a signed-in user (the
 * token the Teams tab or Outlook add-in sent to our API), or client credentials for the opt-in app-only
 * mode. One confidential client serves every user; MSAL caches each user's Graph token (keyed by the
 * incoming assertion) until shortly before it expires, so a token is exchanged once, not per call.
 * The app proves who it is with a client secret or with a certificate (MSAL then signs a client
 * assertion with the certificate's key). A permission Entra will not grant (not consented) fails the
 * call with a permission error naming the permissions it needs.
 */

import { X509Certificate } from "node:crypto";
import { ConfidentialClientApplication, InteractionRequiredAuthError } from "@azure/msal-node";
import { GraphError } from "./map-error.ts";
import type { TokenProvider } from "./middleware-auth.ts";

const GRAPH_RESOURCE = "https://graph.microsoft.com";
export const GRAPH_DEFAULT_SCOPE = `${GRAPH_RESOURCE}/.default`;

/**
 * A certificate registered on the app registration, with its private key: MSAL signs a client assertion
 * with the key and names the certificate by its SHA-256 thumbprint (and sends it as `x5c`, so Entra can
 * also match it by subject name and issuer).
 */
export interface MsalClientCertificate {
  /** PKCS#8 PEM of the private key. */
  readonly privateKeyPem: string;
  /** PEM of the certificate. */
  readonly certificatePem: string;
}

/** How FieldCoach proves to Entra ID that it is the app: a client secret or a certificate. */
export type MsalClientCredential =
  | { readonly clientSecret: string }
  | { readonly clientCertificate: MsalClientCertificate };

export type MsalTokenConfig = MsalClientCredential & {
  readonly clientId: string;
  readonly tenantId: string;
  /**
   * Overrides for an authority other than Entra's public cloud, such as the development issuer
   * (`DevIssuerServer.msal`): an https authority, the hosts MSAL may trust without discovery, and the
   * metadata it would otherwise download.
   */
  readonly authority?: {
    readonly authority: string;
    readonly knownAuthorities: readonly string[];
    readonly authorityMetadata: string;
    readonly cloudDiscoveryMetadata: string;
  };
};

/** Hex SHA-256 of the certificate's DER form: the thumbprint Entra lists for an uploaded certificate. */
export function certificateThumbprintSha256(certificatePem: string): string {
  return new X509Certificate(certificatePem).fingerprint256.replaceAll(":", "").toLowerCase();
}

function credentialOf(config: MsalTokenConfig) {
  if ("clientSecret" in config) return { clientSecret: config.clientSecret };
  const { privateKeyPem, certificatePem } = config.clientCertificate;
  return {
    clientCertificate: {
      thumbprintSha256: certificateThumbprintSha256(certificatePem),
      privateKey: privateKeyPem,
      x5c: certificatePem,
    },
  };
}

function confidentialClient(config: MsalTokenConfig): ConfidentialClientApplication {
  const authority = config.authority;
  return new ConfidentialClientApplication({
    auth: {
      clientId: config.clientId,
      ...credentialOf(config),
      authority: authority?.authority ?? `https://login.microsoftonline.com/${config.tenantId}`,
      ...(authority === undefined
        ? {}
        : {
            knownAuthorities: [...authority.knownAuthorities],
            authorityMetadata: authority.authorityMetadata,
            cloudDiscoveryMetadata: authority.cloudDiscoveryMetadata,
          }),
    },
  });
}

/**
 * A token provider per signed-in user, from the token their client sent to our API. Each call names the
 * permissions that would serve it, least privileged first; the provider asks Entra for the first one the
 * tenant consented to and remembers which that was, so later calls go straight to it (and to MSAL's cache).
 */
export function createMsalOboTokenProvider(
  config: MsalTokenConfig,
): (userAssertion: string) => TokenProvider {
  const msal = confidentialClient(config);
  const consented = new Map<string, string>();
  return (userAssertion) => async (scopes) => {
    const key = scopes.join(" ");
    const known = consented.get(key);
    const order = known === undefined ? scopes : [known, ...scopes.filter((s) => s !== known)];
    let refusal: unknown = new Error("no permission was named for this call");
    for (const scope of order) {
      try {
        const result = await msal.acquireTokenOnBehalfOf({
          oboAssertion: userAssertion,
          scopes: [`${GRAPH_RESOURCE}/${scope}`],
        });
        if (result === null) throw new Error("MSAL returned no token");
        consented.set(key, scope);
        return result.accessToken;
      } catch (error) {
        refusal = error;
        if (!(error instanceof InteractionRequiredAuthError && error.subError === "consent_required")) break;
      }
    }
    throw tokenFailure(refusal, scopes, "On-Behalf-Of");
  };
}

/** The app's own token for app-only calls (application permissions, scoped by Exchange RBAC for Applications). */
export function createMsalAppTokenProvider(config: MsalTokenConfig): TokenProvider {
  const msal = confidentialClient(config);
  return async (scopes) => {
    try {
      const result = await msal.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT_SCOPE] });
      if (result === null) throw new Error("MSAL returned no token");
      return result.accessToken;
    } catch (error) {
      throw tokenFailure(error, scopes, "client credentials");
    }
  };
}

function tokenFailure(error: unknown, scopes: readonly string[], flow: string): GraphError {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof InteractionRequiredAuthError) {
    return new GraphError({
      kind: "permission",
      status: 401,
      code: error.subError === "" ? error.errorCode : error.subError,
      message: `Entra refused the ${flow} token (${detail}); the call needs one of: ${scopes.join(", ")}`,
      neededScopes: scopes,
    });
  }
  const code =
    typeof error === "object" && error !== null && "errorCode" in error
      ? String(error.errorCode)
      : "TokenUnavailable";
  const network = code === "network_error" || code.startsWith("endpoints_resolution");
  return new GraphError({
    kind: network ? "retry-later" : "permission",
    status: network ? 0 : 401,
    code,
    message: `No ${flow} token: ${detail}`,
    neededScopes: network ? [] : scopes,
  });
}
