import type { TeamsManifestV1D24 } from "@microsoft/app-manifest";
import {
  ACCENT_COLOR,
  ACTIVITY_TYPES,
  APP_TEXT,
  APP_VERSION,
  MANIFEST_SCHEMA_URL,
  MANIFEST_VERSION,
  OUTLOOK_ADDIN,
  type ResolvedApp,
  TEAMS_TABS,
} from "./app-definition.ts";
import {
  ADDIN_HIGH_RESOLUTION_ICON,
  ADDIN_ICON,
  MOBILE_ICON_POINTS,
  MOBILE_ICON_SCALES,
  mobileIcon,
  RIBBON_ICONS,
  TEAMS_COLOR_ICON,
  TEAMS_OUTLINE_ICON,
} from "./icon-catalog.ts";

export type UnifiedManifest = TeamsManifestV1D24.TeamsManifestV1D24;

/** The task pane's action id: the desktop button and the mobile button both open it. */
export const OPEN_PANE_ACTION = "openFieldCoachPane";

function outlookExtension(app: ResolvedApp): TeamsManifestV1D24.ElementExtension {
  const mailbox = [{ name: "Mailbox", minVersion: OUTLOOK_ADDIN.minMailboxVersion }];
  return {
    requirements: { scopes: ["mail"], capabilities: mailbox },
    runtimes: [
      {
        requirements: { capabilities: mailbox },
        id: "taskPaneRuntime",
        type: "general",
        code: { page: app.pages.outlook },
        lifetime: "short",
        actions: [{ id: OPEN_PANE_ACTION, type: "openPage" }],
      },
    ],
    ribbons: [
      {
        requirements: { formFactors: ["desktop", "mobile"] },
        // Outlook on Android shows attendee-mode add-ins only through the log-event surface.
        contexts: ["meetingDetailsOrganizer", "meetingDetailsAttendee", "logEventMeetingDetailsAttendee"],
        tabs: [
          {
            builtInTabId: "TabDefault",
            groups: [
              {
                id: "fieldCoachGroup",
                label: OUTLOOK_ADDIN.groupLabel,
                controls: [
                  {
                    id: "openFieldCoach",
                    type: "button",
                    label: OUTLOOK_ADDIN.buttonLabel,
                    icons: RIBBON_ICONS.map((icon) => ({ size: icon.pixels, url: app.iconUrl(icon) })),
                    supertip: {
                      title: OUTLOOK_ADDIN.tooltipTitle,
                      description: OUTLOOK_ADDIN.tooltipDescription,
                    },
                    actionId: OPEN_PANE_ACTION,
                  },
                ],
              },
            ],
            customMobileRibbonGroups: [
              {
                id: "fieldCoachMobileGroup",
                label: OUTLOOK_ADDIN.groupLabel,
                controls: [
                  {
                    id: "openFieldCoachMobile",
                    type: "mobileButton",
                    label: OUTLOOK_ADDIN.mobileButtonLabel,
                    icons: MOBILE_ICON_SCALES.flatMap((scale) =>
                      MOBILE_ICON_POINTS.map((points) => ({
                        size: points,
                        scale,
                        url: app.iconUrl(mobileIcon(points, scale)),
                      })),
                    ),
                    actionId: OPEN_PANE_ACTION,
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
    alternates: [
      {
        // Where both manifests are installed, clients that read this one hide the add-in only copy.
        hide: { customOfficeAddin: { officeAddinId: app.outlookAddinId } },
        // The 128 px image is declared at 64 points: Office shows it on high-DPI screens.
        alternateIcons: {
          icon: { size: ADDIN_ICON.pixels, url: app.iconUrl(ADDIN_ICON) },
          highResolutionIcon: { size: ADDIN_ICON.pixels, url: app.iconUrl(ADDIN_HIGH_RESOLUTION_ICON) },
        },
      },
    ],
  };
}

/**
 * The Microsoft 365 app manifest: the personal Teams tab, the meeting side panel, sign-in, the
 * activity-feed notification types and the Outlook add-in, all for one deployment.
 */
export function buildUnifiedManifest(app: ResolvedApp): UnifiedManifest {
  return {
    $schema: MANIFEST_SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    version: APP_VERSION,
    id: app.deployment.appId,
    developer: {
      name: APP_TEXT.developerName,
      websiteUrl: app.pages.home,
      privacyUrl: app.pages.privacy,
      termsOfUseUrl: app.pages.terms,
    },
    name: { short: APP_TEXT.shortName, full: APP_TEXT.fullName },
    description: { short: APP_TEXT.shortDescription, full: APP_TEXT.fullDescription },
    icons: { color: TEAMS_COLOR_ICON.file, outline: TEAMS_OUTLINE_ICON.file },
    accentColor: ACCENT_COLOR,
    staticTabs: [
      {
        entityId: TEAMS_TABS.personal.entityId,
        name: TEAMS_TABS.personal.name,
        contentUrl: app.pages.tab,
        websiteUrl: app.pages.tab,
        scopes: ["personal"],
        context: ["personalTab"],
      },
    ],
    configurableTabs: [
      {
        id: TEAMS_TABS.meetingConfigurableTabId,
        configurationUrl: app.pages.tabConfig,
        canUpdateConfiguration: true,
        scopes: ["groupChat"],
        context: ["meetingSidePanel", "meetingChatTab", "meetingDetailsTab"],
      },
    ],
    validDomains: [app.host],
    webApplicationInfo: { id: app.deployment.clientId, resource: app.apiResource },
    authorization: {
      permissions: { resourceSpecific: [{ name: OUTLOOK_ADDIN.unifiedPermission, type: "Delegated" }] },
    },
    activities: {
      activityTypes: ACTIVITY_TYPES.map(({ type, description, templateText }) => ({
        type,
        description,
        templateText,
      })),
    },
    extensions: [outlookExtension(app)],
  };
}
