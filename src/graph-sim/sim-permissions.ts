/**
 * Which permissions Graph accepts for each call the simulator serves (least and higher privileged, as
 * Microsoft's permission tables list them), and the mailbox rule for delegated tokens: a user's token
 * opens the user's own mailbox, and another's calendar only with a `.Shared` permission and only when
 * the owner shared that calendar with the user (reading needs a share, writing a share that lets the
 * recipient write), as Exchange decides. App-only tokens open any mailbox their roles cover.
 */

import { type Caller, errorResponse, type SimResponse } from "./sim-http.ts";
import type { SimUser } from "./tenant-data.ts";

export type RouteKind =
  | "user"
  | "manager"
  | "directReports"
  | "mailboxSettings"
  | "organization"
  | "calendarView"
  | "calendarView.delta"
  | "getSchedule"
  | "events.get"
  | "events.create"
  | "events.respond"
  | "events.cancel"
  | "extensions.get"
  | "extensions.create"
  | "subscriptions"
  | "activityNotification"
  | "batch";

interface Accepted {
  readonly delegated: readonly string[];
  readonly application: readonly string[];
  /**
   * Delegated permissions that also open another user's mailbox for this call, when its owner shared
   * the calendar with the caller in the role named.
   */
  readonly shared?: { readonly permissions: readonly string[]; readonly role: "read" | "write" };
  /** Calls on a mailbox (calendar, settings): delegated tokens reach only their own without `shared`. */
  readonly mailbox: boolean;
  readonly directory: boolean;
}

const CALENDAR_READ_BASIC = ["Calendars.ReadBasic", "Calendars.Read", "Calendars.ReadWrite"];
const CALENDAR_READ = ["Calendars.Read", "Calendars.ReadWrite"];
const CALENDAR_WRITE = ["Calendars.ReadWrite"];
const READ_SHARED = {
  permissions: ["Calendars.Read.Shared", "Calendars.ReadWrite.Shared"],
  role: "read",
} as const;
const WRITE_SHARED = { permissions: ["Calendars.ReadWrite.Shared"], role: "write" } as const;
const DIRECTORY = ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"];

const ACCEPTED: Readonly<Record<Exclude<RouteKind, "batch">, Accepted>> = {
  user: {
    delegated: ["User.ReadBasic.All", ...DIRECTORY],
    application: ["User.ReadBasic.All", ...DIRECTORY],
    mailbox: false,
    directory: true,
  },
  manager: { delegated: DIRECTORY, application: DIRECTORY, mailbox: false, directory: true },
  directReports: { delegated: DIRECTORY, application: DIRECTORY, mailbox: false, directory: true },
  mailboxSettings: {
    delegated: ["MailboxSettings.Read", "MailboxSettings.ReadWrite"],
    application: ["MailboxSettings.Read", "MailboxSettings.ReadWrite"],
    mailbox: true,
    directory: false,
  },
  organization: {
    delegated: ["User.Read", "Organization.Read.All", "Directory.Read.All"],
    application: ["Organization.Read.All", "Directory.Read.All"],
    mailbox: false,
    directory: true,
  },
  calendarView: {
    delegated: CALENDAR_READ_BASIC,
    application: CALENDAR_READ_BASIC,
    shared: READ_SHARED,
    mailbox: true,
    directory: false,
  },
  "calendarView.delta": {
    delegated: CALENDAR_READ,
    application: CALENDAR_READ,
    shared: READ_SHARED,
    mailbox: true,
    directory: false,
  },
  getSchedule: {
    delegated: CALENDAR_READ_BASIC,
    application: CALENDAR_READ_BASIC,
    mailbox: true,
    directory: false,
  },
  "events.get": {
    delegated: CALENDAR_READ_BASIC,
    application: CALENDAR_READ_BASIC,
    shared: READ_SHARED,
    mailbox: true,
    directory: false,
  },
  "events.create": {
    delegated: CALENDAR_WRITE,
    application: CALENDAR_WRITE,
    shared: WRITE_SHARED,
    mailbox: true,
    directory: false,
  },
  "events.respond": {
    delegated: CALENDAR_WRITE,
    application: CALENDAR_WRITE,
    shared: WRITE_SHARED,
    mailbox: true,
    directory: false,
  },
  "events.cancel": {
    delegated: CALENDAR_WRITE,
    application: CALENDAR_WRITE,
    shared: WRITE_SHARED,
    mailbox: true,
    directory: false,
  },
  "extensions.get": {
    delegated: CALENDAR_READ,
    application: CALENDAR_READ,
    shared: READ_SHARED,
    mailbox: true,
    directory: false,
  },
  "extensions.create": {
    delegated: CALENDAR_WRITE,
    application: CALENDAR_WRITE,
    shared: WRITE_SHARED,
    mailbox: true,
    directory: false,
  },
  /** Events subscriptions need read access to events; sim-subscriptions.ts checks whose. */
  subscriptions: { delegated: CALENDAR_READ, application: CALENDAR_READ, mailbox: false, directory: false },
  /** Any recipient: Teams checks that the app is installed for them instead. */
  activityNotification: {
    delegated: ["TeamsActivity.Send"],
    application: ["TeamsActivity.Send"],
    mailbox: false,
    directory: false,
  },
};

/**
 * Undefined when the caller may make the call on `mailboxOwner`'s data; otherwise Graph's 403 (Outlook
 * answers `ErrorAccessDenied`, the directory `Authorization_RequestDenied`). A calendar that is not
 * shared with the caller is refused exactly like a missing permission: Graph does not say which.
 */
export function accessDenied(
  caller: Caller,
  kind: Exclude<RouteKind, "batch">,
  mailboxOwner: SimUser | undefined,
  now: number,
): SimResponse | undefined {
  const rule = ACCEPTED[kind];
  const held = caller.kind === "user" ? caller.scopes : caller.roles;
  const accepted = caller.kind === "user" ? rule.delegated : rule.application;
  const deny = (): SimResponse =>
    rule.directory
      ? errorResponse(
          403,
          "Authorization_RequestDenied",
          "Insufficient privileges to complete the operation.",
          { now },
        )
      : errorResponse(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.", {
          now,
        });
  const isOwn = caller.kind === "user" && mailboxOwner !== undefined && mailboxOwner.id === caller.oid;
  const selfOnly = kind === "manager" || kind === "directReports" || kind === "user";
  const hasAccepted =
    accepted.some((p) => held.has(p)) ||
    (caller.kind === "user" && selfOnly && isOwn && held.has("User.Read"));
  if (caller.kind === "app" || !rule.mailbox || mailboxOwner === undefined || isOwn) {
    return hasAccepted ? undefined : deny();
  }
  const shared = rule.shared;
  if (shared === undefined || !shared.permissions.some((p) => held.has(p))) return deny();
  const share = mailboxOwner.calendarShares?.find((s) => s.userId === caller.oid);
  const reaches = share !== undefined && (shared.role === "read" || share.role === "write");
  return reaches ? undefined : deny();
}
