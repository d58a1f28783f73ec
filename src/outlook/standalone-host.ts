/**
 * The panel outside Outlook (the demo, screenshots, tests): the meeting is one the person picked from
 * their classified meetings, so FieldCoach already knows its ids. Who organized it and who attends are
 * not kept by FieldCoach, so they stay unknown rather than guessed.
 */

import type { ClassifiedEvent } from "../api/events.ts";
import type { Appointment, AppointmentHost } from "./office-host.ts";

export function standaloneAppointmentHost(event: ClassifiedEvent): AppointmentHost {
  const appointment: Appointment = {
    opened: "standalone",
    start: new Date(event.start).toISOString(),
    end: new Date(event.end).toISOString(),
    organizer: null,
    attendees: [],
    itemId: { kind: "known", restId: event.eventId },
    iCalUId: event.iCalUId,
  };
  return { read: () => Promise.resolve(appointment) };
}
