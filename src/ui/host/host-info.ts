import type { ThemeName } from "../theme/theme-name.ts";

/**
 * What the pages need to know about where they run, whichever host it is. The Teams and Outlook entry
 * points fill it from their SDKs; a plain browser tab fills it from the URL and the browser.
 */
export interface HostInfo {
  readonly kind: "teams" | "outlook" | "browser";
  /** BCP 47, from the host (Teams' app locale, Office's display language) or the browser. */
  readonly locale: string;
  readonly theme: ThemeName;
  /** Calls back when the person switches the host's theme; returns the unsubscribe. */
  readonly onThemeChange: (listener: (theme: ThemeName) => void) => () => void;
  /** The signed-in user's address as the host knows it: a hint for sign-in, never identity. */
  readonly loginHint?: string;
  /** The host offers nested app authentication (MSAL over the host's bridge). */
  readonly nestedAppAuth: boolean;
  /** The host's own single sign-on, the fallback where nested app authentication is not offered. */
  readonly hostToken?: (silent: boolean) => Promise<string>;
}

/** A host that never changes theme by itself. */
export function noThemeChanges(): () => void {
  return () => {};
}
