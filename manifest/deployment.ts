/**
 * Where one installation of FieldCoach lives: the public base URL that serves its pages and the
 * Entra ID and Microsoft 365 app ids it is registered under. Every URL and id in both manifests
 * derives from these three values.
 */
export interface Deployment {
  /** https origin plus an optional path prefix, without a trailing slash: `https://coach.contoso.com`. */
  readonly baseUrl: string;
  /** The Entra ID application (client) id, lower-case GUID. */
  readonly clientId: string;
  /** The Microsoft 365 app id (the unified manifest's `id`), lower-case GUID. */
  readonly appId: string;
}

/**
 * Values for a local demo (`npm start` on port 3000). The GUIDs are fixed so that a demo package
 * is the same on every machine; they belong to no real registration, so sign-in will not work.
 */
export const DEMO_DEPLOYMENT: Deployment = {
  baseUrl: "https://localhost:3000",
  clientId: "b18276c4-3cec-4a42-aa4f-591530898da4",
  appId: "168bdb45-915e-4e36-bb41-cbf673324e6b",
};

/** A deployment value that cannot be used; `source` names the flag or variable it came from. */
export class DeploymentError extends Error {
  readonly source: string;

  constructor(source: string, message: string) {
    super(message);
    this.name = "DeploymentError";
    this.source = source;
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseBaseUrl(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DeploymentError(source, `${source} must be an absolute https URL, got "${value}".`);
  }
  if (url.protocol !== "https:") {
    throw new DeploymentError(
      source,
      `${source} must use https, because Teams and Outlook load only https pages, got "${value}".`,
    );
  }
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
    throw new DeploymentError(
      source,
      `${source} must not carry credentials, a query or a fragment, got "${value}".`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

export function parseGuid(value: string, source: string): string {
  if (!GUID.test(value)) {
    throw new DeploymentError(
      source,
      `${source} must be a GUID such as 00000000-0000-0000-0000-000000000000, got "${value}".`,
    );
  }
  return value.toLowerCase();
}
