/**
 * One page of a `calendarView/delta` answer → changed events, removed ids and the link to follow
 * (`@odata.nextLink` within a round, `@odata.deltaLink` at its end). Pure; throws InputError with a
 * JSON path for a malformed page.
 */

import type { EventInput } from "../domain/calendar-event.ts";
import { childPath, InputError } from "../domain/input-error.ts";
import { mapGraphEvent } from "./map-event.ts";

export interface DeltaPage {
  readonly changed: readonly EventInput[];
  readonly removedIds: readonly string[];
  readonly next: { readonly kind: "page" | "delta"; readonly link: string };
}

export function mapDeltaPage(raw: unknown, path: string): DeltaPage {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new InputError(path, "must be an object");
  const page = raw as Record<string, unknown>;
  if (!Array.isArray(page.value)) throw new InputError(childPath(path, "value"), "must be an array");
  const changed: EventInput[] = [];
  const removedIds: string[] = [];
  page.value.forEach((item, i) => {
    const where = childPath(childPath(path, "value"), i);
    if (typeof item === "object" && item !== null && "@removed" in item) {
      const id = (item as Record<string, unknown>).id;
      if (typeof id !== "string" || id === "")
        throw new InputError(childPath(where, "id"), "must be a non-empty string");
      removedIds.push(id);
    } else {
      changed.push(mapGraphEvent(item, where));
    }
  });
  const nextLink = page["@odata.nextLink"];
  const deltaLink = page["@odata.deltaLink"];
  if (typeof nextLink === "string" && nextLink !== "")
    return { changed, removedIds, next: { kind: "page", link: nextLink } };
  if (typeof deltaLink === "string" && deltaLink !== "")
    return { changed, removedIds, next: { kind: "delta", link: deltaLink } };
  throw new InputError(path, "has neither @odata.nextLink nor @odata.deltaLink");
}
