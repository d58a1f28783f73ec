import type { ResolvedApp } from "./app-definition.ts";
import { ALL_ICONS, type IconSpec } from "./icon-catalog.ts";

/** True when `url` is the base URL itself or a path below it, on the same origin. */
export function isUnderBase(url: string, baseUrl: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const base = new URL(baseUrl);
  if (parsed.origin !== base.origin || parsed.username !== "" || parsed.password !== "") return false;
  const basePath = base.pathname.replace(/\/+$/, "");
  return basePath === "" || parsed.pathname === basePath || parsed.pathname.startsWith(`${basePath}/`);
}

/** The catalogue icon a manifest URL points at, if it points at one. */
export function iconAt(url: string, app: ResolvedApp): IconSpec | undefined {
  return ALL_ICONS.find((icon) => app.iconUrl(icon) === url);
}
