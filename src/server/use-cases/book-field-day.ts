/**
 * Accepting a suggestion books the field day (POST /api/suggestions/:id/accept, SPEC §5): an event in
 * the manager's calendar with the rep invited, category "Field day", a link to its coaching note and
 * the suggestion's transaction id, then the draft note for that meeting and rep. Every step can be
 * repeated: Graph answers a retried create with the same event, the note is created once, and the
 * booking is recorded once; a second accept returns the first booking without calling Graph. A booking
 * Graph refused or did not answer is offered again.
 */

import { createHash } from "node:crypto";
import type { AcceptResponse } from "../../api/suggestions.ts";
import { conflict, notFound } from "../api-error.ts";
import { presentSuggestion } from "../present/present-suggestion.ts";
import { type RequestContext, signedInPerson } from "../request-context.ts";
import { classifiedEventsOf } from "../sync/classified-events-of.ts";
import { calendarSyncWindow } from "../sync/sync-window.ts";
import { tenantOrgOf } from "../sync/tenant-org.ts";

export async function bookFieldDay(context: RequestContext, suggestionId: string): Promise<AcceptResponse> {
  const manager = signedInPerson(context);
  const { store, publicBaseUrl } = context.services;
  const { tenantId, now } = context;
  const hierarchy = await context.hierarchy();
  const found = await store.suggestions.get(tenantId, suggestionId);
  if (found === undefined || found.managerEmail !== manager.email)
    throw notFound("You have no such suggestion.");
  const decided = await store.suggestions.accept(tenantId, suggestionId, { by: manager.email, now });
  if (decided === undefined) throw notFound("You have no such suggestion.");
  if (decided.outcome === "conflict") throw conflict("This suggestion was dismissed; it cannot be booked.");
  const suggestion = decided.record;
  const iso = (instant: number) => new Date(instant).toISOString();

  if (suggestion.eventId !== null && suggestion.noteId !== null) {
    const note = await store.notes.get(tenantId, suggestion.noteId);
    if (note !== undefined) {
      return {
        suggestion: presentSuggestion(suggestion, hierarchy),
        event: {
          eventId: suggestion.eventId,
          iCalUId: note.meetingICalUId,
          start: iso(suggestion.start),
          end: iso(suggestion.end),
        },
        noteId: note.noteId,
      };
    }
  }

  const rep = hierarchy.person(suggestion.repEmail);
  const noteId = noteIdFor(suggestionId);
  const booked = await context.graph.events
    .createFieldDay({
      organizerId: manager.objectId,
      subject: `Field day: ${manager.name} with ${rep?.name ?? suggestion.repEmail}`,
      start: suggestion.start,
      end: suggestion.end,
      attendees: [{ email: suggestion.repEmail, name: rep?.name ?? null }],
      noteUrl: `${publicBaseUrl}/tab#/note/${noteId}`,
      transactionId: suggestion.transactionId,
      sessionId: noteId,
    })
    .catch(async (error: unknown) => {
      // Nothing is booked as far as FieldCoach knows: offered again, the page lets the manager book it
      // again, and the kept transaction id turns an event Graph made without answering into that booking.
      await store.suggestions.reopen(tenantId, suggestionId);
      throw error;
    });
  const iCalUId = booked.iCalUId ?? booked.id;
  const plan = await store.plans.get(tenantId, suggestion.repEmail);
  const opened = await store.notes.create(
    tenantId,
    {
      noteId,
      meetingICalUId: iCalUId,
      repEmail: suggestion.repEmail,
      managerEmail: manager.email,
      meetingStart: suggestion.start,
      meetingKind: "field-day",
      focus: (plan?.focus ?? []).map((focus) => ({
        behaviourId: focus.behaviourId,
        rating: null,
        evidence: "",
      })),
    },
    { by: manager.email, now },
  );
  if (opened.created) {
    await store.audit.record(
      tenantId,
      { actor: manager.email, action: "note.create", targetType: "note", targetId: opened.note.noteId },
      now,
    );
  }
  const recorded = await store.suggestions.recordBooking(tenantId, suggestionId, {
    eventId: booked.id,
    noteId: opened.note.noteId,
  });
  // The booked event counts on the dashboard at once, without waiting for the next sync.
  const batch = classifiedEventsOf({
    managerEmail: manager.email,
    org: tenantOrgOf(hierarchy.people, await context.settings()),
    events: [booked.event],
    window: calendarSyncWindow(now),
    overrides: [],
  });
  await store.events.upsert(tenantId, manager.email, batch.events, now);
  return {
    suggestion: presentSuggestion(recorded ?? suggestion, hierarchy),
    event: {
      eventId: booked.id,
      iCalUId: booked.iCalUId,
      start: iso(suggestion.start),
      end: iso(suggestion.end),
    },
    noteId: opened.note.noteId,
  };
}

/** The booking's note id, the same on every attempt, so that the event's link and the note agree. */
function noteIdFor(suggestionId: string): string {
  const hex = createHash("sha256").update(`fieldcoach-note|${suggestionId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
