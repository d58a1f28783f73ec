/** A dismissed suggestion is remembered and that rep and day are not offered again (SPEC §5). */

import type { DismissResponse } from "../../api/suggestions.ts";
import { conflict, notFound } from "../api-error.ts";
import { presentSuggestion } from "../present/present-suggestion.ts";
import { type RequestContext, signedInPerson } from "../request-context.ts";

export async function dismissSuggestion(
  context: RequestContext,
  suggestionId: string,
): Promise<DismissResponse> {
  const manager = signedInPerson(context);
  const { store } = context.services;
  const found = await store.suggestions.get(context.tenantId, suggestionId);
  if (found === undefined || found.managerEmail !== manager.email)
    throw notFound("You have no such suggestion.");
  const decided = await store.suggestions.dismiss(context.tenantId, suggestionId, {
    by: manager.email,
    now: context.now,
  });
  if (decided === undefined) throw notFound("You have no such suggestion.");
  if (decided.outcome === "conflict")
    throw conflict("This suggestion is booked already; cancel the event in the calendar instead.");
  return { suggestion: presentSuggestion(decided.record, await context.hierarchy()) };
}
