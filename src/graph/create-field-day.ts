/**
 * Books a field day: an event in the manager's calendar with the rep invited, category "Field day", a
 * link to the coaching note in the body, the FieldCoach session id in an open extension, and the
 * booking's transaction id so that a create sent twice (a lost answer, a retry) yields one event.
 */

import type { BookedEvent, EventWriter, FieldDayBooking } from "../domain/graph-ports.ts";
import { InputError } from "../domain/input-error.ts";
import type { GraphClient } from "./client.ts";
import { sessionExtension } from "./event-extension.ts";
import { malformedAnswer } from "./map-error.ts";
import { mapGraphEvent } from "./map-event.ts";
import { PERMISSIONS } from "./permissions.ts";

export const FIELD_DAY_CATEGORY = "Field day";

/** The `POST /users/{id}/events` body for a booking. Throws RangeError for a booking that cannot be sent. */
export function fieldDayEventBody(booking: FieldDayBooking): Record<string, unknown> {
  if (!(booking.end > booking.start)) throw new RangeError("a field day must end after it starts");
  if (booking.transactionId.trim() === "") throw new RangeError("a booking needs a transaction id");
  if (booking.attendees.length === 0) throw new RangeError("a field day needs at least one attendee");
  let noteUrl: URL;
  try {
    noteUrl = new URL(booking.noteUrl);
  } catch {
    throw new RangeError(`the coaching note link must be an absolute URL, not "${booking.noteUrl}"`);
  }
  if (noteUrl.protocol !== "https:" && noteUrl.protocol !== "http:") {
    throw new RangeError(`the coaching note link must be http or https, not ${noteUrl.protocol}`);
  }
  const names = booking.attendees.map((a) => a.name ?? a.email).join(", ");
  return {
    subject: booking.subject,
    body: {
      contentType: "HTML",
      content: `<p>Field day with ${escapeHtml(names)}.</p><p><a href="${escapeHtml(noteUrl.href)}">Open the coaching note in FieldCoach</a></p>`,
    },
    start: { dateTime: utcDateTime(booking.start), timeZone: "UTC" },
    end: { dateTime: utcDateTime(booking.end), timeZone: "UTC" },
    ...(booking.location === undefined ? {} : { location: { displayName: booking.location } }),
    attendees: booking.attendees.map((a) => ({
      emailAddress: { address: a.email, ...(a.name === null ? {} : { name: a.name }) },
      type: "required",
    })),
    categories: [FIELD_DAY_CATEGORY],
    showAs: "busy",
    allowNewTimeProposals: true,
    transactionId: booking.transactionId,
    extensions: [sessionExtension(booking.sessionId)],
  };
}

export function createEventWriter(client: GraphClient): EventWriter {
  return {
    async createFieldDay(booking): Promise<BookedEvent> {
      const result = await client.send({
        method: "POST",
        url: `/users/${encodeURIComponent(booking.organizerId)}/events`,
        permission: PERMISSIONS.writeCalendar,
        mailboxes: new Map([[booking.organizerId, 1]]),
        headers: { Prefer: 'outlook.timezone="UTC"' },
        body: fieldDayEventBody(booking),
        // The transaction id makes a second send return the first event instead of a new one.
        idempotent: true,
      });
      const body = result.body as Record<string, unknown> | undefined;
      let event: BookedEvent["event"];
      try {
        event = mapGraphEvent(body, "$");
      } catch (error) {
        if (error instanceof InputError) throw malformedAnswer(error.message, "the created field day");
        throw error;
      }
      if ("incomplete" in event)
        throw malformedAnswer(`the event lacks ${event.missing.join(", ")}`, "the created field day");
      const webLink = body?.webLink;
      return {
        id: event.id,
        iCalUId: event.iCalUId,
        webLink: typeof webLink === "string" ? webLink : null,
        event,
      };
    },
  };
}

function utcDateTime(instant: number): string {
  return new Date(instant).toISOString().slice(0, 19);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
