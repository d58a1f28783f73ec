/** The three looks Teams and Outlook offer; every page must work in each. */
export type ThemeName = "light" | "dark" | "contrast";

/** Teams reports "default", "dark" or "contrast"; anything newer falls back to light rather than failing. */
export function themeNameFromTeams(theme: string | undefined): ThemeName {
  if (theme === "dark") return "dark";
  if (theme === "contrast") return "contrast";
  return "light";
}

/**
 * `?theme=dark` (or `contrast`, `light`) lets the standalone page, screenshots and tests pick a look the
 * way a host would; undefined when the query names none.
 */
export function themeNameFromQuery(search: string): ThemeName | undefined {
  const value = new URLSearchParams(search).get("theme");
  if (value === "light" || value === "default") return "light";
  if (value === "dark" || value === "contrast") return value;
  return undefined;
}
