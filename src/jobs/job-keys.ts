/**
 * Job keys name a kind and a subject: "calendar:jane@contoso.com" is the calendar sync of Jane's
 * calendar. Per manager the calendar key is the sync-state key the calendar sync already uses, so the
 * job and its delta link are found by one name; the tenant is a column of its own, never in the key.
 */

export const JOB_KINDS = {
  /** A manager's calendar sync (delta query), every interval and whenever a notification says so. */
  calendar: "calendar",
  /** A manager's change-notification subscription: created, renewed before it expires, recreated. */
  subscription: "subscription",
  /** The tenant's activity-feed reminders. */
  reminders: "reminders",
  /** Keeps the per-manager jobs in step with the tenant's directory. */
  plan: "plan",
  /** Deletes the tenant's coaching records older than its retention, when it has one. */
  retention: "retention",
} as const;

export function jobKindOf(jobKey: string): string {
  const colon = jobKey.indexOf(":");
  return colon < 0 ? jobKey : jobKey.slice(0, colon);
}

export function jobSubjectOf(jobKey: string): string {
  const colon = jobKey.indexOf(":");
  return colon < 0 ? "" : jobKey.slice(colon + 1);
}

export function calendarJobKey(managerEmail: string): string {
  return `${JOB_KINDS.calendar}:${managerEmail.toLowerCase()}`;
}

export function subscriptionJobKey(managerEmail: string): string {
  return `${JOB_KINDS.subscription}:${managerEmail.toLowerCase()}`;
}
