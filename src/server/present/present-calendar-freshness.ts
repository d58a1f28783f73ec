/**
 * How fresh a manager's figures are, from the calendar's sync state: when it was last read in full and,
 * when a later read failed, when and why, in a sentence for the people reading the page. The sync state
 * keeps Graph's error code only (src/server/sync/sync-manager-calendar.ts), so the sentence is chosen
 * from the code and, for codes Graph leaves unnamed ("Http503"), from the status. Pure.
 */

import type { CalendarFreshness } from "../../api/dashboard.ts";
import { kindOfStatus } from "../../graph/map-error.ts";
import type { SyncStateRecord } from "../../store/repositories/sync-state.ts";

export function presentCalendarFreshness(state: SyncStateRecord | undefined): CalendarFreshness {
  if (state === undefined) return { lastReadAt: null, latestReadFailed: null };
  return {
    lastReadAt: state.lastSuccessAt === null ? null : new Date(state.lastSuccessAt).toISOString(),
    // Every write of the state stamps `updatedAt` and a success clears the code, so while a code is
    // kept `updatedAt` is the instant of the failed read that left it.
    latestReadFailed:
      state.lastErrorCode === null
        ? null
        : { at: new Date(state.updatedAt).toISOString(), reason: readFailureReason(state.lastErrorCode) },
  };
}

const UNAVAILABLE = "Microsoft Graph was unavailable.";
const THROTTLED = "Microsoft Graph asked FieldCoach to slow down, and kept refusing after several tries.";
const SIGNED_OUT =
  "The manager's sign-in to FieldCoach has run out; it is renewed when they next open FieldCoach.";
const NOT_ALLOWED =
  "FieldCoach is no longer allowed to read this calendar: the consent was withdrawn or the mailbox closed to it; an administrator can grant it again.";
const NO_MAILBOX = "Microsoft 365 found no mailbox for this calendar.";
const START_OVER =
  "Microsoft Graph asked FieldCoach to read the calendar again from the start, and that read did not finish.";
const UNREADABLE = "Microsoft Graph sent an answer FieldCoach could not read.";
const UNREACHABLE = "FieldCoach could not reach Microsoft 365: the connection failed.";
const REFUSED = "Microsoft Graph refused the request as FieldCoach sent it.";
const OTHER = "Microsoft Graph answered with an error instead of the calendar.";

/**
 * Graph's, the transport's and Entra's (token) error codes, lower-case: Graph's own casing varies by
 * workload ("syncStateNotFound", "SyncStateNotFound").
 */
const REASONS: ReadonlyMap<string, string> = new Map([
  ["serviceunavailable", UNAVAILABLE],
  ["internalservererror", UNAVAILABLE],
  ["errorinternalservererror", UNAVAILABLE],
  ["errormailboxstoreunavailable", UNAVAILABLE],
  ["generalexception", UNAVAILABLE],
  ["unknownerror", UNAVAILABLE],
  ["gatewaytimeout", UNAVAILABLE],
  ["timeout", "Microsoft Graph did not answer in time."],
  ["networkerror", UNREACHABLE],
  ["network_error", UNREACHABLE],
  ["endpoints_resolution_error", UNREACHABLE],
  ["toomanyrequests", THROTTLED],
  ["activitylimitreached", THROTTLED],
  ["applicationthrottled", THROTTLED],
  ["mailboxconcurrency", THROTTLED],
  ["invalidauthenticationtoken", SIGNED_OUT],
  ["tokenunavailable", SIGNED_OUT],
  ["invalid_grant", SIGNED_OUT],
  ["interaction_required", SIGNED_OUT],
  ["login_required", SIGNED_OUT],
  ["token_expired", SIGNED_OUT],
  ["bad_token", SIGNED_OUT],
  ["consent_required", NOT_ALLOWED],
  ["erroraccessdenied", NOT_ALLOWED],
  ["accessdenied", NOT_ALLOWED],
  ["authorization_requestdenied", NOT_ALLOWED],
  ["forbidden", NOT_ALLOWED],
  ["unauthorized_client", NOT_ALLOWED],
  ["erroritemnotfound", NO_MAILBOX],
  ["resourcenotfound", NO_MAILBOX],
  ["request_resourcenotfound", NO_MAILBOX],
  ["errorinvaliduser", NO_MAILBOX],
  ["mailboxnotenabledforrestapi", NO_MAILBOX],
  ["syncstatenotfound", START_OVER],
  ["syncstateinvalid", START_OVER],
  ["malformedresponse", UNREADABLE],
  ["missingbatchresponse", UNREADABLE],
  ["foreignlink", UNREADABLE],
]);

/** Why a calendar read failed, for people: never the raw code, which says nothing to a sales manager. */
export function readFailureReason(code: string): string {
  const known = REASONS.get(code.toLowerCase());
  if (known !== undefined) return known;
  const status = /^Http(\d{3})$/.exec(code);
  if (status === null) return OTHER;
  const statusCode = Number(status[1]);
  if (statusCode === 429) return THROTTLED;
  if (statusCode === 401) return SIGNED_OUT;
  switch (kindOfStatus(statusCode)) {
    case "retry-later":
      return UNAVAILABLE;
    case "permission":
      return NOT_ALLOWED;
    case "not-found":
      return NO_MAILBOX;
    case "resync":
      return START_OVER;
    case "bad-request":
      return REFUSED;
  }
}
