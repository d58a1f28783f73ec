import { type ThemeName, themeNameFromQuery } from "../theme/theme-name.ts";
import type { HostInfo } from "./host-info.ts";

/**
 * FieldCoach opened in a plain browser tab (the demo, screenshots, tests): `?theme=` decides the look,
 * otherwise the system's forced colours or dark preference, followed live.
 */
export function browserHost(win: Window): HostInfo {
  const fromQuery = themeNameFromQuery(win.location.search);
  const contrast = win.matchMedia("(forced-colors: active)");
  const dark = win.matchMedia("(prefers-color-scheme: dark)");
  const systemTheme = (): ThemeName => (contrast.matches ? "contrast" : dark.matches ? "dark" : "light");
  return {
    kind: "browser",
    locale: supportedLocale(win.navigator.language),
    theme: fromQuery ?? systemTheme(),
    onThemeChange(listener) {
      if (fromQuery !== undefined) return () => {};
      const changed = () => listener(systemTheme());
      contrast.addEventListener("change", changed);
      dark.addEventListener("change", changed);
      return () => {
        contrast.removeEventListener("change", changed);
        dark.removeEventListener("change", changed);
      };
    },
    nestedAppAuth: false,
  };
}

/** The locale as Intl spells it, or the browser's first supported one when the host's is malformed. */
export function supportedLocale(locale: string | undefined): string {
  try {
    if (locale !== undefined && locale !== "") {
      return (
        Intl.DateTimeFormat.supportedLocalesOf([locale])[0] ??
        new Intl.DateTimeFormat().resolvedOptions().locale
      );
    }
  } catch {
    // A malformed tag (RangeError): fall through to the runtime's own locale.
  }
  return new Intl.DateTimeFormat().resolvedOptions().locale;
}
