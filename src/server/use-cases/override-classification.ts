/**
 * A manager corrects how a meeting in their own calendar is classified (PUT /api/events/:iCalUId/override).
 * The override is kept and wins over the rules (SPEC §3); the meeting is read again from Graph and
 * classified anew with it, so the stored classification, its reasons and the metrics follow at once.
 */

import type { OverrideBody, OverrideResponse } from "../../api/events.ts";
import { notFound } from "../api-error.ts";
import { eventKeyOf, presentEvent } from "../present/present-event.ts";
import { type RequestContext, signedInPerson } from "../request-context.ts";
import { classifiedEventsOf } from "../sync/classified-events-of.ts";
import { calendarSyncWindow } from "../sync/sync-window.ts";
import { tenantOrgOf } from "../sync/tenant-org.ts";

export async function overrideClassification(
  context: RequestContext,
  iCalUId: string,
  body: OverrideBody,
): Promise<OverrideResponse> {
  const manager = signedInPerson(context);
  const { store } = context.services;
  const { tenantId, now } = context;
  const copies = (await store.events.withICalUId(tenantId, iCalUId)).filter(
    (event) => event.mailbox === manager.email,
  );
  if (copies.length === 0) throw notFound("That meeting is not in your calendar as FieldCoach knows it.");

  if (body.initiator === null && body.kind === null) {
    await store.overrides.clear(tenantId, manager.email, iCalUId);
  } else {
    await store.overrides.set(
      tenantId,
      manager.email,
      iCalUId,
      {
        ...(body.initiator === null ? {} : { initiator: body.initiator }),
        ...(body.kind === null ? {} : { kind: body.kind }),
        ...(body.reason === null || body.reason.trim() === "" ? {} : { reason: body.reason.trim() }),
      },
      { by: manager.email, now },
    );
  }

  const span = {
    start: Math.min(...copies.map((event) => event.start)),
    end: Math.max(...copies.map((event) => event.end)),
  };
  const fresh = (await context.graph.calendars.calendarView(manager.objectId, span)).filter(
    (event) => !("incomplete" in event) && event.iCalUId === iCalUId,
  );
  const overrides = await store.overrides.forMailbox(tenantId, manager.email);
  const hierarchy = await context.hierarchy();
  const batch = classifiedEventsOf({
    managerEmail: manager.email,
    org: tenantOrgOf(hierarchy.people, await context.settings()),
    events: fresh,
    window: calendarSyncWindow(now),
    overrides,
  });
  await store.events.upsert(tenantId, manager.email, batch.events, now);
  const byKey = new Map(overrides.map((record) => [record.eventKey, record]));
  const stored = (await store.events.withICalUId(tenantId, iCalUId)).filter(
    (event) => event.mailbox === manager.email,
  );
  return {
    events: stored.map((event) =>
      presentEvent(event, byKey.get(eventKeyOf(event)), { start: event.start, end: event.end }),
    ),
  };
}
