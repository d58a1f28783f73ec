import { createContext, useContext } from "react";
import type { ThemeName } from "./theme-name.ts";

/** The theme in force, for the few things Fluent's tokens cannot colour (chart series). */
export const ThemeNameContext = createContext<ThemeName>("light");

export function useThemeName(): ThemeName {
  return useContext(ThemeNameContext);
}
