import { el, serializeXml, type XmlOut } from "../scripts/lib/xml-write.ts";
import { APP_TEXT, APP_VERSION, OUTLOOK_ADDIN, type ResolvedApp, SIGN_IN_SCOPES } from "./app-definition.ts";
import { ADDIN_HIGH_RESOLUTION_ICON, ADDIN_ICON, ribbonIcon } from "./icon-catalog.ts";

export const XML_NAMESPACES = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  basicTypes: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  versionOverrides10: "http://schemas.microsoft.com/office/mailappversionoverrides",
  versionOverrides11: "http://schemas.microsoft.com/office/mailappversionoverrides/1.1",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

/** Resource ids (Outlook limits them to 32 characters). */
const RES = {
  icon16: "Icon.16x16",
  icon32: "Icon.32x32",
  icon80: "Icon.80x80",
  paneUrl: "TaskPane.Url",
  groupLabel: "Group.Label",
  buttonLabel: "Button.Label",
  tooltipTitle: "Button.TooltipTitle",
  tooltip: "Button.Tooltip",
} as const;

/** One command surface: the FieldCoach group on the default tab with a button that opens the pane. */
function commandSurface(
  surface: "AppointmentOrganizerCommandSurface" | "AppointmentAttendeeCommandSurface",
): XmlOut {
  const prefix =
    surface === "AppointmentOrganizerCommandSurface" ? "FieldCoach.Organizer" : "FieldCoach.Attendee";
  return el("ExtensionPoint", { "xsi:type": surface }, [
    el("OfficeTab", { id: "TabDefault" }, [
      el("Group", { id: `${prefix}.Group` }, [
        el("Label", { resid: RES.groupLabel }),
        el("Control", { "xsi:type": "Button", id: `${prefix}.OpenPane` }, [
          el("Label", { resid: RES.buttonLabel }),
          el("Supertip", {}, [
            el("Title", { resid: RES.tooltipTitle }),
            el("Description", { resid: RES.tooltip }),
          ]),
          el("Icon", {}, [
            el("bt:Image", { size: "16", resid: RES.icon16 }),
            el("bt:Image", { size: "32", resid: RES.icon32 }),
            el("bt:Image", { size: "80", resid: RES.icon80 }),
          ]),
          el("Action", { "xsi:type": "ShowTaskpane" }, [el("SourceLocation", { resid: RES.paneUrl })]),
        ]),
      ]),
    ]),
  ]);
}

function resources(app: ResolvedApp): XmlOut {
  const image = (id: string, pixels: 16 | 32 | 80) =>
    el("bt:Image", { id, DefaultValue: app.iconUrl(ribbonIcon(pixels)) });
  const text = (id: string, value: string) => el("bt:String", { id, DefaultValue: value });
  return el("Resources", {}, [
    el("bt:Images", {}, [image(RES.icon16, 16), image(RES.icon32, 32), image(RES.icon80, 80)]),
    el("bt:Urls", {}, [el("bt:Url", { id: RES.paneUrl, DefaultValue: app.pages.outlook })]),
    el("bt:ShortStrings", {}, [
      text(RES.groupLabel, OUTLOOK_ADDIN.groupLabel),
      text(RES.buttonLabel, OUTLOOK_ADDIN.buttonLabel),
      text(RES.tooltipTitle, OUTLOOK_ADDIN.tooltipTitle),
    ]),
    el("bt:LongStrings", {}, [text(RES.tooltip, OUTLOOK_ADDIN.tooltipDescription)]),
  ]);
}

/**
 * The add-in only (XML) manifest for Outlook clients that do not read the unified manifest:
 * Outlook 2016–2021 and other perpetual Windows versions, and mailboxes on Exchange Server.
 * It opens the same task pane from appointments, as organizer and as attendee.
 */
export function buildXmlManifest(app: ResolvedApp): string {
  const pane = el("SourceLocation", { DefaultValue: app.pages.outlook });
  const root = el(
    "OfficeApp",
    {
      xmlns: XML_NAMESPACES.officeApp,
      "xmlns:xsi": XML_NAMESPACES.xsi,
      "xmlns:bt": XML_NAMESPACES.basicTypes,
      "xsi:type": "MailApp",
    },
    [
      el("Id", {}, app.outlookAddinId),
      el("Version", {}, APP_VERSION),
      el("ProviderName", {}, APP_TEXT.developerName),
      el("DefaultLocale", {}, APP_TEXT.defaultLocale),
      el("DisplayName", { DefaultValue: APP_TEXT.outlookClassicName }),
      el("Description", { DefaultValue: APP_TEXT.outlookDescription }),
      el("IconUrl", { DefaultValue: app.iconUrl(ADDIN_ICON) }),
      el("HighResolutionIconUrl", { DefaultValue: app.iconUrl(ADDIN_HIGH_RESOLUTION_ICON) }),
      el("SupportUrl", { DefaultValue: app.pages.home }),
      el("AppDomains", {}, [el("AppDomain", {}, app.origin)]),
      el("Hosts", {}, [el("Host", { Name: "Mailbox" })]),
      el("Requirements", {}, [
        el("Sets", {}, [el("Set", { Name: "Mailbox", MinVersion: OUTLOOK_ADDIN.baseMailboxVersion })]),
      ]),
      // Clients without add-in commands open the pane from these forms, activated by the rule below.
      el("FormSettings", {}, [
        el("Form", { "xsi:type": "ItemRead" }, [
          el("DesktopSettings", {}, [
            pane,
            el("RequestedHeight", {}, String(OUTLOOK_ADDIN.taskPaneRequestedHeight)),
          ]),
        ]),
        el("Form", { "xsi:type": "ItemEdit" }, [el("DesktopSettings", {}, [pane])]),
      ]),
      el("Permissions", {}, OUTLOOK_ADDIN.xmlPermission),
      el("Rule", { "xsi:type": "RuleCollection", Mode: "Or" }, [
        el("Rule", { "xsi:type": "ItemIs", ItemType: "Appointment", FormType: "Read" }),
        el("Rule", { "xsi:type": "ItemIs", ItemType: "Appointment", FormType: "Edit" }),
      ]),
      el(
        "VersionOverrides",
        { xmlns: XML_NAMESPACES.versionOverrides10, "xsi:type": "VersionOverridesV1_0" },
        [
          el(
            "VersionOverrides",
            { xmlns: XML_NAMESPACES.versionOverrides11, "xsi:type": "VersionOverridesV1_1" },
            [
              el("Requirements", {}, [
                el("bt:Sets", { DefaultMinVersion: OUTLOOK_ADDIN.minMailboxVersion }, [
                  el("bt:Set", { Name: "Mailbox" }),
                ]),
              ]),
              el("Hosts", {}, [
                el("Host", { "xsi:type": "MailHost" }, [
                  el("DesktopFormFactor", {}, [
                    commandSurface("AppointmentOrganizerCommandSurface"),
                    commandSurface("AppointmentAttendeeCommandSurface"),
                  ]),
                ]),
              ]),
              resources(app),
              el("WebApplicationInfo", {}, [
                el("Id", {}, app.deployment.clientId),
                el("Resource", {}, app.apiResource),
                el(
                  "Scopes",
                  {},
                  SIGN_IN_SCOPES.map((scope) => el("Scope", {}, scope)),
                ),
              ]),
            ],
          ),
        ],
      ),
    ],
  );
  return serializeXml(root);
}
