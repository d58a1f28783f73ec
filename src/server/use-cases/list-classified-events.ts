/**
 * Classified events of a manager's calendar (GET /api/events): the manager and the executives above see
 * them all; a rep sees the ones they took part in, on their own manager's calendar; nobody else any.
 */

import type { EventsQuery, EventsResponse } from "../../api/events.ts";
import { forbidden, notFound } from "../api-error.ts";
import { canSeeTeam } from "../authorize.ts";
import { eventKeyOf, presentEvent } from "../present/present-event.ts";
import { type RequestContext, signedInPerson } from "../request-context.ts";
import { refreshCalendar } from "../team-data.ts";

export async function listClassifiedEvents(
  context: RequestContext,
  query: EventsQuery,
): Promise<EventsResponse> {
  const viewer = signedInPerson(context);
  const hierarchy = await context.hierarchy();
  const ownCalendar = hierarchy.directReportsOf(viewer.email).length > 0 ? viewer.email : viewer.managerEmail;
  const managerEmail = query.manager ?? ownCalendar;
  const manager = managerEmail === null ? undefined : hierarchy.person(managerEmail);
  if (manager === undefined) throw notFound("There is no such manager's calendar in the directory.");
  let rep = query.rep;
  if (!canSeeTeam(context.viewer, manager.email, hierarchy)) {
    const isTheirRep = viewer.managerEmail === manager.email;
    if (!isTheirRep || (rep !== undefined && rep !== viewer.email)) {
      throw forbidden(
        "Only the manager, the executives above them and each rep for their own meetings see these.",
      );
    }
    rep = viewer.email;
  }
  await refreshCalendar(context, manager);
  const window = { start: Date.parse(query.from), end: Date.parse(query.to) };
  const { store } = context.services;
  const events = (
    await store.events.inWindow(context.tenantId, manager.email, window, rep === undefined ? {} : { rep })
  ).filter((event) => query.iCalUId === undefined || event.iCalUId === query.iCalUId);
  const overrides = new Map(
    (await store.overrides.forMailbox(context.tenantId, manager.email)).map((record) => [
      record.eventKey,
      record,
    ]),
  );
  return {
    manager: manager.email,
    events: events.map((event) => presentEvent(event, overrides.get(eventKeyOf(event)), window)),
  };
}
