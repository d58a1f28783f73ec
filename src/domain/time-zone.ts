import { IANAZone } from "luxon";
import { findIana } from "windows-iana";

const resolved = new Map<string, string | undefined>();

/**
 * Maps a zone name as Graph or a person writes it to an IANA zone: Windows names
 * ("Pacific Standard Time", as Graph's working hours use), IANA names, or UTC.
 * Returns undefined for a name no library knows: callers must say so, never guess a zone.
 */
export function toIanaZone(name: string): string | undefined {
  if (resolved.has(name)) return resolved.get(name);
  const result = resolve(name.trim());
  resolved.set(name, result);
  return result;
}

function resolve(name: string): string | undefined {
  if (name === "") return undefined;
  if (/^(utc|gmt|z|etc\/utc|tzone:\/\/microsoft\/utc)$/i.test(name)) return "UTC";
  const windows = findIana(name)[0];
  if (windows !== undefined) return windows === "Etc/UTC" ? "UTC" : windows;
  if (IANAZone.isValidZone(name)) return name;
  return undefined;
}

export function isKnownZone(name: string): boolean {
  return toIanaZone(name) !== undefined;
}
