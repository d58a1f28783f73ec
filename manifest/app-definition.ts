// The one place that says what FieldCoach is to Teams and Outlook: names, texts, ids, scopes, pages
// and notifications. Both manifest builders read from here and from a Deployment, nothing else.
import { createHash } from "node:crypto";
import packageJson from "../package.json" with { type: "json" };
import type { Deployment } from "./deployment.ts";
import type { IconSpec } from "./icon-catalog.ts";

/** Manifest schema 1.24: `extensions` (the Outlook add-in) needs 1.17 or later, activity icons 1.22. */
export const MANIFEST_VERSION = "1.24";
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

export const APP_TEXT = {
  shortName: "FieldCoach",
  fullName: "FieldCoach: field coaching for sales managers",
  /** The add-in only manifest's name differs, as Microsoft asks, so the two are told apart in lists. */
  outlookClassicName: "FieldCoach for Outlook",
  shortDescription: "See your coaching mix, book field days with your reps, keep coaching notes.",
  fullDescription:
    "FieldCoach reads a sales manager's calendar and tells, for every meeting with their reps, who brought it " +
    "about: the rep pulling the manager into a deal (sales development) or the manager going to the rep " +
    "(skill development). It shows each manager's coaching mix and who is overdue for a field day, suggests " +
    "field-day blocks both people can attend, and keeps behaviour-based coaching notes and each rep's " +
    "coaching plan, which executives review and debrief. In Outlook, open any meeting to see how it is " +
    "classified and why, and write the coaching note for it.",
  /** The add-in only manifest allows 250 characters. */
  outlookDescription:
    "See how this meeting is classified (sales or skill development) and why, correct it, and write the coaching note for it.",
  developerName: "FieldCoach",
  defaultLocale: "en-US",
} as const;

export const ACCENT_COLOR = "#0E7A6B";
export const APP_VERSION: string = packageJson.version;

/** Paths under the base URL. The server serves these pages and manifest/icons/ under ICON_PATH. */
export const PAGE_PATHS = {
  home: "/",
  tab: "/tab",
  tabConfig: "/tab/config",
  outlook: "/outlook",
  privacy: "/privacy",
  terms: "/terms",
} as const;
export const ICON_PATH = "/icons";

export const TEAMS_TABS = {
  personal: { entityId: "coaching", name: "Coaching" },
  /** The meeting side panel is a configurable tab: Teams allows one per app. */
  meetingConfigurableTabId: "meetingNotes",
} as const;

export const OUTLOOK_ADDIN = {
  /**
   * Mailbox 1.5: add-in commands under VersionOverrides 1.1 need it, and it is the highest set that
   * Outlook on mobile and Exchange Server on premises support. The pane feature-detects newer APIs.
   */
  minMailboxVersion: "1.5",
  /** Add-in only manifests activate older clients without add-in commands from Mailbox 1.1. */
  baseMailboxVersion: "1.1",
  /**
   * Read item: the pane reads the open appointment's organizer, attendees and times. Without it
   * (the Restricted default) Office.js withholds them. Nothing is written to the item.
   */
  unifiedPermission: "MailboxItem.Read.User",
  xmlPermission: "ReadItem",
  groupLabel: "FieldCoach",
  buttonLabel: "Open FieldCoach",
  mobileButtonLabel: "FieldCoach",
  tooltipTitle: "FieldCoach",
  tooltipDescription: "See how this meeting is classified and why, correct it, and write its coaching note.",
  taskPaneRequestedHeight: 250,
} as const;

/** Scopes Office may pre-consent for single sign-on in the add-in only manifest. */
export const SIGN_IN_SCOPES = ["openid", "profile", "User.Read"] as const;

export interface ActivityType {
  /** The `activityType` the server passes to Graph's sendActivityNotification. */
  readonly type: string;
  readonly description: string;
  /** `{actor}` is filled in by Teams; every other `{name}` must come in the call's templateParameters. */
  readonly templateText: string;
  readonly parameters: readonly string[];
}

/** Teams activity-feed notifications the server may send; Teams rejects types not declared here. */
export const ACTIVITY_TYPES: readonly ActivityType[] = [
  {
    type: "fieldDayNoteMissing",
    description: "A field day has ended and its coaching note is not written yet.",
    templateText: "No coaching note yet for your field day with {repName} on {date}",
    parameters: ["repName", "date"],
  },
  {
    type: "noteShared",
    description: "A manager shared a coaching note with the rep it is about.",
    templateText: "{actor} shared a coaching note with you",
    parameters: [],
  },
  {
    type: "reportSignedOff",
    description: "A field-visit report was signed off and is ready for the executive's review.",
    templateText: "{actor} signed off the field-visit report for {repName}",
    parameters: ["repName"],
  },
  {
    type: "fieldDayReminder",
    description: "A booked field day is coming up.",
    templateText: "Field day with {personName} on {date}",
    parameters: ["personName", "date"],
  },
];

/** Absolute URLs and ids of one deployment, as both manifests print them. */
export interface ResolvedApp {
  readonly deployment: Deployment;
  /** Host with port, as Teams wants it in validDomains and in the api:// resource. */
  readonly host: string;
  readonly origin: string;
  readonly pages: { readonly [page in keyof typeof PAGE_PATHS]: string };
  /** The App ID URI that Teams and Office request SSO tokens for. */
  readonly apiResource: string;
  /**
   * The add-in only manifest's `<Id>`. Microsoft requires it to differ from the unified manifest's
   * `id`; deriving it from the app id keeps it stable without a fourth setting.
   */
  readonly outlookAddinId: string;
  iconUrl(icon: IconSpec): string;
}

/** RFC 9562 version 5 UUID: SHA-1 of a namespace UUID and a name. */
function uuidV5(namespace: string, name: string): string {
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replaceAll("-", ""), "hex"))
    .update(name, "utf8")
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function resolveApp(deployment: Deployment): ResolvedApp {
  const url = new URL(deployment.baseUrl);
  const under = (path: string) => (path === "/" ? `${deployment.baseUrl}/` : `${deployment.baseUrl}${path}`);
  return {
    deployment,
    host: url.host,
    origin: url.origin,
    pages: {
      home: under(PAGE_PATHS.home),
      tab: under(PAGE_PATHS.tab),
      tabConfig: under(PAGE_PATHS.tabConfig),
      outlook: under(PAGE_PATHS.outlook),
      privacy: under(PAGE_PATHS.privacy),
      terms: under(PAGE_PATHS.terms),
    },
    apiResource: `api://${url.host}/${deployment.clientId}`,
    outlookAddinId: uuidV5(deployment.appId, "fieldcoach/outlook-add-in-only-manifest"),
    iconUrl: (icon) => under(`${ICON_PATH}/${icon.file}`),
  };
}
