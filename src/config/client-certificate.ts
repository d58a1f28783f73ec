import { createPrivateKey, X509Certificate } from "node:crypto";

/** What MSAL needs to authenticate FieldCoach with a certificate instead of a secret. */
export interface ClientCertificate {
  /** PKCS#8 PEM of the private key. */
  readonly privateKeyPem: string;
  /** The certificate itself, PEM, sent as `x5c` so Entra can match it by subject name and issuer. */
  readonly certificatePem: string;
  /** Hex SHA-256 of the certificate's DER form, as Entra lists it. */
  readonly thumbprintSha256: string;
}

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/**
 * Reads one PEM text holding both the private key and its certificate (the form Key Vault exports).
 * Returns a sentence fragment describing the problem instead of throwing, so the caller can name the
 * variable it came from.
 */
export function parseClientCertificate(pem: string): ClientCertificate | { readonly problem: string } {
  const certificateText = CERTIFICATE_BLOCK.exec(pem)?.[0];
  if (certificateText === undefined) return { problem: "holds no PEM certificate block" };
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificateText);
  } catch {
    return { problem: "holds a certificate block that is not a valid X.509 certificate" };
  }
  let privateKeyPem: string;
  try {
    const key = createPrivateKey(pem);
    if (!certificate.checkPrivateKey(key)) {
      return { problem: "holds a private key that does not belong to its certificate" };
    }
    privateKeyPem = key.export({ format: "pem", type: "pkcs8" }).toString();
  } catch {
    return { problem: "holds no unencrypted PEM private key" };
  }
  return {
    privateKeyPem,
    certificatePem: certificateText,
    thumbprintSha256: certificate.fingerprint256.replaceAll(":", "").toLowerCase(),
  };
}
