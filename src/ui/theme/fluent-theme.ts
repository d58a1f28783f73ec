import {
  type Theme,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from "@fluentui/react-components";
import type { ThemeName } from "./theme-name.ts";

const THEMES: Record<ThemeName, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** Teams' own Fluent themes, so the pages look like the host around them (Outlook uses them too). */
export function fluentThemeFor(name: ThemeName): Theme {
  return THEMES[name];
}
