/**
 * Finds out whether Outlook hosts the panel. Office.js comes from Microsoft's CDN in the page's head:
 * when it failed to load (offline, blocked) there is no `Office` at all; outside Office its onReady
 * resolves with a null host; and a page framed by something that is not Office may never hear back, so
 * onReady races a short timeout. In every one of those cases the panel runs standalone.
 */

import { supportedLocale } from "../ui/host/browser-host.ts";
import type { HostInfo } from "../ui/host/host-info.ts";
import { withTimeout } from "../ui/host/with-timeout.ts";
import type { ThemeName } from "../ui/theme/theme-name.ts";
import { type AppointmentHost, officeAppointmentHost } from "./office-host.ts";
import { themeNameFromOfficeBackground } from "./office-theme.ts";
import type { OfficeApi, OfficeMailbox } from "./office-types.ts";

export const OFFICE_READY_TIMEOUT_MS = 1_500;

export interface OfficeConnection {
  readonly host: HostInfo;
  readonly appointments: AppointmentHost;
}

/** Undefined when the page does not run in Outlook. */
export async function connectToOffice(
  win: Window,
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
): Promise<OfficeConnection | undefined> {
  const office = officeOf(win);
  if (office === undefined) return undefined;
  let ready: Awaited<ReturnType<OfficeApi["onReady"]>>;
  try {
    ready = await withTimeout(office.onReady(), timeoutMs, "Office.js");
  } catch {
    return undefined;
  }
  const mailbox = office.context.mailbox;
  if (ready.host !== "Outlook" || mailbox === undefined) return undefined;
  return {
    host: outlookHostInfo(office, mailbox, win),
    appointments: officeAppointmentHost(mailbox),
  };
}

function officeOf(win: Window): OfficeApi | undefined {
  const candidate: unknown = (win as { Office?: unknown }).Office;
  if (typeof candidate !== "object" || candidate === null) return undefined;
  const office = candidate as Partial<OfficeApi>;
  return typeof office.onReady === "function" && typeof office.context === "object"
    ? (candidate as OfficeApi)
    : undefined;
}

function outlookHostInfo(office: OfficeApi, mailbox: OfficeMailbox, win: Window): HostInfo {
  const contrast = win.matchMedia("(forced-colors: active)");
  const systemDark = win.matchMedia("(prefers-color-scheme: dark)");
  const themeOf = (background: string | undefined): ThemeName =>
    contrast.matches
      ? "contrast"
      : (themeNameFromOfficeBackground(background) ?? (systemDark.matches ? "dark" : "light"));
  const requirements = office.context.requirements;
  const supports = (name: string, version: string) => requirements?.isSetSupported(name, version) === true;
  const loginHint = mailbox.userProfile?.emailAddress;
  const auth = office.auth;
  return {
    kind: "outlook",
    locale: supportedLocale(office.context.displayLanguage),
    theme: themeOf(office.context.officeTheme?.bodyBackgroundColor),
    onThemeChange(listener) {
      if (!supports("Mailbox", "1.14")) return () => {};
      return subscribe(mailbox, "officeThemeChanged", (event) => {
        const theme = (event as { officeTheme?: { bodyBackgroundColor?: string } } | undefined)?.officeTheme;
        listener(themeOf(theme?.bodyBackgroundColor));
      });
    },
    ...(loginHint === undefined || loginHint === "" ? {} : { loginHint }),
    nestedAppAuth: supports("NestedAppAuth", "1.1"),
    ...(auth === undefined
      ? {}
      : {
          hostToken: (silent: boolean) =>
            auth.getAccessToken({ allowSignInPrompt: !silent, allowConsentPrompt: !silent }),
        }),
  };
}

/**
 * Office.js removes all handlers of an event type at once, never one; the panel registers its theme
 * handler once for its lifetime, so unsubscribing only stops calling the listener.
 */
function subscribe(
  mailbox: OfficeMailbox,
  eventType: string,
  listener: (event: unknown) => void,
): () => void {
  let active = true;
  mailbox.addHandlerAsync?.(eventType, (event) => {
    if (active) listener(event);
  });
  return () => {
    active = false;
  };
}
