import { app, authentication, nestedAppAuth } from "@microsoft/teams-js";
import { supportedLocale } from "../ui/host/browser-host.ts";
import type { HostInfo } from "../ui/host/host-info.ts";
import { withTimeout } from "../ui/host/with-timeout.ts";
import { themeNameFromTeams } from "../ui/theme/theme-name.ts";

/** Where in Teams the tab is shown, and what it was opened for. */
export interface TeamsPlace {
  /** "content" (the personal tab), "settings" (the configuration page), "sidePanel", "meetingStage"… */
  readonly frameContext: string;
  /** A deep link's subPageId (subEntityId): a route path such as `rep/jane@contoso.com`. */
  readonly subPageId?: string;
  /** The Teams meeting the tab is open in (side panel or stage). */
  readonly meetingId?: string;
}

export interface TeamsConnection {
  readonly host: HostInfo;
  readonly place: TeamsPlace;
}

/**
 * Outside Teams, app.initialize() rejects at once on a top-level page but waits about a minute inside a
 * foreign frame, so it races a short timeout: the same bundle then runs standalone.
 */
export const TEAMS_INITIALIZE_TIMEOUT_MS = 1_500;

/** Undefined when the page does not run inside Teams (or a Microsoft 365 host speaking its protocol). */
export async function connectToTeams(
  timeoutMs = TEAMS_INITIALIZE_TIMEOUT_MS,
): Promise<TeamsConnection | undefined> {
  try {
    await withTimeout(app.initialize(), timeoutMs, "Teams initialization");
  } catch {
    return undefined;
  }
  const context = await app.getContext();
  const loginHint = context.user?.loginHint ?? context.user?.userPrincipalName;
  const host: HostInfo = {
    kind: "teams",
    locale: supportedLocale(context.app.locale),
    theme: themeNameFromTeams(context.app.theme),
    onThemeChange(listener) {
      // TeamsJS keeps one theme handler; the shell registers it once.
      app.registerOnThemeChangeHandler((theme) => listener(themeNameFromTeams(theme)));
      return () => app.registerOnThemeChangeHandler(() => {});
    },
    ...(loginHint === undefined ? {} : { loginHint }),
    nestedAppAuth: nestedAppAuth.isNAAChannelRecommended(),
    hostToken: (silent) => authentication.getAuthToken({ silent }),
  };
  return {
    host,
    place: {
      frameContext: context.page.frameContext,
      ...(context.page.subPageId ? { subPageId: context.page.subPageId } : {}),
      ...(context.meeting?.id === undefined ? {} : { meetingId: context.meeting.id }),
    },
  };
}
