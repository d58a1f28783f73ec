import { z } from "zod";

/**
 * Every error the API returns has a stable `code` the pages act on, an HTTP status, and a sentence for
 * people (`message`). Codes never change meaning; new ones are added at the end of their group.
 */
export const ERROR_STATUS = {
  // The request itself.
  bad_request: 400,
  payload_too_large: 413,
  csv_invalid: 422,
  // Sign-in: the page should get a new token (401) or tell the user why they cannot use FieldCoach (403).
  token_missing: 401,
  token_malformed: 401,
  token_algorithm_not_allowed: 401,
  token_signature_invalid: 401,
  token_audience_invalid: 401,
  token_issuer_invalid: 401,
  token_expired: 401,
  token_not_yet_valid: 401,
  token_claims_missing: 401,
  token_tenant_not_allowed: 403,
  token_scope_missing: 403,
  /** Microsoft Graph needs consent FieldCoach does not have; the body says who can grant it. */
  consent_required: 403,
  /** Signed in, but this person may not see or change this (the reporting line decides). */
  forbidden: 403,
  not_found: 404,
  /** The resource is in a state that does not allow this (a dismissed suggestion, a signed-off note). */
  conflict: 409,
  /** The write named a version that is no longer the current one; the body carries the current one. */
  version_conflict: 412,
  /** A write to a versioned resource came without If-Match. */
  version_required: 428,
  rate_limited: 429,
  // The server or what it depends on: the page may retry later.
  internal: 500,
  graph_unavailable: 502,
  signing_keys_unavailable: 503,
  /** The server is starting or its database is unreachable. */
  not_ready: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export const errorCode = z.enum(ERROR_CODES);

/** The body of every error response; some codes add fields (see the schemas below). */
export const apiError = z.object({
  code: errorCode,
  message: z.string(),
});
export type ApiError = z.infer<typeof apiError>;

/** 400: what was wrong with the request, each problem with the JSON path of the value at fault. */
export const badRequestError = apiError.extend({
  code: z.literal("bad_request"),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type BadRequestError = z.infer<typeof badRequestError>;

/** 403 consent_required: an admin must consent (or the user, where the tenant allows it). */
export const consentRequiredError = apiError.extend({
  code: z.literal("consent_required"),
  /** Microsoft's admin-consent page for this tenant; shown to admins. */
  adminConsentUrl: z.url(),
  /** The Graph permissions that are missing. */
  scopes: z.array(z.string()),
});
export type ConsentRequiredError = z.infer<typeof consentRequiredError>;
